"""What customers see of their own account."""

from datetime import datetime

import msgspec

from application.identity.tokens import TokenPair
from domain.customer.entities import Address, Customer


class CustomerView(msgspec.Struct, frozen=True):
    id: int
    name: str
    email: str | None
    phone: str | None
    email_verified: bool
    phone_verified: bool
    last_login_at: datetime | None

    @classmethod
    def of(cls, c: Customer) -> "CustomerView":
        assert c.id is not None
        return cls(
            id=c.id,
            name=c.name,
            email=c.email.value if c.email else None,
            phone=c.phone.value if c.phone else None,
            email_verified=c.email_verified,
            phone_verified=c.phone_verified,
            last_login_at=c.last_login_at,
        )


class AddressView(msgspec.Struct, frozen=True):
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

    @classmethod
    def of(cls, a: Address) -> "AddressView":
        assert a.id is not None
        return cls(
            id=a.id,
            label=a.label,
            line1=a.line1,
            line2=a.line2,
            landmark=a.landmark,
            locality=a.locality,
            city=a.city,
            state=a.state,
            pincode=a.pincode.value,
            is_default=a.is_default,
        )


class AuthResult(msgspec.Struct, frozen=True):
    """Register, login and refresh all answer with tokens and the account."""

    access_token: str
    refresh_token: str
    token_type: str
    expires_in: int
    user: CustomerView

    @classmethod
    def of(cls, tokens: TokenPair, customer: Customer) -> "AuthResult":
        return cls(
            access_token=tokens.access_token,
            refresh_token=tokens.refresh_token,
            token_type=tokens.token_type,
            expires_in=tokens.expires_in,
            user=CustomerView.of(customer),
        )
