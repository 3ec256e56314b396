"""HTTP schemas of ops catalog management. PATCH bodies carry only what changes (left-out fields stay)."""

from typing import Annotated

import msgspec

from entrypoints.http.schemas import MoneyOut, Schema

UNSET = msgspec.UNSET
Unset = msgspec.UnsetType
Slug = Annotated[
    str, msgspec.Meta(max_length=100, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", examples=["balcony-cleaning"])
]
Code = Annotated[
    str, msgspec.Meta(max_length=60, pattern=r"^[A-Z0-9]+(-[A-Z0-9]+)*$", examples=["CLN-BALC-1"])
]
CategoryName = Annotated[str, msgspec.Meta(min_length=1, max_length=120, examples=["Home Cleaning"])]
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=150, examples=["Balcony Cleaning"])]
Description = Annotated[str, msgspec.Meta(max_length=5000)]
Icon = Annotated[str, msgspec.Meta(max_length=40, examples=["broom"])]
Unit = Annotated[str, msgspec.Meta(max_length=40, examples=["per visit"])]
SortOrder = Annotated[int, msgspec.Meta(ge=0, le=1_000_000)]
Duration = Annotated[int, msgspec.Meta(ge=1, le=10080, description="Minutes, at most 7 days")]
Phrases = Annotated[list[Annotated[str, msgspec.Meta(max_length=200)]], msgspec.Meta(max_length=50)]
Price = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^-?[0-9]{1,10}\.[0-9]{2}$", examples=["499.00"], description="INR with two decimals"
    ),
]
Pincodes = Annotated[
    list[Annotated[str, msgspec.Meta(max_length=7, examples=["560034"])]], msgspec.Meta(max_length=500)
]


class CategoryCreateIn(Schema):
    slug: Slug
    name: CategoryName
    description: Description = ""
    icon: Icon = ""
    sort_order: SortOrder = 0
    is_active: bool = True


class CategoryPatchIn(Schema):
    """`isActive: false` hides the category and all its services from customers."""

    name: CategoryName | Unset = UNSET
    description: Description | Unset = UNSET
    icon: Icon | Unset = UNSET
    sort_order: SortOrder | Unset = UNSET
    is_active: bool | Unset = UNSET


class SubcategoryCreateIn(Schema):
    category_id: int
    slug: Slug
    name: Name
    duration_minutes: Duration
    description: Description = ""
    inclusions: Phrases = []
    exclusions: Phrases = []
    keywords: Phrases = []
    sort_order: SortOrder = 0
    is_active: bool = True


class SubcategoryPatchIn(Schema):
    """Lists are replaced whole."""

    name: Name | Unset = UNSET
    description: Description | Unset = UNSET
    duration_minutes: Duration | Unset = UNSET
    inclusions: Phrases | Unset = UNSET
    exclusions: Phrases | Unset = UNSET
    keywords: Phrases | Unset = UNSET
    sort_order: SortOrder | Unset = UNSET
    is_active: bool | Unset = UNSET


class RateCardCreateIn(Schema):
    subcategory_id: int
    code: Code
    name: Name
    price: Price
    strike_price: Price | None = None
    description: Description = ""
    unit: Unit = ""
    is_active: bool = True


class RateCardPatchIn(Schema):
    """`strikePrice: null` removes the strike price."""

    name: Name | Unset = UNSET
    description: Description | Unset = UNSET
    unit: Unit | Unset = UNSET
    price: Price | Unset = UNSET
    strike_price: Price | Unset | None = UNSET
    is_active: bool | Unset = UNSET


class PincodesIn(Schema):
    """Every pincode where the rate card is offered from now on (an empty list: nowhere)."""

    pincodes: Pincodes


class PincodeChangesIn(Schema):
    """Start offering at `add`, stop at `remove`; other pincodes stay as they are."""

    add: Pincodes = []
    remove: Pincodes = []


class CategoryAdminOut(Schema):
    id: int
    slug: str
    name: str
    description: str
    icon: str
    sort_order: int
    is_active: bool


class CategoryAdminPageOut(Schema):
    items: list[CategoryAdminOut]
    total: int
    limit: int
    offset: int


class SubcategoryAdminOut(Schema):
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


class RateCardAdminOut(Schema):
    id: int
    subcategory_id: int
    code: str
    name: str
    description: str
    unit: str
    price: MoneyOut
    strike_price: MoneyOut | None
    is_active: bool


class RateCardPincodesOut(Schema):
    rate_card_id: int
    pincodes: list[str]
    added: list[str]
    removed: list[str]
