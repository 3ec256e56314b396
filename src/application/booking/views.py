"""What the booking use cases return."""

from datetime import date, datetime
from decimal import Decimal

import msgspec

from domain.booking.entities import Booking
from domain.provider.availability import IST, TIMEZONE_NAME


class BookingItemView(msgspec.Struct, frozen=True):
    rate_card_id: int
    name: str
    unit_price: Decimal
    quantity: int
    line_total: Decimal


class BookingSlotView(msgspec.Struct, frozen=True):
    date: date
    start_time: str
    end_time: str
    timezone: str
    start_local: datetime
    end_local: datetime
    start_utc: datetime
    end_utc: datetime


class BookingProviderView(msgspec.Struct, frozen=True):
    id: int
    name: str


class BookingView(msgspec.Struct, frozen=True):
    id: int
    reference: str
    status: str
    address_id: int
    pincode: str
    slot: BookingSlotView
    items: list[BookingItemView]
    currency: str
    subtotal: Decimal
    discount: Decimal
    tax: Decimal
    total: Decimal
    payment_method: str
    payment_status: str
    notes: str
    provider: BookingProviderView | None

    @classmethod
    def of(cls, booking: Booking, provider_name: str | None) -> "BookingView":
        assert booking.id is not None
        start, end = booking.slot.start.astimezone(IST), booking.slot.end.astimezone(IST)
        provider = (
            BookingProviderView(id=booking.provider_id, name=provider_name or "")
            if booking.provider_id is not None
            else None
        )
        return cls(
            id=booking.id,
            reference=booking.reference.value,
            status=booking.status.value,
            address_id=booking.address_id,
            pincode=booking.pincode.value,
            slot=BookingSlotView(
                date=start.date(),
                start_time=start.strftime("%H:%M"),
                end_time=end.strftime("%H:%M"),
                timezone=TIMEZONE_NAME,
                start_local=start,
                end_local=end,
                start_utc=booking.slot.start,
                end_utc=booking.slot.end,
            ),
            items=[
                BookingItemView(
                    rate_card_id=i.rate_card_id,
                    name=i.name,
                    unit_price=i.unit_price.amount,
                    quantity=i.quantity,
                    line_total=i.line_total.amount,
                )
                for i in booking.items
            ],
            currency=booking.total.currency,
            subtotal=booking.subtotal.amount,
            discount=booking.discount.amount,
            tax=booking.tax.amount,
            total=booking.total.amount,
            payment_method=booking.payment_method.value,
            payment_status=booking.payment_status.value,
            notes=booking.notes,
            provider=provider,
        )


class BookingPage(msgspec.Struct, frozen=True):
    items: list[BookingView]
    total: int
    limit: int
    offset: int
    next_offset: int | None
