"""Customers (the `users` table) and the addresses they book services at."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import NewType

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
