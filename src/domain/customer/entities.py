"""Customers (the `users` table) and the addresses they book services at."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import NewType

from domain.customer.addresses import (
    LABEL_MAX,
    LANDMARK_MAX,
    LINE_MAX,
    MAX_ADDRESSES,
    DefaultAddressRequired,
    Location,
    TooManyAddresses,
    UnknownAddress,
    address_text,
    optional_text,
)
from domain.shared.email import Email
from domain.shared.errors import DomainError, InvalidValue
from domain.shared.phone import PhoneNumber
from domain.shared.pincode import Pincode

CustomerId = NewType("CustomerId", int)
AddressId = NewType("AddressId", int)


class InvalidName(InvalidValue):
    code = "invalid_name"

    def __init__(self) -> None:
        super().__init__("name", "a name is 2 to 120 characters")


def validated_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not 2 <= len(cleaned) <= 120:
        raise InvalidName()
    return cleaned


class ContactRequired(DomainError):
    """A customer must be reachable: an email, a mobile number, or both."""

    code = "contact_required"

    def __init__(self) -> None:
        super().__init__("give an email address, an Indian mobile number, or both")


@dataclass(eq=False, kw_only=True)
class Address:
    """Where a service is done. The pincode decides what is offered there and who can come."""

    id: AddressId | None = None
    customer_id: CustomerId | None = None
    label: str
    line1: str
    line2: str = ""
    landmark: str = ""
    locality: str = ""
    city: str
    state: str
    pincode: Pincode
    is_default: bool = False
    deleted_at: datetime | None = None

    def scrub(self, *, now: datetime) -> None:
        """Forget the street-level details; keep city and pincode for accounting."""
        self.line1 = "Removed"
        self.line2 = self.landmark = ""
        self.is_default = False
        self.deleted_at = now

    def move_to(self, location: Location) -> None:
        self.pincode = location.pincode
        self.locality, self.city, self.state = location.locality, location.city, location.state


@dataclass(eq=False, kw_only=True)
class Customer:
    """A person who books services. Deleting an account scrubs personal data but keeps the row, so bookings
    stay accountable."""

    id: CustomerId | None = None
    name: str
    email: Email | None = None
    phone: PhoneNumber | None = None
    password_hash: str
    email_verified: bool = False
    phone_verified: bool = False
    is_active: bool = True
    deleted_at: datetime | None = None
    last_login_at: datetime | None = None
    addresses: list[Address] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.email is None and self.phone is None and self.deleted_at is None:
            raise ContactRequired()

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def can_sign_in(self) -> bool:
        return self.is_active and not self.is_deleted

    def record_login(self, *, now: datetime) -> None:
        self.last_login_at = now

    def set_password_hash(self, password_hash: str) -> None:
        self.password_hash = password_hash

    def update_profile(
        self, *, name: str | None = None, email: Email | None = None, phone: PhoneNumber | None = None
    ) -> None:
        """Change what was given. A changed email or phone is unverified until confirmed again."""
        if name is not None:
            self.name = validated_name(name)
        if email is not None and email != self.email:
            self.email = email
            self.email_verified = False
        if phone is not None and phone != self.phone:
            self.phone = phone
            self.phone_verified = False

    def remove_contact(self, *, email: bool = False, phone: bool = False) -> None:
        """Forget the email, the mobile or both; ContactRequired if no way to reach them would remain."""
        if (email or self.email is None) and (phone or self.phone is None):
            raise ContactRequired()
        if email:
            self.email, self.email_verified = None, False
        if phone:
            self.phone, self.phone_verified = None, False

    @property
    def live_addresses(self) -> list[Address]:
        """The addresses not removed, oldest first."""
        return [a for a in self.addresses if a.deleted_at is None]

    def address(self, address_id: AddressId) -> Address | None:
        """The live address with this id, or None (also for removed ones and other customers' ids)."""
        return next((a for a in self.live_addresses if a.id == address_id), None)

    def add_address(
        self,
        *,
        label: str,
        line1: str,
        location: Location,
        line2: str = "",
        landmark: str = "",
        make_default: bool = False,
    ) -> Address:
        """Add an address at a known location. At most MAX_ADDRESSES live ones (TooManyAddresses); the first
        one is the default, and so is one added with `make_default` (the others then stop being it)."""
        live = self.live_addresses
        if len(live) >= MAX_ADDRESSES:
            raise TooManyAddresses(MAX_ADDRESSES)
        address = Address(
            label=address_text("label", label, LABEL_MAX),
            line1=address_text("line1", line1, LINE_MAX),
            line2=address_text("line2", line2, LINE_MAX, required=False),
            landmark=address_text("landmark", landmark, LANDMARK_MAX, required=False),
            locality=location.locality,
            city=location.city,
            state=location.state,
            pincode=location.pincode,
        )
        self.addresses.append(address)
        if make_default or not live:
            self._make_default(address)
        return address

    def change_address(
        self,
        address_id: AddressId,
        *,
        label: str | None = None,
        line1: str | None = None,
        line2: str | None = None,
        landmark: str | None = None,
        location: Location | None = None,
        default: bool | None = None,
    ) -> Address:
        """Change what was given. `default=True` makes it the default (un-defaulting the others);
        `default=False` on the default is refused (DefaultAddressRequired): choose another default instead."""
        address = self._live(address_id)
        if default is False and address.is_default:
            raise DefaultAddressRequired()
        label = optional_text("label", label, LABEL_MAX)
        line1 = optional_text("line1", line1, LINE_MAX)
        line2 = optional_text("line2", line2, LINE_MAX, required=False)
        landmark = optional_text("landmark", landmark, LANDMARK_MAX, required=False)
        if label is not None:
            address.label = label
        if line1 is not None:
            address.line1 = line1
        if line2 is not None:
            address.line2 = line2
        if landmark is not None:
            address.landmark = landmark
        if location is not None:
            address.move_to(location)
        if default:
            self._make_default(address)
        return address

    def remove_address(self, address_id: AddressId, *, now: datetime) -> None:
        """Soft delete (bookings keep pointing at it) so it never shows again. When it was the default, the
        oldest remaining address becomes the default."""
        address = self._live(address_id)
        was_default = address.is_default
        address.is_default = False
        address.deleted_at = now
        remaining = self.live_addresses
        if was_default and remaining:
            self._make_default(remaining[0])

    def _live(self, address_id: AddressId) -> Address:
        address = self.address(address_id)
        if address is None:
            raise UnknownAddress(address_id)
        return address

    def _make_default(self, chosen: Address) -> None:
        for address in self.addresses:
            address.is_default = address is chosen

    def delete(self, *, now: datetime) -> None:
        """Soft delete: personal data is scrubbed, the row stays so bookings keep their customer."""
        self.name = "Deleted customer"
        self.email = None
        self.phone = None
        self.password_hash = "!deleted"  # noqa: S105 - matches no password: argon2 cannot verify it
        self.email_verified = self.phone_verified = False
        self.is_active = False
        self.deleted_at = now
        for address in self.addresses:
            address.scrub(now=now)
