"""Reading and listing one's own bookings with in-memory fakes."""

from datetime import date, time

import pytest

from application.booking.errors import BookingNotFound
from application.booking.queries.get_booking import GetBooking, GetBookingQuery
from application.booking.queries.list_bookings import ListBookings, ListBookingsQuery
from application.common.errors import InvalidInput
from application.identity.actors import CustomerActor
from tests.unit.application.booking_setup import World, order, world


async def booked(w: World) -> list[str]:
    me = CustomerActor(customer_id=w.customer_id, session="s")
    refs = []
    for day, at in (
        (date(2026, 12, 3), time(10, 0)),
        (date(2026, 12, 5), time(9, 0)),
        (date(2026, 12, 4), time(8, 0)),
    ):
        refs.append((await w.handler.execute(order(w, day=day, start=at), actor=me)).reference)
    return refs


async def test_own_booking_is_found_by_id_or_reference_and_others_get_not_found_when_read() -> None:
    w = world()
    first, *_ = await booked(w)
    get = GetBooking(w.bookings)
    me = CustomerActor(customer_id=w.customer_id, session="s")
    view = await get.execute(GetBookingQuery(first.lower()), actor=me)
    assert view.reference == first
    assert view.provider is not None
    assert view.provider.name
    assert (await get.execute(GetBookingQuery(str(view.id)), actor=me)) == view
    stranger = CustomerActor(customer_id=w.customer_id + 1, session="s")
    for who, key in ((stranger, first), (stranger, str(view.id)), (me, "BK-20261130-0999"), (me, "garbage")):
        with pytest.raises(BookingNotFound):
            await get.execute(GetBookingQuery(key), actor=who)


async def test_bookings_are_listed_latest_first_filtered_and_paged_when_listed() -> None:
    w = world()
    a, b, c = await booked(w)
    listing = ListBookings(w.bookings)
    me = CustomerActor(customer_id=w.customer_id, session="s")
    page = await listing.execute(ListBookingsQuery(limit=2), actor=me)
    assert [v.reference for v in page.items] == [b, c]
    assert (page.total, page.next_offset) == (3, 2)
    rest = await listing.execute(ListBookingsQuery(limit=2, offset=2), actor=me)
    assert [v.reference for v in rest.items] == [a]
    assert rest.next_offset is None
    window = await listing.execute(
        ListBookingsQuery(date_from=date(2026, 12, 4), date_to=date(2026, 12, 4)), actor=me
    )
    assert [v.reference for v in window.items] == [c]
    assert (await listing.execute(ListBookingsQuery(status="cancelled"), actor=me)).total == 0
    for bad in (ListBookingsQuery(limit=51), ListBookingsQuery(status="lost"), ListBookingsQuery(offset=-1)):
        with pytest.raises(InvalidInput):
            await listing.execute(bad, actor=me)
