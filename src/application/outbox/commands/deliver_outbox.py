"""Deliver due outbox messages (notifications) through the message sender, each exactly once among live
workers, retried with exponential backoff and given up after a bounded number of attempts."""

import asyncio
import logging
from dataclasses import dataclass
from datetime import timedelta

import msgspec

from application.booking.events import reminded_booking, slot_labels
from application.common.ports import Clock
from application.identity.actors import SystemActor
from application.outbox.ports import (
    NOTIFY_TOPICS,
    BookingStates,
    MessageSender,
    OutboxMessage,
    OutboxStore,
    OutgoingMessage,
)
from domain.booking.entities import BookingStatus

log = logging.getLogger(__name__)
STILL_COMING = frozenset({BookingStatus.PENDING.value, BookingStatus.CONFIRMED.value})


class DeliverOutboxCommand(msgspec.Struct, frozen=True):
    batch_size: int = 50
    max_messages: int = 500


class DeliverOutboxResult(msgspec.Struct, frozen=True):
    sent: int = 0
    retried: int = 0
    failed: int = 0
    lease_lost: int = 0
    withdrawn: int = 0


@dataclass(frozen=True, slots=True)
class DeliveryPolicy:
    """Lease > send timeout, so a live worker's claim never expires while it is still sending."""

    lease: timedelta = timedelta(minutes=2)
    send_timeout: timedelta = timedelta(seconds=30)
    base_delay: timedelta = timedelta(seconds=30)
    max_delay: timedelta = timedelta(hours=1)
    max_attempts: int = 8

    def backoff(self, failures: int) -> timedelta:
        """Delay after the `failures`-th failed attempt: 30 s, 1 min, 2 min, ... capped at one hour."""
        delay: timedelta = self.base_delay * (2 ** (failures - 1))
        return min(delay, self.max_delay)


class MalformedMessage(ValueError):
    pass


def outgoing(message: OutboxMessage) -> OutgoingMessage:
    payload = message.payload
    channel = NOTIFY_TOPICS.get(message.topic)
    to, template, data = payload.get("to"), payload.get("template"), payload.get("data", {})
    if channel is None or not isinstance(to, str) or not isinstance(template, str):
        raise MalformedMessage(f"outbox message {message.id} has no channel, destination or template")
    if not isinstance(data, dict):
        raise MalformedMessage(f"outbox message {message.id} has data that is not an object")
    return OutgoingMessage(
        idempotency_key=f"outbox-{message.id}",
        channel=channel,
        to=to,
        template=template,
        data={str(k): str(v) for k, v in data.items()},
    )


class DeliverOutbox:
    """Run by the system only (worker cron, the embedded delivery loop). Claims due messages under a lease,
    sends each, and settles it only while holding the lease (compare-and-set), so two live workers never
    both deliver one message. A sender failure never loses a message: it is retried with backoff, then
    marked failed after `max_attempts`.

    At-least-once window: a crash after the provider accepted a message but before `mark_sent` (or a send
    that outlives the lease) redelivers it once the lease expires. The sender passes the outbox id as the
    provider's idempotency key, so a provider that honours it drops that duplicate.

    A booking's reminder is checked against the booking just before it goes out (with `bookings`): one whose
    booking was cancelled, finished or moved to another slot meanwhile is withdrawn, never sent.
    """

    def __init__(
        self,
        store: OutboxStore,
        sender: MessageSender,
        clock: Clock,
        policy: DeliveryPolicy | None = None,
        *,
        bookings: BookingStates | None = None,
    ) -> None:
        self._store = store
        self._sender = sender
        self._clock = clock
        self._policy = policy or DeliveryPolicy()
        self._bookings = bookings

    async def execute(
        self, cmd: DeliverOutboxCommand | None = None, *, actor: SystemActor | None = None
    ) -> DeliverOutboxResult:
        cmd = cmd or DeliverOutboxCommand()
        counts = {"sent": 0, "retried": 0, "failed": 0, "lease_lost": 0, "withdrawn": 0}
        handled = 0
        while handled < cmd.max_messages:
            batch = await self._store.claim_due(
                limit=min(cmd.batch_size, cmd.max_messages - handled),
                now=self._clock.now(),
                lease=self._policy.lease,
                topics=list(NOTIFY_TOPICS),
            )
            for message in batch:
                counts[await self._deliver(message)] += 1
            handled += len(batch)
            if len(batch) < cmd.batch_size:
                break
        return DeliverOutboxResult(**counts)

    async def _deliver(self, message: OutboxMessage) -> str:
        try:
            outgoing_message = outgoing(message)
        except MalformedMessage as exc:
            return await self._settle_failed(message, str(exc))
        try:
            stale = await self._stale(message, outgoing_message)
        except Exception as exc:  # the database hiccuped: keep the message and look again later
            return await self._settle_error(message, f"{type(exc).__name__}: {exc}"[:500])
        if stale is not None:
            settled = await self._store.mark_withdrawn(message, reason=stale)
            return "withdrawn" if settled else self._lost(message)
        try:
            await asyncio.wait_for(
                self._sender.send(outgoing_message), self._policy.send_timeout.total_seconds()
            )
        except Exception as exc:  # any provider failure: keep the message and try again later
            return await self._settle_error(message, f"{type(exc).__name__}: {exc}"[:500])
        settled = await self._store.mark_sent(message, now=self._clock.now())
        return "sent" if settled else self._lost(message)

    async def _stale(self, message: OutboxMessage, outgoing_message: OutgoingMessage) -> str | None:
        """Why a booking's reminder no longer applies, or None when it does (or is not a reminder)."""
        booking_id = reminded_booking(message.subject)
        if booking_id is None or self._bookings is None:
            return None
        state = await self._bookings.state(booking_id)
        if state is None:
            return "withdrawn: the booking no longer exists"
        if state.status not in STILL_COMING:
            return f"withdrawn: the booking is {state.status}"
        slot = slot_labels(state.slot_start)
        data = outgoing_message.data
        if (data.get("date"), data.get("time")) != (slot["date"], slot["time"]):
            return "withdrawn: the booking moved to another slot"
        return None

    async def _settle_error(self, message: OutboxMessage, error: str) -> str:
        failures = message.attempts + 1
        if failures >= self._policy.max_attempts:
            return await self._settle_failed(message, error)
        due = self._clock.now() + self._policy.backoff(failures)
        settled = await self._store.mark_retry(message, available_at=due, error=error)
        return "retried" if settled else self._lost(message)

    async def _settle_failed(self, message: OutboxMessage, error: str) -> str:
        settled = await self._store.mark_failed(message, error=error)
        if settled:
            log.warning("outbox message %s failed after %s attempts", message.id, message.attempts + 1)
        return "failed" if settled else self._lost(message)

    @staticmethod
    def _lost(message: OutboxMessage) -> str:
        log.warning("outbox message %s: lease lost before it was settled", message.id)
        return "lease_lost"
