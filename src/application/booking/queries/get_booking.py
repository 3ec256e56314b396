"""A customer reads one of their bookings by id or reference."""

import msgspec

from application.booking.errors import BookingNotFound
from application.booking.ports import BookingReader
from application.booking.views import BookingView
from application.identity.actors import CustomerActor
from domain.booking.entities import BookingId
from domain.booking.reference import BookingReference, InvalidBookingReference
from domain.customer.entities import CustomerId


class GetBookingQuery(msgspec.Struct, frozen=True):
    id_or_reference: str


class GetBooking:
    """A signed-in customer sees their own booking, named by its numeric id or its BK-... reference (any
    case). Someone else's booking, an unknown one and a malformed key are all BookingNotFound."""

    def __init__(self, bookings: BookingReader) -> None:
        self._bookings = bookings

    async def execute(self, query: GetBookingQuery, *, actor: CustomerActor) -> BookingView:
        raw = query.id_or_reference.strip()
        key: BookingId | BookingReference
        if raw.isdigit() and len(raw) <= 12:
            key = BookingId(int(raw))
        else:
            try:
                key = BookingReference.parse(raw)
            except InvalidBookingReference:
                raise BookingNotFound(raw) from None
        booking = await self._bookings.get(CustomerId(actor.customer_id), key)
        if booking is None:
            raise BookingNotFound(raw)
        names = await self._bookings.provider_names([booking.provider_id] if booking.provider_id else [])
        return BookingView.of(booking, names.get(booking.provider_id) if booking.provider_id else None)
