"""What outbox delivery needs: a store of due messages with leases, and a sender per channel."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, Protocol

Channel = Literal["email", "sms"]
NOTIFY_TOPICS: Mapping[str, Channel] = {"notify.email": "email", "notify.sms": "sms"}


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    """One claimed message. `lease_token` proves the claim: only its holder may settle the message."""

    id: int
    topic: str
    payload: Mapping[str, object]
    attempts: int
    lease_token: str
    lease_until: datetime
    subject: str | None = None


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """What a sender delivers. `idempotency_key` is stable across retries of the same outbox row."""

    idempotency_key: str
    channel: Channel
    to: str
    template: str
    data: Mapping[str, str]


class OutboxStore(Protocol):
    """Due messages, claimed under a lease so that several workers never deliver the same one at once.

    Raises StorageUnavailable when the database cannot be reached.
    """

    async def claim_due(
        self, *, limit: int, now: datetime, lease: timedelta, topics: Sequence[str]
    ) -> Sequence[OutboxMessage]:
        """Claim up to `limit` messages of `topics` that are pending with `available_at <= now`, or whose
        earlier lease expired (its worker died mid-delivery). Each claimed message is leased until
        `now + lease` under a fresh token; no other live claimer gets it before then. Oldest first."""
        ...

    async def mark_sent(self, message: OutboxMessage, *, now: datetime) -> bool:
        """Settle as sent. False (and no change) when the lease was lost to another worker."""
        ...

    async def mark_retry(self, message: OutboxMessage, *, available_at: datetime, error: str) -> bool:
        """Back to pending with one more attempt, due at `available_at`. False when the lease was lost."""
        ...

    async def mark_failed(self, message: OutboxMessage, *, error: str) -> bool:
        """Give up: failed with one more attempt and the error kept. False when the lease was lost."""
        ...

    async def mark_withdrawn(self, message: OutboxMessage, *, reason: str) -> bool:
        """Never send it: it no longer applies (e.g. a reminder of a cancelled booking). False when the lease
        was lost."""
        ...


@dataclass(frozen=True, slots=True)
class BookingState:
    status: str
    slot_start: datetime


class BookingStates(Protocol):
    """A booking's current status and slot, read when its reminder is about to go out."""

    async def state(self, booking_id: int) -> BookingState | None: ...


class MessageSender(Protocol):
    """Hands one message to an email/SMS provider.

    Raises any exception when the provider refused or could not be reached; the message is then retried.
    A real provider must receive `idempotency_key` so it drops a repeat of a message it already accepted.
    """

    async def send(self, message: OutgoingMessage) -> None: ...
