"""HTTP response schemas: camelCase msgspec Structs, separate from the application's read models.

`to_schema` copies a read model into its schema by attribute name, so a field the schema leaves out
never leaks to clients, and a renamed or missing field fails loudly in the tests.
"""

from decimal import Decimal
from typing import Annotated, TypeVar

import msgspec

S = TypeVar("S", bound="Schema")


class Schema(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    """Base of HTTP schemas: camelCase on the wire, unknown fields refused on input."""


def to_schema(value: object, schema: type[S]) -> S:
    return msgspec.convert(value, schema, from_attributes=True)


class MoneyOut(Schema):
    """An exact amount, serialised as a decimal string with two places ("3499.00"), never a float."""

    amount: Annotated[Decimal, msgspec.Meta(examples=[Decimal("3499.00")])]
    currency: Annotated[str, msgspec.Meta(examples=["INR"])]


class CategoryOut(Schema):
    id: int
    slug: str
    name: str
    description: str
    icon: str


class CategoryList(Schema):
    items: list[CategoryOut]
    total: int
    next_offset: int | None


class SubcategoryOut(Schema):
    id: int
    category_id: int
    slug: str
    name: str
    description: str
    duration_minutes: int
    inclusions: list[str]
    exclusions: list[str]


class SubcategoryList(Schema):
    category_id: int
    items: list[SubcategoryOut]
    total: int
    next_offset: int | None


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


class RateCardList(Schema):
    subcategory_id: int
    pincode: str | None
    serviceable: bool | None
    items: list[RateCardOut]
    total: int
    next_offset: int | None


class ServiceHitOut(Schema):
    subcategory_id: int
    slug: str
    name: str
    category_id: int
    category_slug: str
    category_name: str
    score: Annotated[float, msgspec.Meta(ge=0, le=1, description="1 for an exact hit")]
    matched_on: Annotated[str, msgspec.Meta(examples=["synonym: safai", "keyword: geyser repair"])]


class ServiceSearchResult(Schema):
    query: str
    pincode: str | None
    serviceable: bool | None
    items: list[ServiceHitOut]


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


class CacheStatsOut(Schema):
    hits: int
    misses: int
    hit_rate: float
