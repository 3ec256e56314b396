"""Ops move a booking along its status: confirmed, in progress, completed or no-show."""

import msgspec

from application.booking.errors import BookingNotFound
from application.booking.events import BookingEvents, finished_notices, renotify
from application.booking.ops_errors import NoProviderAssigned
from application.booking.ops_ports import OpsBookingStore
from application.booking.ports import BookingReader
from application.booking.views import BookingView
from application.common.errors import InvalidInput
from application.common.ports import Clock, UnitOfWork
from application.customer.ports import CustomerRepository
from application.staff.access import Operator, actor_id, require
from application.staff.audit import Audit, Origin
from domain.booking.entities import Booking, BookingId, BookingStatus

OPS_TARGETS = ("confirmed", "in_progress", "completed", "no_show")


class ChangeBookingStatus(msgspec.Struct, frozen=True):
    booking_id: int
    status: str
    note: str = ""
    origin: Origin = Origin()


class ChangeBookingStatusHandler:
    """Needs bookings.manage (refusals are logged). Moves only along the booking's TRANSITIONS through its
    methods (confirm, start, complete, mark_no_show): TransitionNotAllowed (422) otherwise. The move, its
    activity-log line (with the note) and, on completed or no_show, the customer's notice commit together.
    BookingNotFound (404); InvalidInput (400) for a status ops cannot set; NoProviderAssigned (422)."""

    def __init__(
        self,
        bookings: OpsBookingStore,
        reader: BookingReader,
        customers: CustomerRepository,
        events: BookingEvents,
        audit: Audit,
        uow: UnitOfWork,
        clock: Clock,
    ) -> None:
        self._bookings, self._reader, self._customers, self._events = bookings, reader, customers, events
        self._audit, self._uow, self._clock = audit, uow, clock

    async def execute(self, cmd: ChangeBookingStatus, *, actor: Operator) -> BookingView:
        action = "bookings.status"
        async with self._audit.refusals(
            actor, action=action, target_type="booking", target_id=cmd.booking_id, origin=cmd.origin
        ):
            require(actor, "bookings.manage")
        if cmd.status not in OPS_TARGETS:
            raise InvalidInput("status", f"status must be one of {', '.join(OPS_TARGETS)}")
        booking = await self._bookings.get_for_update(BookingId(cmd.booking_id))
        if booking is None:
            raise BookingNotFound(cmd.booking_id)
        before = booking.status.value
        self._move(booking, BookingStatus(cmd.status))
        await self._audit.record(
            by=actor_id(actor),
            action=action,
            target_type="booking",
            target_id=booking.id,
            origin=cmd.origin,
            before={"status": before},
            after={"status": booking.status.value, "note": cmd.note},
        )
        if booking.status in (BookingStatus.COMPLETED, BookingStatus.NO_SHOW):
            await renotify(self._events, self._customers, booking, finished_notices, now=self._clock.now())
        await self._uow.commit()
        names = await self._reader.provider_names([booking.provider_id] if booking.provider_id else [])
        return BookingView.of(booking, names.get(booking.provider_id) if booking.provider_id else None)

    def _move(self, booking: Booking, to: BookingStatus) -> None:
        now = self._clock.now()
        if to is BookingStatus.CONFIRMED:
            if booking.provider_id is None:
                raise NoProviderAssigned()
            booking.confirm(now=now, provider_id=booking.provider_id)
        elif to is BookingStatus.IN_PROGRESS:
            booking.start(now=now)
        elif to is BookingStatus.COMPLETED:
            booking.complete(now=now)
        else:
            booking.mark_no_show(now=now)
