"""Ops list the bookings of one day."""

from datetime import date, timedelta

import msgspec

from application.booking.ops_ports import OpsBookingStore
from application.booking.ports import BookingReader
from application.booking.views import BookingPage, BookingView
from application.common.errors import InvalidInput
from application.common.ports import Clock
from application.staff.access import Operator, require
from application.staff.audit import Audit, Origin
from domain.booking.entities import BookingStatus
from domain.provider.availability import ist_midnight, local_date

MAX_DAY_LIMIT = 100


class ListDayBookingsQuery(msgspec.Struct, frozen=True):
    day: date | None = None
    status: str | None = None
    limit: int = 20
    offset: int = 0
    origin: Origin = Origin()


class ListDayBookings:
    """Needs bookings.view (refusals are logged). Every customer's bookings whose slot starts on `day` in
    India (Asia/Kolkata; today when no day is given), earliest first, optionally of one status.
    InvalidInput (400) for an unknown status, a limit outside 1..100 or a negative offset."""

    def __init__(self, bookings: OpsBookingStore, reader: BookingReader, audit: Audit, clock: Clock) -> None:
        self._bookings, self._reader, self._audit, self._clock = bookings, reader, audit, clock

    async def execute(self, query: ListDayBookingsQuery, *, actor: Operator) -> BookingPage:
        async with self._audit.refusals(
            actor, action="bookings.list", target_type="booking", target_id=None, origin=query.origin
        ):
            require(actor, "bookings.view")
        if not 1 <= query.limit <= MAX_DAY_LIMIT:
            raise InvalidInput("limit", f"limit must be 1 to {MAX_DAY_LIMIT}")
        if query.offset < 0:
            raise InvalidInput("offset", "offset cannot be negative")
        try:
            status = BookingStatus(query.status) if query.status else None
        except ValueError:
            raise InvalidInput("status", f"unknown booking status {query.status!r}") from None
        day = query.day or local_date(self._clock.now())
        found, total = await self._bookings.starting_between(
            ist_midnight(day),
            ist_midnight(day + timedelta(days=1)),
            status=status,
            limit=query.limit,
            offset=query.offset,
        )
        names = await self._reader.provider_names({b.provider_id for b in found if b.provider_id})
        following = query.offset + len(found)
        return BookingPage(
            items=[BookingView.of(b, names.get(b.provider_id) if b.provider_id else None) for b in found],
            total=total,
            limit=query.limit,
            offset=query.offset,
            next_offset=following if following < total and found else None,
        )
