"""What the operations console's booking use cases need from storage (any customer's bookings)."""

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from domain.booking.entities import Booking, BookingId, BookingStatus


class OpsBookingStore(Protocol):
    """Any customer's bookings, for staff. Raises StorageUnavailable when the store cannot be reached."""

    async def get_for_update(self, booking_id: BookingId) -> Booking | None:
        """The booking with this id, its row locked until the transaction ends; None for unknown ids."""
        ...

    async def starting_between(
        self,
        starts_from: datetime,
        starts_before: datetime,
        *,
        status: BookingStatus | None,
        limit: int,
        offset: int,
    ) -> tuple[Sequence[Booking], int]:
        """A page of the bookings whose slot starts in [starts_from, starts_before), earliest slot first
        (then lowest id), and how many match in all."""
        ...
