"""A customer asks what they would get back if they cancelled one of their bookings now."""

import msgspec

from application.booking.errors import BookingNotFound
from application.booking.lifecycle_ports import CustomerBookings
from application.booking.lifecycle_views import CancellationQuoteView
from application.booking.ports import BookingReader
from application.common.ports import Clock
from application.identity.actors import CustomerActor
from domain.booking.cancellation import refund_for
from domain.booking.entities import TRANSITIONS, BookingId, BookingStatus, CancelledBy
from domain.customer.entities import CustomerId
from domain.shared.status_machine import check_transition


class QuoteCancellation(msgspec.Struct, frozen=True):
    booking_id: int


class QuoteCancellationHandler:
    """A signed-in customer sees the refund and rule of cancelling their own booking now, per
    `domain.booking.cancellation`. Someone else's or an unknown booking is BookingNotFound; one that can no
    longer be cancelled raises TransitionNotAllowed. Nothing is written or locked."""

    def __init__(self, reader: BookingReader, bookings: CustomerBookings, clock: Clock) -> None:
        self._reader, self._bookings, self._clock = reader, bookings, clock

    async def execute(self, query: QuoteCancellation, *, actor: CustomerActor) -> CancellationQuoteView:
        booking = await self._reader.get(CustomerId(actor.customer_id), BookingId(query.booking_id))
        if booking is None or booking.id is None:
            raise BookingNotFound(query.booking_id)
        check_transition("booking", TRANSITIONS, booking.status, BookingStatus.CANCELLED)
        decision = refund_for(
            total=booking.total,
            payment_method=booking.payment_method,
            category_slugs=await self._bookings.category_slugs(booking.id),
            slot_start=booking.slot.start,
            now=self._clock.now(),
            by=CancelledBy.CUSTOMER,
        )
        return CancellationQuoteView.of(booking.id, booking.total.amount, decision)
