"""Read models the catalog queries return: plain data, safe to serialise and cache."""

from decimal import Decimal

import msgspec

from domain.catalog.entities import Category, RateCard, Subcategory
from domain.shared.money import Money


class MoneyView(msgspec.Struct, frozen=True):
    amount: Decimal
    currency: str

    @classmethod
    def of(cls, money: Money) -> "MoneyView":
        return cls(amount=money.amount, currency=money.currency)


class CategoryView(msgspec.Struct, frozen=True):
    id: int
    slug: str
    name: str
    description: str
    icon: str

    @classmethod
    def of(cls, c: Category) -> "CategoryView":
        return cls(id=c.id, slug=c.slug, name=c.name, description=c.description, icon=c.icon)


class SubcategoryView(msgspec.Struct, frozen=True):
    id: int
    category_id: int
    slug: str
    name: str
    description: str
    duration_minutes: int
    inclusions: list[str]
    exclusions: list[str]

    @classmethod
    def of(cls, s: Subcategory) -> "SubcategoryView":
        return cls(
            id=s.id,
            category_id=s.category_id,
            slug=s.slug,
            name=s.name,
            description=s.description,
            duration_minutes=s.duration_minutes,
            inclusions=list(s.inclusions),
            exclusions=list(s.exclusions),
        )


class RateCardView(msgspec.Struct, frozen=True):
    id: int
    subcategory_id: int
    code: str
    name: str
    description: str
    unit: str
    price: MoneyView
    strike_price: MoneyView | None
    savings: MoneyView

    @classmethod
    def of(cls, r: RateCard) -> "RateCardView":
        return cls(
            id=r.id,
            subcategory_id=r.subcategory_id,
            code=r.code,
            name=r.name,
            description=r.description,
            unit=r.unit,
            price=MoneyView.of(r.price),
            strike_price=MoneyView.of(r.strike_price) if r.strike_price else None,
            savings=MoneyView.of(r.savings),
        )


class RateCardsAtPincode(msgspec.Struct, frozen=True):
    """Rate cards of one subcategory; when a pincode was given, only those offered there."""

    subcategory_id: int
    pincode: str | None
    serviceable: bool | None
    items: list[RateCardView]
    total: int = 0
    next_offset: int | None = None
