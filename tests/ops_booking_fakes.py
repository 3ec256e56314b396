"""An in-memory OpsBookingStore over the booking fakes' list, for the ops booking use cases."""

from collections.abc import Sequence
from datetime import datetime

from domain.booking.entities import Booking, BookingId, BookingStatus
from tests.booking_fakes import InMemoryBookingStore


class InMemoryOpsBookings:
    def __init__(self, store: InMemoryBookingStore) -> None:
        self.store = store

    async def get_for_update(self, booking_id: BookingId) -> Booking | None:
        return next((b for b in self.store.bookings if b.id == booking_id), None)

    async def starting_between(
        self,
        starts_from: datetime,
        starts_before: datetime,
        *,
        status: BookingStatus | None,
        limit: int,
        offset: int,
    ) -> tuple[Sequence[Booking], int]:
        found = sorted(
            (
                b
                for b in self.store.bookings
                if starts_from <= b.slot.start < starts_before and (status is None or b.status == status)
            ),
            key=lambda b: (b.slot.start, b.id or 0),
        )
        return found[offset : offset + limit], len(found)
