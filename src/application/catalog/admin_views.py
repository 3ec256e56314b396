"""What the ops console sees of catalog entries (inactive ones too), and their activity-log snapshots."""

from typing import Any

import msgspec

from application.catalog.views import MoneyView
from domain.catalog.entities import Category, RateCard, Subcategory


class CategoryAdminView(msgspec.Struct, frozen=True):
    id: int
    slug: str
    name: str
    description: str
    icon: str
    sort_order: int
    is_active: bool

    @classmethod
    def of(cls, c: Category) -> "CategoryAdminView":
        return cls(
            id=c.id,
            slug=c.slug,
            name=c.name,
            description=c.description,
            icon=c.icon,
            sort_order=c.sort_order,
            is_active=c.is_active,
        )


class CategoryAdminPage(msgspec.Struct, frozen=True):
    items: list[CategoryAdminView]
    total: int
    limit: int
    offset: int


class SubcategoryAdminView(msgspec.Struct, frozen=True):
    id: int
    category_id: int
    slug: str
    name: str
    description: str
    duration_minutes: int
    inclusions: list[str]
    exclusions: list[str]
    keywords: list[str]
    sort_order: int
    is_active: bool

    @classmethod
    def of(cls, s: Subcategory) -> "SubcategoryAdminView":
        return cls(
            id=s.id,
            category_id=s.category_id,
            slug=s.slug,
            name=s.name,
            description=s.description,
            duration_minutes=s.duration_minutes,
            inclusions=list(s.inclusions),
            exclusions=list(s.exclusions),
            keywords=list(s.keywords),
            sort_order=s.sort_order,
            is_active=s.is_active,
        )


class RateCardAdminView(msgspec.Struct, frozen=True):
    id: int
    subcategory_id: int
    code: str
    name: str
    description: str
    unit: str
    price: MoneyView
    strike_price: MoneyView | None
    is_active: bool

    @classmethod
    def of(cls, r: RateCard) -> "RateCardAdminView":
        return cls(
            id=r.id,
            subcategory_id=r.subcategory_id,
            code=r.code,
            name=r.name,
            description=r.description,
            unit=r.unit,
            price=MoneyView.of(r.price),
            strike_price=MoneyView.of(r.strike_price) if r.strike_price else None,
            is_active=r.is_active,
        )


class RateCardPincodesView(msgspec.Struct, frozen=True):
    """Where a rate card is offered after a change, and what the change added and removed."""

    rate_card_id: int
    pincodes: list[str]
    added: list[str]
    removed: list[str]


AdminView = CategoryAdminView | SubcategoryAdminView | RateCardAdminView


def snapshot(view: AdminView) -> dict[str, Any]:
    """The entry's fields as JSON-ready data, for the activity log's before/after (prices as "499.00")."""
    data: dict[str, Any] = msgspec.to_builtins(view)
    return data
