"""In-memory fakes of the booking ports, run through the same contract suites as the SQL adapters."""

from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime, timedelta

from application.booking.errors import IdempotencyKeyReused, ReferenceTaken, RequestInProgress
from application.booking.ports import StoredResponse
from domain.booking.entities import Booking, BookingId, BookingStatus
from domain.booking.reference import BookingReference
from domain.customer.entities import CustomerId
from domain.provider.availability import BLOCKING_STATUSES
from domain.provider.entities import ProviderId
from domain.shared.time_slot import TimeSlot


class InMemoryIdempotencyStore:
    """Keys are committed with `commit()`; uncommitted claims vanish with `rollback()`."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], tuple[str, datetime, StoredResponse | None]] = {}
        self._pending: dict[tuple[str, str], tuple[str, datetime, StoredResponse | None]] = {}

    async def claim(
        self, scope: str, key: str, request_hash: str, *, now: datetime, ttl: timedelta
    ) -> StoredResponse | None:
        found = self.rows.get((scope, key))
        if found is None or found[1] <= now:
            self._pending[(scope, key)] = (request_hash, now + ttl, None)
            return None
        digest, _, response = found
        if digest != request_hash:
            raise IdempotencyKeyReused()
        if response is None:
            raise RequestInProgress()
        return response

    async def complete(self, scope: str, key: str, response: StoredResponse) -> None:
        digest, expires, _ = self._pending[(scope, key)]
        self._pending[(scope, key)] = (digest, expires, response)

    def commit(self) -> None:
        self.rows.update(self._pending)
        self._pending.clear()

    def rollback(self) -> None:
        self._pending.clear()


class InMemoryBookingStore:
    """Both booking ports (repository and reader) over one list, with provider names on the side."""

    def __init__(self, provider_names: Mapping[int, str] | None = None) -> None:
        self.bookings: list[Booking] = []
        self.names = {ProviderId(k): v for k, v in (provider_names or {}).items()}
        self.locked: list[ProviderId] = []
        self.taken_once = False

    async def lock_providers(
        self, provider_ids: Collection[ProviderId], start: datetime, end: datetime
    ) -> Mapping[ProviderId, Sequence[TimeSlot]]:
        self.locked.extend(sorted(provider_ids))
        busy: dict[ProviderId, list[TimeSlot]] = {}
        for b in self.bookings:
            overlaps = b.slot.start < end and b.slot.end > start
            if b.provider_id in provider_ids and b.status in BLOCKING_STATUSES and overlaps:
                busy.setdefault(b.provider_id, []).append(b.slot)
        return busy

    async def next_sequence(self, day: date) -> int:
        same_day = [b.reference.sequence for b in self.bookings if b.reference.day == day]
        return max(same_day, default=0) + 1

    async def add(self, booking: Booking) -> Booking:
        if any(b.reference == booking.reference for b in self.bookings) or self.taken_once:
            self.taken_once = False
            raise ReferenceTaken()
        booking.id = BookingId(len(self.bookings) + 1)
        self.bookings.append(booking)
        return booking

    async def get(self, customer_id: CustomerId, key: BookingId | BookingReference) -> Booking | None:
        for b in self.bookings:
            if b.customer_id == customer_id and (b.reference == key or b.id == key):
                return b
        return None

    async def list(
        self,
        customer_id: CustomerId,
        *,
        status: BookingStatus | None,
        starts_from: datetime | None,
        starts_before: datetime | None,
        limit: int,
        offset: int,
    ) -> tuple[Sequence[Booking], int]:
        found = [
            b
            for b in self.bookings
            if b.customer_id == customer_id
            and (status is None or b.status == status)
            and (starts_from is None or b.slot.start >= starts_from)
            and (starts_before is None or b.slot.start < starts_before)
        ]
        found.sort(key=lambda b: (b.slot.start, b.id or 0), reverse=True)
        return found[offset : offset + limit], len(found)

    async def provider_names(self, provider_ids: Collection[ProviderId]) -> Mapping[ProviderId, str]:
        return {p: self.names[p] for p in provider_ids if p in self.names}
