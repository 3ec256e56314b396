"""Ops bookings (staff move bookings along their status, reassign providers, list a day's bookings) and the
booking events outbox both booking and ops use cases write in their own transaction."""

from dishka import Provider, Scope, provide, provide_all

from adapters.persistence.booking_outbox import SqlaBookingOutbox
from adapters.persistence.ops_booking_store import SqlaOpsBookingStore
from application.booking.commands.change_booking_status import ChangeBookingStatusHandler
from application.booking.commands.reassign_booking import ReassignBookingHandler
from application.booking.events import BookingEvents
from application.booking.ops_ports import OpsBookingStore
from application.booking.queries.list_day_bookings import ListDayBookings


class OpsBookingsProvider(Provider):
    scope = Scope.REQUEST

    store = provide(SqlaOpsBookingStore, provides=OpsBookingStore)
    events = provide(SqlaBookingOutbox, provides=BookingEvents)
    handlers = provide_all(ChangeBookingStatusHandler, ReassignBookingHandler, ListDayBookings)
