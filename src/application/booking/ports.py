"""What the booking use cases need from storage."""

from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Protocol

import msgspec

from domain.booking.entities import Booking, BookingId, BookingStatus
from domain.booking.reference import BookingReference
from domain.customer.entities import CustomerId
from domain.provider.entities import ProviderId
from domain.shared.time_slot import TimeSlot


class BookingRepository(Protocol):
    """Writes bookings. Raises StorageUnavailable when the store cannot be reached."""

    async def lock_providers(
        self, provider_ids: Collection[ProviderId], start: datetime, end: datetime
    ) -> Mapping[ProviderId, Sequence[TimeSlot]]:
        """Hold the providers' row locks until the transaction ends (taken in id order, so two allocations
        never deadlock on them), then return their blocking slots overlapping [start, end) as committed
        now, not as of an older snapshot. Allocation for a provider is serialised by these locks."""
        ...

    async def next_sequence(self, day: date) -> int:
        """A fresh reference sequence for `day`: unique even under concurrency, above every existing one.
        Call it before other storage work of the request (it may use its own short transaction)."""
        ...

    async def add(self, booking: Booking) -> Booking:
        """Insert the booking with its items and give it an id. Raises ReferenceTaken (after rolling the
        transaction back) when a concurrent booking committed the same reference first."""
        ...


class BookingReader(Protocol):
    """Reads a customer's bookings. Raises StorageUnavailable when the store cannot be reached."""

    async def get(self, customer_id: CustomerId, key: BookingId | BookingReference) -> Booking | None:
        """The customer's booking with this id or reference; None for unknown ids and others' bookings."""
        ...

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
        """A page of the customer's bookings, latest slot first (then highest id), whose slot starts in
        [starts_from, starts_before), and how many match in all."""
        ...

    async def provider_names(self, provider_ids: Collection[ProviderId]) -> Mapping[ProviderId, str]:
        """Display names of these providers (also inactive ones: a past booking still shows who came)."""
        ...


class StoredResponse(msgspec.Struct, frozen=True):
    status_code: int
    body: str


class IdempotencyStore(Protocol):
    """Remembers the response to a request made with an Idempotency-Key, per scope (who and what).

    `claim` must be the first write of its transaction. The claim row is written inside it and becomes
    visible with the commit; concurrent claims of one key wait for that transaction (the unique (scope, key)
    row), then replay its response, or claim the key themselves if it rolled back.
    """

    async def claim(
        self, scope: str, key: str, request_hash: str, *, now: datetime, ttl: timedelta
    ) -> StoredResponse | None:
        """None: the key is now ours (call `complete` before committing). A StoredResponse: the committed
        response of the same request made earlier. Raises IdempotencyKeyReused when the key was used with a
        different request, RequestInProgress when its first request has not finished. An expired key is
        claimed afresh. On a lost race the transaction is rolled back."""
        ...

    async def complete(self, scope: str, key: str, response: StoredResponse) -> None:
        """Record the response of the claimed key, in the claiming transaction."""
        ...
