"""HTTP schemas of the signed-in customer's own account and address book (camelCase on the wire)."""

from datetime import datetime
from typing import Annotated

import msgspec
from msgspec import UNSET, UnsetType

from entrypoints.http.controllers.auth import Password
from entrypoints.http.schemas import Schema

Name = Annotated[str, msgspec.Meta(min_length=1, max_length=120, examples=["Ananya Iyer"])]
EmailText = Annotated[str, msgspec.Meta(min_length=1, max_length=254, examples=["ananya@example.in"])]
PhoneText = Annotated[str, msgspec.Meta(min_length=1, max_length=20, examples=["+91 98765 43210"])]
Label = Annotated[str, msgspec.Meta(min_length=1, max_length=40, examples=["Home"])]
Line1 = Annotated[str, msgspec.Meta(min_length=1, max_length=200, examples=["Flat 4B, Prestige Acropolis"])]
Line2 = Annotated[str, msgspec.Meta(max_length=200, examples=["20th Main, 1st Block"])]
Landmark = Annotated[str, msgspec.Meta(max_length=120, examples=["Opposite Forum Mall"])]
PincodeText = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=10,
        examples=["560034"],
        description="6-digit Indian pincode; locality, city and state are filled in from it",
    ),
]


class ProfileOut(Schema):
    id: int
    name: str
    email: str | None
    phone: str | None
    email_verified: bool
    phone_verified: bool
    last_login_at: datetime | None


class ProfilePatch(Schema):
    """Only the fields sent change. `null` removes the email or the mobile (one of them must remain); a
    new email or mobile is unverified until confirmed."""

    name: Name | UnsetType = UNSET
    email: EmailText | UnsetType | None = UNSET
    phone: PhoneText | UnsetType | None = UNSET


class PasswordChangeIn(Schema):
    current_password: Password
    new_password: Password


class AddressIn(Schema):
    label: Label
    line1: Line1
    pincode: PincodeText
    line2: Line2 | None = None
    landmark: Landmark | None = None
    is_default: bool = False


class AddressPatch(Schema):
    """Only the fields sent change; `null` clears line2 or landmark. `isDefault: true` makes this the
    default address; one address is always the default, so `false` on it is refused."""

    label: Label | UnsetType = UNSET
    line1: Line1 | UnsetType = UNSET
    line2: Line2 | UnsetType | None = UNSET
    landmark: Landmark | UnsetType | None = UNSET
    pincode: PincodeText | UnsetType = UNSET
    is_default: bool | UnsetType = UNSET


class AddressOut(Schema):
    id: int
    label: str
    line1: str
    line2: str
    landmark: str
    locality: str
    city: str
    state: str
    pincode: str
    is_default: bool


class AddressListOut(Schema):
    items: list[AddressOut]
