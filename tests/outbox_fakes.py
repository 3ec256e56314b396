"""Fakes for outbox delivery: an in-memory OutboxStore (contract-tested against the SQL one) and senders."""

import asyncio
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from application.outbox.ports import OutboxMessage, OutgoingMessage


@dataclass
class OutboxRow:
    id: int
    topic: str
    payload: dict[str, Any]
    available_at: datetime
    status: str = "pending"
    attempts: int = 0
    sent_at: datetime | None = None
    last_error: str | None = None
    lease_until: datetime | None = None
    lease_token: str | None = None
    subject: str | None = None


class InMemoryOutboxStore:
    """The OutboxStore port over a dict, with the same claiming and compare-and-set rules as SQL."""

    def __init__(self) -> None:
        self.rows: dict[int, OutboxRow] = {}

    def add(
        self, topic: str, payload: dict[str, Any], available_at: datetime, subject: str | None = None
    ) -> int:
        row_id = len(self.rows) + 1
        self.rows[row_id] = OutboxRow(row_id, topic, payload, available_at, subject=subject)
        return row_id

    @staticmethod
    def _claimable(row: OutboxRow, now: datetime) -> bool:
        if row.status == "pending":
            return row.available_at <= now
        return row.status == "sending" and row.lease_until is not None and row.lease_until <= now

    async def claim_due(
        self, *, limit: int, now: datetime, lease: timedelta, topics: Sequence[str]
    ) -> Sequence[OutboxMessage]:
        due = [r for r in self.rows.values() if r.topic in topics and self._claimable(r, now)]
        due.sort(key=lambda r: (r.available_at, r.id))
        token = uuid.uuid4().hex
        claimed = []
        for row in due[: max(limit, 0)]:
            row.status, row.lease_until, row.lease_token = "sending", now + lease, token
            claimed.append(
                OutboxMessage(row.id, row.topic, row.payload, row.attempts, token, now + lease, row.subject)
            )
        return claimed

    def _held(self, message: OutboxMessage) -> OutboxRow | None:
        row = self.rows.get(message.id)
        if row is None or row.status != "sending" or row.lease_token != message.lease_token:
            return None
        row.lease_until = row.lease_token = None
        return row

    async def mark_sent(self, message: OutboxMessage, *, now: datetime) -> bool:
        if (row := self._held(message)) is None:
            return False
        row.status, row.sent_at, row.last_error = "sent", now, None
        return True

    async def mark_retry(self, message: OutboxMessage, *, available_at: datetime, error: str) -> bool:
        if (row := self._held(message)) is None:
            return False
        row.status, row.available_at, row.last_error = "pending", available_at, error
        row.attempts += 1
        return True

    async def mark_failed(self, message: OutboxMessage, *, error: str) -> bool:
        if (row := self._held(message)) is None:
            return False
        row.status, row.last_error = "failed", error
        row.attempts += 1
        return True

    async def mark_withdrawn(self, message: OutboxMessage, *, reason: str) -> bool:
        if (row := self._held(message)) is None:
            return False
        row.status, row.last_error = "withdrawn", reason
        return True


@dataclass
class RecordingSender:
    """Records every delivered message; fails while `failures` is positive; can pause to interleave."""

    failures: int = 0
    pause: float = 0.0
    sent: list[OutgoingMessage] = field(default_factory=list)

    async def send(self, message: OutgoingMessage) -> None:
        if self.pause:
            await asyncio.sleep(self.pause)
        if self.failures > 0:
            self.failures -= 1
            raise ConnectionError("provider unreachable")
        self.sent.append(message)

    @property
    def keys(self) -> list[str]:
        return [m.idempotency_key for m in self.sent]
