"""Customers (the `users` table) and the addresses they book services at."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import NewType

from domain.shared.email import Email
from domain.shared.errors import DomainError
from domain.shared.phone import PhoneNumber
from domain.shared.pincode import Pincode

CustomerId = NewType("CustomerId", int)
AddressId = NewType("AddressId", int)


class ContactRequired(DomainError):
    """A customer must be reachable: an email, a mobile number, or both."""

    code = "contact_required"

    def __init__(self) -> None:
        super().__init__("give an email address, an Indian mobile number, or both")


@dataclass(eq=False, kw_only=True)
class Address:
    """Where a service is done. The pincode decides what is offered there and who can come."""

    id: AddressId
    customer_id: CustomerId
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


@dataclass(eq=False, kw_only=True)
class Customer:
    """A person who books services. Deleting an account scrubs personal data but keeps the row, so bookings
    stay accountable."""

    id: CustomerId
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
