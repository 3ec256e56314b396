"""Ops booking use cases with in-memory fakes: status moves, reassignment, the day's list, and refusals
that are logged."""

from dataclasses import dataclass
from datetime import date, time

import pytest

from application.booking.commands.change_booking_status import (
    ChangeBookingStatus,
    ChangeBookingStatusHandler,
)
from application.booking.commands.reassign_booking import ReassignBooking, ReassignBookingHandler
from application.booking.errors import BookingNotFound
from application.booking.ops_errors import ProviderCannotTakeBooking
from application.booking.queries.list_day_bookings import ListDayBookings, ListDayBookingsQuery
from application.common.errors import InvalidInput
from application.identity.actors import CustomerActor, StaffActor
from application.identity.errors import Forbidden
from application.provider.errors import ProviderNotFound
from domain.booking.entities import NotReassignable
from domain.shared.status_machine import TransitionNotAllowed
from tests.booking_event_fakes import RecordingBookingEvents
from tests.fakes import FakeClock
from tests.ops_booking_fakes import InMemoryOpsBookings
from tests.provider_fakes import InMemoryProviderReader
from tests.staff_fakes import StaffWorld, actor_for
from tests.unit.application.booking_setup import NOW, FakePricingReader, World, order, world


@dataclass
class Console:
    w: World
    staff: StaffWorld
    events: RecordingBookingEvents
    status: ChangeBookingStatusHandler
    reassign: ReassignBookingHandler
    day: ListDayBookings
    booking_id: int

    def actor(self, role: str) -> StaffActor:
        return actor_for(self.staff.staff.seed(f"Member {len(self.staff.staff.members)}", role))


async def console() -> Console:
    w = world()
    view = await w.handler.execute(order(w), actor=CustomerActor(customer_id=w.customer_id, session="s"))
    clock = FakeClock(NOW)
    staff = StaffWorld(clock)
    ops = InMemoryOpsBookings(w.bookings)
    events = RecordingBookingEvents(staff.tx.later)
    providers = InMemoryProviderReader(w.data)
    return Console(
        w,
        staff,
        events,
        ChangeBookingStatusHandler(ops, w.bookings, w.customers, events, staff.audit, staff.tx, clock),
        ReassignBookingHandler(
            ops, w.bookings, providers, FakePricingReader(w.data), staff.audit, staff.tx, clock
        ),
        ListDayBookings(ops, w.bookings, staff.audit, clock),
        view.id,
    )


async def test_booking_moves_to_completed_and_each_move_is_logged_when_legal() -> None:
    c = await console()
    manager = c.actor("ops_manager")
    for status in ("confirmed", "in_progress", "completed"):
        view = await c.status.execute(
            ChangeBookingStatus(booking_id=c.booking_id, status=status, note="ok"), actor=manager
        )
        assert view.status == status
    assert c.staff.log.actions() == [("bookings.status", True)] * 3
    assert c.staff.log.entries[-1].after == {"status": "completed", "note": "ok"}
    assert c.events.templates() == ["booking_completed"]
    assert c.events.committed[0].to == "meera@example.in"


async def test_move_is_refused_when_the_transition_table_has_no_arrow() -> None:
    c = await console()
    with pytest.raises(TransitionNotAllowed):
        await c.status.execute(
            ChangeBookingStatus(booking_id=c.booking_id, status="completed"), actor=c.actor("ops_manager")
        )
    assert c.staff.tx.commits == 0
    assert c.events.committed == []


async def test_no_show_refunds_in_full_when_marked_on_a_confirmed_booking() -> None:
    c = await console()
    manager = c.actor("ops_manager")
    await c.status.execute(ChangeBookingStatus(booking_id=c.booking_id, status="confirmed"), actor=manager)
    await c.status.execute(ChangeBookingStatus(booking_id=c.booking_id, status="no_show"), actor=manager)
    booking = c.w.bookings.bookings[0]
    assert booking.refund_amount == booking.total
    assert c.events.templates() == ["booking_no_show"]
    assert c.events.committed[0].data["refund"] == str(booking.total.amount)


async def test_unknown_booking_or_status_is_refused_when_moved() -> None:
    c = await console()
    with pytest.raises(BookingNotFound):
        await c.status.execute(
            ChangeBookingStatus(booking_id=999, status="confirmed"), actor=c.actor("ops_manager")
        )
    with pytest.raises(InvalidInput):
        await c.status.execute(
            ChangeBookingStatus(booking_id=c.booking_id, status="cancelled"), actor=c.actor("ops_manager")
        )


@pytest.mark.parametrize(
    ("role", "use_case"),
    [("analyst", "status"), ("support_agent", "reassign"), ("quality", "reassign")],
)
async def test_refusal_is_logged_and_committed_when_the_role_lacks_the_permission(
    role: str, use_case: str
) -> None:
    c = await console()
    actor = c.actor(role)
    attempt = (
        c.status.execute(ChangeBookingStatus(booking_id=c.booking_id, status="confirmed"), actor=actor)
        if use_case == "status"
        else c.reassign.execute(ReassignBooking(booking_id=c.booking_id, provider_id=2), actor=actor)
    )
    with pytest.raises(Forbidden):
        await attempt
    assert c.staff.log.actions() == [(f"bookings.{use_case}", False)]
    assert c.w.bookings.bookings[0].provider_id == 1


async def test_booking_goes_to_a_skilled_free_provider_when_reassigned() -> None:
    c = await console()
    view = await c.reassign.execute(
        ReassignBooking(booking_id=c.booking_id, provider_id=2), actor=c.actor("senior_agent")
    )
    assert view.provider is not None
    assert view.provider.id == 2
    assert c.staff.log.entries[0].before == {"provider_id": 1}


@pytest.mark.parametrize("provider_id", [5, 6])
async def test_reassignment_is_refused_when_the_provider_lacks_the_skill_or_the_pincode(
    provider_id: int,
) -> None:
    c = await console()
    with pytest.raises(ProviderCannotTakeBooking):
        await c.reassign.execute(
            ReassignBooking(booking_id=c.booking_id, provider_id=provider_id), actor=c.actor("ops_manager")
        )


async def test_reassignment_is_refused_when_the_provider_is_busy_inactive_or_the_work_started() -> None:
    c = await console()
    other = await c.w.handler.execute(
        order(c.w, start=time(10, 0)), actor=CustomerActor(customer_id=c.w.customer_id, session="s")
    )
    assert other.provider is not None
    manager = c.actor("ops_manager")
    with pytest.raises(ProviderCannotTakeBooking):
        await c.reassign.execute(
            ReassignBooking(booking_id=c.booking_id, provider_id=other.provider.id), actor=manager
        )
    with pytest.raises(ProviderNotFound):
        await c.reassign.execute(ReassignBooking(booking_id=c.booking_id, provider_id=4), actor=manager)
    for status in ("confirmed", "in_progress"):
        await c.status.execute(ChangeBookingStatus(booking_id=c.booking_id, status=status), actor=manager)
    with pytest.raises(NotReassignable):
        await c.reassign.execute(ReassignBooking(booking_id=c.booking_id, provider_id=3), actor=manager)


async def test_the_days_bookings_are_listed_in_india_time_when_viewed() -> None:
    c = await console()
    agent = c.actor("quality")
    page = await c.day.execute(ListDayBookingsQuery(day=date(2026, 12, 3)), actor=agent)
    assert [v.id for v in page.items] == [c.booking_id]
    assert page.total == 1
    other_day = await c.day.execute(ListDayBookingsQuery(day=date(2026, 12, 4)), actor=agent)
    assert other_day.items == []
    confirmed = await c.day.execute(
        ListDayBookingsQuery(day=date(2026, 12, 3), status="confirmed"), actor=agent
    )
    assert confirmed.total == 0
    with pytest.raises(InvalidInput):
        await c.day.execute(ListDayBookingsQuery(day=date(2026, 12, 3), status="nope"), actor=agent)


async def test_listing_is_refused_and_logged_when_the_member_cannot_view_bookings() -> None:
    c = await console()
    member = c.actor("ops_manager")
    stripped = StaffActor(staff_id=member.staff_id, role="custom", level=1, permissions=frozenset())
    with pytest.raises(Forbidden):
        await c.day.execute(ListDayBookingsQuery(), actor=stripped)
    assert c.staff.log.actions() == [("bookings.list", False)]
