"""What cancelling and rating a booking need from storage, beyond creating and reading one."""

from collections.abc import Set
from typing import Protocol

from domain.booking.entities import Booking, BookingId
from domain.customer.entities import CustomerId
from domain.provider.entities import Provider, ProviderId


class CustomerBookings(Protocol):
    """Loads a customer's booking to change it. Raises StorageUnavailable when the store cannot be reached."""

    async def get_for_update(self, customer_id: CustomerId, booking_id: BookingId) -> Booking | None:
        """The customer's booking, locked until the transaction ends; None for unknown ids and others'
        bookings. Changes to it are written by the next commit."""
        ...

    async def category_slugs(self, booking_id: BookingId) -> Set[str]:
        """Slugs of the categories of the booking's items (item -> rate card -> subcategory -> category)."""
        ...


class ProviderRatings(Protocol):
    """Loads a provider to fold a rating in. Raises StorageUnavailable when the store cannot be reached."""

    async def get_for_update(self, provider_id: ProviderId) -> Provider | None:
        """The provider (active or not), locked until the transaction ends, so concurrent ratings add up;
        None for an unknown id. Changes to it are written by the next commit."""
        ...
