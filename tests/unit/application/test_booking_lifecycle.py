"""Cancelling (with a quote first) and rating a booking, with in-memory fakes."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

import pytest

from application.booking.commands.cancel_booking import CancelBooking, CancelBookingHandler
from application.booking.commands.rate_booking import RateBooking, RateBookingHandler
from application.booking.errors import BookingNotFound, IdempotencyKeyReused
from application.booking.queries.quote_cancellation import QuoteCancellation, QuoteCancellationHandler
from application.identity.actors import CustomerActor
from domain.booking.entities import AlreadyRated, Booking, NotCompleted, PaymentMethod, PaymentStatus
from domain.shared.status_machine import TransitionNotAllowed
from tests.fakes import FakeClock
from tests.lifecycle_fakes import InMemoryCustomerBookings, InMemoryProviderRatings
from tests.unit.application.booking_setup import NOW, World, order, world


@dataclass
class Lifecycle:
    w: World
    clock: FakeClock
    quote: QuoteCancellationHandler
    cancel: CancelBookingHandler
    rate: RateBookingHandler
    actor: CustomerActor


async def lifecycle(payment_method: str = "upi") -> tuple[Lifecycle, Booking]:
    w = world()
    actor = CustomerActor(customer_id=w.customer_id, session="s")
    view = await w.handler.execute(order(w, payment_method=payment_method), actor=actor)
    clock = FakeClock(NOW)
    bookings = InMemoryCustomerBookings(w.bookings, {"cleaning"})
    life = Lifecycle(
        w,
        clock,
        QuoteCancellationHandler(w.bookings, bookings, clock),
        CancelBookingHandler(bookings, w.bookings, w.keys, w.customers, w.uow.events, w.uow, clock),
        RateBookingHandler(bookings, InMemoryProviderRatings(w.data.providers), w.uow, clock),
        actor,
    )
    return life, next(b for b in w.bookings.bookings if b.id == view.id)


async def test_the_quote_matches_the_cancellation_when_cancelled_with_4_hours_notice() -> None:
    life, booking = await lifecycle()
    assert booking.id is not None
    life.clock.current = booking.slot.start - timedelta(hours=4)
    quote = await life.quote.execute(QuoteCancellation(booking_id=booking.id), actor=life.actor)
    result = await life.cancel.execute(
        CancelBooking(booking_id=booking.id, reason="Plans changed"), actor=life.actor
    )
    assert quote.refund == result.refund == (booking.total.amount / 2).quantize(Decimal("0.01"))
    assert quote.rule.code == result.rule.code == "partial_refund_late_notice"
    assert result.booking.status == "cancelled"
    assert result.booking.payment_status == PaymentStatus.PARTIALLY_REFUNDED.value
    assert booking.cancellation_reason == "Plans changed"


async def test_a_cash_booking_refunds_nothing_and_needs_no_payment_when_cancelled() -> None:
    life, booking = await lifecycle(PaymentMethod.CASH.value)
    assert booking.id is not None
    result = await life.cancel.execute(CancelBooking(booking_id=booking.id), actor=life.actor)
    assert (result.refund, result.rule.code) == (Decimal("0.00"), "nothing_paid")
    assert result.booking.payment_status == "not_required"


async def test_cancelling_twice_is_refused_when_the_booking_is_already_cancelled() -> None:
    life, booking = await lifecycle()
    assert booking.id is not None
    first = await life.cancel.execute(CancelBooking(booking_id=booking.id), actor=life.actor)
    assert (first.rule.code, first.booking.payment_status) == ("full_refund_early_notice", "refunded")
    with pytest.raises(TransitionNotAllowed):
        await life.cancel.execute(CancelBooking(booking_id=booking.id), actor=life.actor)
    with pytest.raises(TransitionNotAllowed):
        await life.quote.execute(QuoteCancellation(booking_id=booking.id), actor=life.actor)


async def test_a_repeat_with_the_same_key_replays_and_another_body_is_refused_when_cancelled() -> None:
    life, booking = await lifecycle()
    assert booking.id is not None
    cmd = CancelBooking(booking_id=booking.id, reason="x")
    first = await life.cancel.execute(cmd, actor=life.actor, idempotency_key="k1")
    assert await life.cancel.execute(cmd, actor=life.actor, idempotency_key="k1") == first
    with pytest.raises(IdempotencyKeyReused):
        await life.cancel.execute(
            CancelBooking(booking_id=booking.id, reason="y"), actor=life.actor, idempotency_key="k1"
        )


async def test_someone_elses_booking_is_not_found_when_quoted_cancelled_or_rated() -> None:
    life, booking = await lifecycle()
    assert booking.id is not None
    stranger = CustomerActor(customer_id=life.w.customer_id + 1, session="s")
    with pytest.raises(BookingNotFound):
        await life.quote.execute(QuoteCancellation(booking_id=booking.id), actor=stranger)
    with pytest.raises(BookingNotFound):
        await life.cancel.execute(CancelBooking(booking_id=booking.id), actor=stranger)
    with pytest.raises(BookingNotFound):
        await life.rate.execute(RateBooking(booking_id=booking.id, stars=5), actor=stranger)


async def test_rating_updates_the_providers_aggregates_once_when_the_booking_is_completed() -> None:
    life, booking = await lifecycle()
    assert booking.id is not None
    assert booking.provider_id is not None
    with pytest.raises(NotCompleted):
        await life.rate.execute(RateBooking(booking_id=booking.id, stars=4), actor=life.actor)
    provider = next(p for p in life.w.data.providers if p.id == booking.provider_id)
    count, total = provider.rating_count, provider.rating_total
    booking.confirm(now=NOW, provider_id=booking.provider_id)
    booking.start(now=NOW)
    booking.complete(now=NOW)
    view = await life.rate.execute(
        RateBooking(booking_id=booking.id, stars=4, comment=" Tidy "), actor=life.actor
    )
    assert (view.stars, view.comment, view.provider_rating_count) == (4, "Tidy", count + 1)
    assert provider.rating_total == total + 4
    with pytest.raises(AlreadyRated):
        await life.rate.execute(RateBooking(booking_id=booking.id, stars=5), actor=life.actor)
    assert provider.rating_count == count + 1


async def test_cancelling_withdraws_the_waiting_reminders_and_queues_a_cancellation_notice() -> None:
    life, booking = await lifecycle()
    assert booking.id is not None
    events = life.w.uow.events
    assert events.templates() == ["booking_confirmation", "booking_reminder", "booking_reminder"]
    life.clock.current = booking.slot.start - timedelta(hours=30)
    await life.cancel.execute(CancelBooking(booking_id=booking.id), actor=life.actor)
    assert events.templates() == ["booking_confirmation", "booking_cancelled"]
    assert [n.template for n in events.withdrawn] == ["booking_reminder", "booking_reminder"]
    (notice,) = [n for n in events.committed if n.template == "booking_cancelled"]
    assert notice.data["refund"] == str(booking.total.amount)
    assert notice.to == "meera@example.in"
    assert notice.available_at == life.clock.current


async def test_a_refused_cancellation_withdraws_nothing_when_the_booking_already_completed() -> None:
    life, booking = await lifecycle()
    assert booking.id is not None
    assert booking.provider_id is not None
    booking.confirm(now=NOW, provider_id=booking.provider_id)
    booking.start(now=NOW)
    booking.complete(now=NOW)
    with pytest.raises(TransitionNotAllowed):
        await life.cancel.execute(CancelBooking(booking_id=booking.id), actor=life.actor)
    await life.w.uow.rollback()
    assert life.w.uow.events.withdrawn == []
