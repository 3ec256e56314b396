"""In-memory fakes of the ports used to cancel and rate bookings."""

from collections.abc import Set

from domain.booking.entities import Booking, BookingId
from domain.customer.entities import CustomerId
from domain.provider.entities import Provider, ProviderId
from tests.booking_fakes import InMemoryBookingStore


class InMemoryCustomerBookings:
    """Over an InMemoryBookingStore; every booking's items belong to the categories `slugs`."""

    def __init__(self, store: InMemoryBookingStore, slugs: Set[str] = frozenset({"cleaning"})) -> None:
        self.store, self.slugs = store, set(slugs)

    async def get_for_update(self, customer_id: CustomerId, booking_id: BookingId) -> Booking | None:
        return next(
            (b for b in self.store.bookings if b.id == booking_id and b.customer_id == customer_id), None
        )

    async def category_slugs(self, booking_id: BookingId) -> Set[str]:
        return set(self.slugs)


class InMemoryProviderRatings:
    def __init__(self, providers: list[Provider]) -> None:
        self.providers = providers

    async def get_for_update(self, provider_id: ProviderId) -> Provider | None:
        return next((p for p in self.providers if p.id == provider_id), None)
