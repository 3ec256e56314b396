"""HTTP response schemas: camelCase msgspec Structs, separate from the application's read models."""

from typing import Annotated

import msgspec

from application.catalog.views import (
    CategoryView,
    MoneyView,
    RateCardsAtPincode,
    RateCardView,
    SubcategoryView,
)


class Schema(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    """Base of HTTP schemas: camelCase on the wire, unknown fields refused on input."""


class MoneyOut(Schema):
    """An exact amount as a decimal string with two places ("3499.00"), never a float."""

    amount: Annotated[str, msgspec.Meta(pattern=r"^-?\d+\.\d{2}$", examples=["3499.00"])]
    currency: Annotated[str, msgspec.Meta(examples=["INR"])]

    @classmethod
    def of(cls, m: MoneyView) -> "MoneyOut":
        return cls(amount=f"{m.amount:.2f}", currency=m.currency)


class CategoryOut(Schema):
    id: int
    slug: str
    name: str
    description: str
    icon: str

    @classmethod
    def of(cls, c: CategoryView) -> "CategoryOut":
        return cls(id=c.id, slug=c.slug, name=c.name, description=c.description, icon=c.icon)


class CategoryList(Schema):
    items: list[CategoryOut]


class SubcategoryOut(Schema):
    id: int
    category_id: int
    slug: str
    name: str
    description: str
    duration_minutes: int
    inclusions: list[str]
    exclusions: list[str]

    @classmethod
    def of(cls, s: SubcategoryView) -> "SubcategoryOut":
        return cls(
            id=s.id,
            category_id=s.category_id,
            slug=s.slug,
            name=s.name,
            description=s.description,
            duration_minutes=s.duration_minutes,
            inclusions=s.inclusions,
            exclusions=s.exclusions,
        )


class SubcategoryList(Schema):
    category_id: int
    items: list[SubcategoryOut]


class RateCardOut(Schema):
    id: int
    subcategory_id: int
    code: str
    name: str
    description: str
    unit: str
    price: MoneyOut
    strike_price: MoneyOut | None
    savings: MoneyOut

    @classmethod
    def of(cls, r: RateCardView) -> "RateCardOut":
        return cls(
            id=r.id,
            subcategory_id=r.subcategory_id,
            code=r.code,
            name=r.name,
            description=r.description,
            unit=r.unit,
            price=MoneyOut.of(r.price),
            strike_price=MoneyOut.of(r.strike_price) if r.strike_price else None,
            savings=MoneyOut.of(r.savings),
        )


class RateCardList(Schema):
    subcategory_id: int
    pincode: str | None
    serviceable: bool | None
    items: list[RateCardOut]

    @classmethod
    def of(cls, r: RateCardsAtPincode) -> "RateCardList":
        return cls(
            subcategory_id=r.subcategory_id,
            pincode=r.pincode,
            serviceable=r.serviceable,
            items=[RateCardOut.of(i) for i in r.items],
        )


class DependencyOut(Schema):
    name: str
    ok: bool
    latency_ms: float
    detail: str | None


class Readiness(Schema):
    status: str
    down: list[str]
    checks: list[DependencyOut]


class Liveness(Schema):
    status: str
