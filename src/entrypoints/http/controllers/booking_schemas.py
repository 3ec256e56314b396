"""HTTP schemas of the booking endpoints."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

import msgspec

from domain.pricing.policy import MAX_LINES, MAX_QUANTITY
from entrypoints.http.schemas import Schema

PaymentMethodIn = Literal["upi", "card", "netbanking", "wallet", "cash"]


class BookingItemIn(Schema):
    rate_card_id: Annotated[int, msgspec.Meta(ge=1)]
    quantity: Annotated[int, msgspec.Meta(ge=1, le=MAX_QUANTITY)] = 1


class BookingIn(Schema):
    """A visit at one of your addresses. `time` is India time (Asia/Kolkata), on the half hour."""

    address_id: Annotated[int, msgspec.Meta(ge=1)]
    date: Annotated[date, msgspec.Meta(examples=["2026-12-05"])]
    time: Annotated[str, msgspec.Meta(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", examples=["10:30"])]
    items: Annotated[list[BookingItemIn], msgspec.Meta(min_length=1, max_length=MAX_LINES)]
    notes: Annotated[str, msgspec.Meta(max_length=1000)] = ""
    payment_method: PaymentMethodIn = "upi"


class BookingItemOut(Schema):
    rate_card_id: int
    name: str
    unit_price: Decimal
    quantity: int
    line_total: Decimal


class BookingSlotOut(Schema):
    """The visit's day and times in India, and the same span in UTC."""

    date: date
    start_time: str
    end_time: str
    timezone: str
    start_local: datetime
    end_local: datetime
    start_utc: datetime
    end_utc: datetime


class BookingProviderOut(Schema):
    id: int
    name: str


class BookingOut(Schema):
    """Amounts are decimal strings in `currency`; total = subtotal - discount + tax (GST)."""

    id: int
    reference: Annotated[str, msgspec.Meta(examples=["BK-20261125-0001"])]
    status: str
    address_id: int
    pincode: str
    slot: BookingSlotOut
    items: list[BookingItemOut]
    currency: str
    subtotal: Decimal
    discount: Decimal
    tax: Decimal
    total: Decimal
    payment_method: str
    payment_status: str
    notes: str
    provider: BookingProviderOut | None


class BookingPageOut(Schema):
    items: list[BookingOut]
    total: int
    limit: int
    offset: int
    next_offset: int | None
