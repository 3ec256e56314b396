"""A customer lists their bookings."""

from datetime import date, timedelta

import msgspec

from application.booking.ports import BookingReader
from application.booking.views import BookingPage, BookingView
from application.common.errors import InvalidInput
from application.identity.actors import CustomerActor
from domain.booking.entities import BookingStatus
from domain.customer.entities import CustomerId
from domain.provider.availability import ist_midnight

MAX_LIMIT = 50


class ListBookingsQuery(msgspec.Struct, frozen=True):
    status: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    limit: int = 20
    offset: int = 0


class ListBookings:
    """A signed-in customer pages through their own bookings, latest slot first. Filters: status, and the
    slot's day in India from `date_from` to `date_to` inclusive. Raises InvalidInput for an unknown status,
    a limit outside 1..50, a negative offset or `date_to` before `date_from`."""

    def __init__(self, bookings: BookingReader) -> None:
        self._bookings = bookings

    async def execute(self, query: ListBookingsQuery, *, actor: CustomerActor) -> BookingPage:
        if not 1 <= query.limit <= MAX_LIMIT:
            raise InvalidInput("limit", f"limit must be 1 to {MAX_LIMIT}")
        if query.offset < 0:
            raise InvalidInput("offset", "offset cannot be negative")
        if query.date_from and query.date_to and query.date_to < query.date_from:
            raise InvalidInput("to", "'to' cannot be before 'from'")
        try:
            status = BookingStatus(query.status) if query.status else None
        except ValueError:
            raise InvalidInput("status", f"unknown booking status {query.status!r}") from None
        found, total = await self._bookings.list(
            CustomerId(actor.customer_id),
            status=status,
            starts_from=ist_midnight(query.date_from) if query.date_from else None,
            starts_before=ist_midnight(query.date_to + timedelta(days=1)) if query.date_to else None,
            limit=query.limit,
            offset=query.offset,
        )
        names = await self._bookings.provider_names({b.provider_id for b in found if b.provider_id})
        following = query.offset + len(found)
        return BookingPage(
            items=[BookingView.of(b, names.get(b.provider_id) if b.provider_id else None) for b in found],
            total=total,
            limit=query.limit,
            offset=query.offset,
            next_offset=following if following < total and found else None,
        )
