"""Rescheduling a booking with in-memory fakes: the slot rules, keeping or changing the professional, and the
policy's limits."""

from datetime import date, time, timedelta

import pytest

from application.booking.commands.reschedule_booking import RescheduleBooking, RescheduleBookingHandler
from application.booking.errors import BookingNotFound, IdempotencyKeyReused
from application.identity.actors import CustomerActor
from domain.booking.entities import (
    Booking,
    CancelledBy,
    NotReschedulable,
    RescheduleLimitReached,
    RescheduleWindowClosed,
)
from domain.booking.policy import SlotOffGrid
from tests.fakes import FakeClock
from tests.lifecycle_fakes import InMemoryCustomerBookings
from tests.provider_fakes import InMemoryProviderReader
from tests.unit.application.booking_setup import NOW, FakePricingReader, World, order, world


async def setup() -> tuple[World, RescheduleBookingHandler, FakeClock, CustomerActor, Booking]:
    w = world()
    actor = CustomerActor(customer_id=w.customer_id, session="s")
    view = await w.handler.execute(order(w), actor=actor)
    clock = FakeClock(NOW)
    handler = RescheduleBookingHandler(
        InMemoryCustomerBookings(w.bookings),
        w.bookings,
        FakePricingReader(w.data),
        w.data.catalog,
        InMemoryProviderReader(w.data),
        w.keys,
        w.customers,
        w.uow.events,
        w.uow,
        clock,
    )
    return w, handler, clock, actor, next(b for b in w.bookings.bookings if b.id == view.id)


def move(booking: Booking, day: date = date(2026, 12, 4), start: time = time(10, 0)) -> RescheduleBooking:
    assert booking.id is not None
    return RescheduleBooking(booking_id=booking.id, day=day, start=start)


async def test_the_same_professional_keeps_the_visit_when_free_at_the_new_slot() -> None:
    _, handler, _, actor, booking = await setup()
    view = await handler.execute(move(booking, date(2026, 12, 3), time(11, 0)), actor=actor)
    assert view.provider is not None
    assert view.provider.id == 1
    assert (view.slot.date, view.slot.start_time) == (date(2026, 12, 3), "11:00")
    assert booking.reschedule_count == 1


async def test_another_professional_takes_the_visit_when_the_first_is_busy_at_the_new_slot() -> None:
    w, handler, _, actor, booking = await setup()
    await w.handler.execute(order(w, day=date(2026, 12, 4)), actor=actor)
    view = await handler.execute(move(booking), actor=actor)
    assert view.provider is not None
    assert view.provider.id != 1


async def test_a_third_reschedule_is_refused_when_two_were_made() -> None:
    _, handler, _, actor, booking = await setup()
    await handler.execute(move(booking, date(2026, 12, 4)), actor=actor)
    await handler.execute(move(booking, date(2026, 12, 5)), actor=actor)
    with pytest.raises(RescheduleLimitReached):
        await handler.execute(move(booking, date(2026, 12, 7)), actor=actor)
    assert booking.reschedule_count == 2


async def test_a_visit_is_not_moved_when_it_starts_within_3_hours() -> None:
    _, handler, clock, actor, booking = await setup()
    clock.current = booking.slot.start - timedelta(hours=2, minutes=59)
    with pytest.raises(RescheduleWindowClosed):
        await handler.execute(move(booking), actor=actor)
    assert booking.reschedule_count == 0


async def test_the_new_slot_follows_the_booking_rules_when_rescheduled() -> None:
    _, handler, _, actor, booking = await setup()
    with pytest.raises(SlotOffGrid):
        await handler.execute(move(booking, start=time(10, 10)), actor=actor)


async def test_someone_elses_booking_is_not_found_and_keys_replay_when_rescheduled() -> None:
    w, handler, _, actor, booking = await setup()
    with pytest.raises(BookingNotFound):
        await handler.execute(move(booking), actor=CustomerActor(customer_id=w.customer_id + 1, session="s"))
    first = await handler.execute(move(booking), actor=actor, idempotency_key="r1")
    assert await handler.execute(move(booking), actor=actor, idempotency_key="r1") == first
    assert booking.reschedule_count == 1
    with pytest.raises(IdempotencyKeyReused):
        await handler.execute(move(booking, date(2026, 12, 5)), actor=actor, idempotency_key="r1")


async def test_a_cancelled_booking_is_not_moved_when_rescheduled() -> None:
    _, handler, _, actor, booking = await setup()
    booking.cancel(now=NOW, by=CancelledBy.CUSTOMER, reason="", refund=booking.total, rule="full_refund")
    with pytest.raises(NotReschedulable):
        await handler.execute(move(booking), actor=actor)


async def test_moving_a_visit_replaces_its_reminders_and_tells_the_customer_the_new_slot() -> None:
    w, handler, _, actor, booking = await setup()
    events = w.uow.events
    old = [n for n in events.committed if n.template == "booking_reminder"]
    assert len(old) == 2
    await handler.execute(move(booking), actor=actor)
    assert events.withdrawn == old
    reminders = [n for n in events.committed if n.template == "booking_reminder"]
    assert [n.available_at for n in reminders] == [
        booking.slot.start - timedelta(hours=24),
        booking.slot.start - timedelta(hours=2),
    ]
    (notice,) = [n for n in events.committed if n.template == "booking_rescheduled"]
    assert (notice.data["date"], notice.data["time"]) == ("2026-12-04", "10:00")


async def test_a_refused_move_keeps_the_reminders_when_the_slot_is_off_the_grid() -> None:
    w, handler, _, actor, booking = await setup()
    with pytest.raises(SlotOffGrid):
        await handler.execute(move(booking, start=time(10, 7)), actor=actor)
    await w.uow.rollback()
    assert w.uow.events.withdrawn == []
    assert [n.template for n in w.uow.events.committed].count("booking_reminder") == 2
