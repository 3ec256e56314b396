"""A customer cancels one of their bookings and is refunded per the cancellation policy."""

import hashlib
from datetime import timedelta

import msgspec

from application.booking.errors import BookingNotFound
from application.booking.lifecycle_ports import CustomerBookings
from application.booking.lifecycle_views import CancellationView, RefundRuleView
from application.booking.ports import BookingReader, IdempotencyStore, StoredResponse
from application.booking.views import BookingView
from application.common.errors import InvalidInput
from application.common.ports import Clock, UnitOfWork
from application.identity.actors import CustomerActor
from domain.booking.cancellation import refund_for
from domain.booking.entities import BookingId, CancelledBy
from domain.customer.entities import CustomerId

IDEMPOTENCY_TTL = timedelta(hours=24)
MAX_KEY_LENGTH = 128


class CancelBooking(msgspec.Struct, frozen=True):
    booking_id: int
    reason: str = ""


class CancelBookingHandler:
    """A signed-in customer cancels their own pending or confirmed booking (BookingNotFound for anyone
    else's; TransitionNotAllowed once it started, completed or was cancelled). The refund and its rule come
    from `domain.booking.cancellation` at the moment of cancelling; the payment status follows the refund.
    With an idempotency key, a repeat of the same request returns the first response; another request with
    that key raises IdempotencyKeyReused."""

    def __init__(
        self,
        bookings: CustomerBookings,
        reader: BookingReader,
        idempotency: IdempotencyStore,
        uow: UnitOfWork,
        clock: Clock,
    ) -> None:
        self._bookings, self._reader, self._idempotency = bookings, reader, idempotency
        self._uow, self._clock = uow, clock

    async def execute(
        self, cmd: CancelBooking, *, actor: CustomerActor, idempotency_key: str | None = None
    ) -> CancellationView:
        if idempotency_key is not None and not 1 <= len(idempotency_key) <= MAX_KEY_LENGTH:
            raise InvalidInput("Idempotency-Key", f"an Idempotency-Key is 1 to {MAX_KEY_LENGTH} characters")
        now = self._clock.now()
        scope = f"bookings.cancel:customer:{actor.customer_id}"
        if idempotency_key is not None:
            digest = hashlib.sha256(msgspec.json.encode(cmd)).hexdigest()
            earlier = await self._idempotency.claim(
                scope, idempotency_key, digest, now=now, ttl=IDEMPOTENCY_TTL
            )
            if earlier is not None:
                return msgspec.json.decode(earlier.body, type=CancellationView)
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
        names = await self._reader.provider_names([booking.provider_id] if booking.provider_id else [])
        view = CancellationView(
            booking=BookingView.of(booking, names.get(booking.provider_id) if booking.provider_id else None),
            currency=decision.refund.currency,
            refund=decision.refund.amount,
            rule=RefundRuleView(code=decision.rule, description=decision.explanation),
        )
        if idempotency_key is not None:
            body = msgspec.json.encode(view).decode()
            await self._idempotency.complete(
                scope, idempotency_key, StoredResponse(status_code=200, body=body)
            )
        await self._uow.commit()
        return view
