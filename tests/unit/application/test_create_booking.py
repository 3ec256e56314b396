"""Booking a visit with in-memory fakes: allocation, pricing, references, refusals and idempotency."""

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest

from application.booking.commands.create_booking import BookingLine
from application.booking.errors import AddressNotFound, IdempotencyKeyReused, SlotUnavailable
from application.common.errors import InvalidInput
from application.identity.actors import CustomerActor
from application.pricing.errors import NotOfferedAtPincode, RateCardNotFound
from domain.booking.policy import OutsideServiceHours, SlotInPast, SlotOffGrid, SlotTooSoon
from tests.unit.application.booking_setup import NOW, World, order, world


def actor(w: World, customer_id: int | None = None) -> CustomerActor:
    return CustomerActor(customer_id=customer_id or w.customer_id, session="s")


async def test_the_best_rated_free_provider_is_assigned_and_the_quote_priced_when_booked() -> None:
    w = world()
    view = await w.handler.execute(order(w, notes="  Gate 4 "), actor=actor(w))
    assert view.provider is not None
    assert view.provider.id == 1
    assert view.reference == "BK-20261124-0001"
    assert view.status == "pending"
    assert (view.subtotal, view.tax, view.total) == (
        Decimal("4499.00"),
        Decimal("809.82"),
        Decimal("5308.82"),
    )
    assert view.slot.start_utc == datetime(2026, 12, 3, 4, 30, tzinfo=UTC)
    assert (view.slot.start_time, view.slot.end_time) == ("10:00", "14:00")
    assert view.notes == "Gate 4"
    assert view.payment_method == "upi"
    assert w.uow.commits == 1


async def test_the_next_provider_gets_the_slot_when_the_best_is_taken_and_none_when_all_are() -> None:
    w = world()
    w.data.providers = [p for p in w.data.providers if p.id in (1, 2)]
    first = await w.handler.execute(order(w), actor=actor(w))
    second = await w.handler.execute(order(w), actor=actor(w))
    assert [first.provider and first.provider.id, second.provider and second.provider.id] == [1, 2]
    assert second.reference == "BK-20261124-0002"
    with pytest.raises(SlotUnavailable):
        await w.handler.execute(order(w, start=time(11, 0)), actor=actor(w))
    assert w.bookings.locked[:2] == [1, 2]


async def test_someone_elses_or_an_unknown_address_is_not_found_when_booked() -> None:
    w = world()
    with pytest.raises(AddressNotFound):
        await w.handler.execute(order(w), actor=actor(w, customer_id=999))
    with pytest.raises(AddressNotFound):
        await w.handler.execute(order(w, address_id=12345), actor=actor(w))


async def test_items_must_exist_and_be_sold_at_the_address_when_booked() -> None:
    w = world()
    with pytest.raises(RateCardNotFound):
        await w.handler.execute(order(w, items=[BookingLine(rate_card_id=9999, quantity=1)]), actor=actor(w))
    with pytest.raises(NotOfferedAtPincode):
        await w.handler.execute(order(w, address_id=w.elsewhere_id), actor=actor(w))


@pytest.mark.parametrize(
    ("day", "start", "error"),
    [
        (date(2026, 11, 23), time(10, 0), SlotInPast),
        (date(2026, 11, 24), time(16, 30), SlotTooSoon),
        (date(2026, 12, 3), time(10, 10), SlotOffGrid),
        (date(2026, 12, 3), time(7, 30), OutsideServiceHours),
        (date(2026, 12, 3), time(17, 0), OutsideServiceHours),
    ],
)
async def test_the_slot_is_refused_when_it_breaks_a_rule(
    day: date, start: time, error: type[Exception]
) -> None:
    w = world()
    with pytest.raises(error):
        await w.handler.execute(order(w, day=day, start=start), actor=actor(w))
    assert w.bookings.bookings == []


async def test_a_retry_with_the_same_key_replays_the_first_booking_when_idempotent() -> None:
    w = world()
    first = await w.handler.execute(order(w), actor=actor(w), idempotency_key="key-1")
    again = await w.handler.execute(order(w), actor=actor(w), idempotency_key="key-1")
    assert again == first
    assert len(w.bookings.bookings) == 1
    with pytest.raises(IdempotencyKeyReused):
        await w.handler.execute(order(w, start=time(12, 0)), actor=actor(w), idempotency_key="key-1")
    with pytest.raises(InvalidInput):
        await w.handler.execute(order(w), actor=actor(w), idempotency_key="k" * 129)


async def test_a_taken_reference_is_retried_with_a_fresh_transaction_when_raced() -> None:
    w = world()
    w.bookings.taken_once = True
    view = await w.handler.execute(order(w), actor=actor(w))
    assert view.reference == "BK-20261124-0001"
    assert (w.uow.rollbacks, w.uow.commits) == (1, 1)


async def test_confirmation_and_both_reminders_are_queued_with_the_booking_when_made() -> None:
    w = world()
    view = await w.handler.execute(order(w), actor=actor(w))
    notices = w.uow.events.committed
    assert [n.template for n in notices] == ["booking_confirmation", "booking_reminder", "booking_reminder"]
    assert {n.channel for n in notices} == {"email"}
    assert {n.to for n in notices} == {"meera@example.in"}
    assert notices[0].available_at == NOW
    start = view.slot.start_utc
    assert [n.available_at for n in notices[1:]] == [start - timedelta(hours=24), start - timedelta(hours=2)]
    assert notices[0].data["reference"] == view.reference


async def test_reminders_already_due_are_skipped_when_the_slot_is_soon() -> None:
    w = world()
    await w.handler.execute(order(w, day=date(2026, 11, 25), start=time(10, 0)), actor=actor(w))
    assert [n.template for n in w.uow.events.committed] == ["booking_confirmation", "booking_reminder"]


async def test_nothing_is_queued_when_the_booking_is_refused() -> None:
    w = world()
    with pytest.raises(SlotInPast):
        await w.handler.execute(order(w, day=date(2026, 11, 20)), actor=actor(w))
    assert w.uow.events.committed == []
    assert w.uow.events.pending == []
