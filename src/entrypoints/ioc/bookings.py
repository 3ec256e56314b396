"""Bookings: a customer's own visits (create, read, list) with provider allocation and idempotent create."""

from dishka import Provider, Scope, provide, provide_all

from adapters.persistence.booking_lifecycle import SqlaCustomerBookings, SqlaProviderRatings
from adapters.persistence.booking_repository import SqlaBookingReader, SqlaBookingRepository
from adapters.persistence.idempotency_store import SqlIdempotencyStore
from application.booking.commands.cancel_booking import CancelBookingHandler
from application.booking.commands.create_booking import CreateBookingHandler
from application.booking.commands.rate_booking import RateBookingHandler
from application.booking.commands.reschedule_booking import RescheduleBookingHandler
from application.booking.lifecycle_ports import CustomerBookings, ProviderRatings
from application.booking.ports import BookingReader, BookingRepository, IdempotencyStore
from application.booking.queries.get_booking import GetBooking
from application.booking.queries.list_bookings import ListBookings
from application.booking.queries.quote_cancellation import QuoteCancellationHandler


class BookingsProvider(Provider):
    scope = Scope.REQUEST

    repository = provide(SqlaBookingRepository, provides=BookingRepository)
    reader = provide(SqlaBookingReader, provides=BookingReader)
    idempotency = provide(SqlIdempotencyStore, provides=IdempotencyStore)
    handlers = provide_all(CreateBookingHandler, GetBooking, ListBookings)
    customer_bookings = provide(SqlaCustomerBookings, provides=CustomerBookings)
    provider_ratings = provide(SqlaProviderRatings, provides=ProviderRatings)
    lifecycle = provide_all(
        CancelBookingHandler, QuoteCancellationHandler, RateBookingHandler, RescheduleBookingHandler
    )
