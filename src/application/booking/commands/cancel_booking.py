"""A customer cancels one of their bookings and is refunded per the cancellation policy."""

import msgspec

from application.booking.errors import BookingNotFound
from application.booking.events import BookingEvents, cancelled_notices, renotify
from application.booking.idempotency import KeyedRequest, check_key
from application.booking.lifecycle_ports import CustomerBookings
from application.booking.lifecycle_views import CancellationView, RefundRuleView
from application.booking.ports import BookingReader, IdempotencyStore
from application.booking.views import BookingView
from application.common.ports import Clock, UnitOfWork
from application.customer.ports import CustomerRepository
from application.identity.actors import CustomerActor
from domain.booking.cancellation import refund_for
from domain.booking.entities import BookingId, CancelledBy
from domain.customer.entities import CustomerId


class CancelBooking(msgspec.Struct, frozen=True):
    booking_id: int
    reason: str = ""


class CancelBookingHandler:
    """A signed-in customer cancels their own pending or confirmed booking (BookingNotFound for anyone
    else's; TransitionNotAllowed once it started, completed or was cancelled). The refund and its rule come
    from `domain.booking.cancellation` at the moment of cancelling; the payment status follows the refund.
    With an idempotency key, a repeat of the same request returns the first response; another request with
    that key raises IdempotencyKeyReused. In the same transaction the booking's waiting reminders are
    withdrawn and a cancellation notice with the refund is queued."""

    def __init__(
        self,
        bookings: CustomerBookings,
        reader: BookingReader,
        idempotency: IdempotencyStore,
        customers: CustomerRepository,
        events: BookingEvents,
        uow: UnitOfWork,
        clock: Clock,
    ) -> None:
        self._bookings, self._reader, self._idempotency = bookings, reader, idempotency
        self._customers, self._events = customers, events
        self._uow, self._clock = uow, clock

    async def execute(
        self, cmd: CancelBooking, *, actor: CustomerActor, idempotency_key: str | None = None
    ) -> CancellationView:
        check_key(idempotency_key)
        now = self._clock.now()
        keyed = KeyedRequest(
            self._idempotency, f"bookings.cancel:customer:{actor.customer_id}", idempotency_key
        )
        if (earlier := await keyed.replay(cmd, CancellationView, now=now)) is not None:
            return earlier
        booking = await self._bookings.get_for_update(
            CustomerId(actor.customer_id), BookingId(cmd.booking_id)
        )
        if booking is None or booking.id is None:
            raise BookingNotFound(cmd.booking_id)
        decision = refund_for(
            total=booking.total,
            payment_method=booking.payment_method,
            category_slugs=await self._bookings.category_slugs(booking.id),
            slot_start=booking.slot.start,
            now=now,
            by=CancelledBy.CUSTOMER,
        )
        booking.cancel(
            now=now,
            by=CancelledBy.CUSTOMER,
            reason=cmd.reason.strip(),
            refund=decision.refund,
            rule=decision.rule,
        )
        await renotify(self._events, self._customers, booking, cancelled_notices, now=now)
        names = await self._reader.provider_names([booking.provider_id] if booking.provider_id else [])
        view = CancellationView(
            booking=BookingView.of(booking, names.get(booking.provider_id) if booking.provider_id else None),
            currency=decision.refund.currency,
            refund=decision.refund.amount,
            rule=RefundRuleView(code=decision.rule, description=decision.explanation),
        )
        await keyed.remember(view, status_code=200)
        await self._uow.commit()
        return view
