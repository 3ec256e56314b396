"""The outbox as a delivery queue: claims under a lease with `FOR UPDATE SKIP LOCKED` on MySQL/MariaDB.

SQLite ignores `FOR UPDATE`, but it serialises writers and the claiming UPDATE re-checks that each row is
still claimable, so a row claimed in between by another connection is never taken twice.
"""

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.persistence.errors import storage_errors
from adapters.persistence.tables import bookings, outbox
from application.outbox.ports import BookingState, OutboxMessage


def _claimable(now: datetime) -> ColumnElement[bool]:
    return or_(
        and_(outbox.c.status == "pending", outbox.c.available_at <= now),
        and_(outbox.c.status == "sending", outbox.c.lease_until <= now),
    )


def _candidates(topics: Sequence[str], now: datetime, limit: int, *, expired: bool) -> Select[tuple[int]]:
    """Ids to claim, locked with SKIP LOCKED. Two queries (expired leases, then due pending messages) so each
    walks the (status, available_at) index in order and locks only the rows it returns, not the table."""
    if expired:
        due, order = and_(outbox.c.status == "sending", outbox.c.lease_until <= now), outbox.c.lease_until
    else:
        due, order = and_(outbox.c.status == "pending", outbox.c.available_at <= now), outbox.c.available_at
    return (
        select(outbox.c.id)
        .where(due, outbox.c.topic.in_(list(topics)))
        .order_by(order, outbox.c.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )


class SqlaOutboxStore:
    """Each call is its own short transaction, committed before the caller talks to a provider."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        # READ COMMITTED takes no gap locks, so two claimers updating the status index do not deadlock.
        mysql = engine.dialect.name in ("mysql", "mariadb")
        self._claim_engine = engine.execution_options(isolation_level="READ COMMITTED") if mysql else engine

    async def claim_due(
        self, *, limit: int, now: datetime, lease: timedelta, topics: Sequence[str]
    ) -> Sequence[OutboxMessage]:
        if limit <= 0 or not topics:
            return []
        token = uuid.uuid4().hex
        order = (outbox.c.available_at, outbox.c.id)
        async with storage_errors(), self._claim_engine.begin() as conn:
            ids = list((await conn.execute(_candidates(topics, now, limit, expired=True))).scalars())
            if len(ids) < limit:
                pending = _candidates(topics, now, limit - len(ids), expired=False)
                ids += list((await conn.execute(pending)).scalars())
            if not ids:
                return []
            await conn.execute(
                update(outbox)
                .where(outbox.c.id.in_(ids), _claimable(now))
                .values(status="sending", lease_until=now + lease, lease_token=token)
            )
            claimed = select(outbox).where(outbox.c.lease_token == token, outbox.c.status == "sending")
            rows = (await conn.execute(claimed.order_by(*order))).mappings()
            return [
                OutboxMessage(
                    id=row["id"],
                    topic=row["topic"],
                    payload=row["payload"],
                    attempts=row["attempts"],
                    lease_token=token,
                    lease_until=row["lease_until"],
                    subject=row["subject"],
                )
                for row in rows
            ]

    async def mark_sent(self, message: OutboxMessage, *, now: datetime) -> bool:
        return await self._settle(message, status="sent", sent_at=now, last_error=None)

    async def mark_retry(self, message: OutboxMessage, *, available_at: datetime, error: str) -> bool:
        attempts = outbox.c.attempts + 1
        return await self._settle(
            message, status="pending", available_at=available_at, attempts=attempts, last_error=error
        )

    async def mark_failed(self, message: OutboxMessage, *, error: str) -> bool:
        return await self._settle(message, status="failed", attempts=outbox.c.attempts + 1, last_error=error)

    async def mark_withdrawn(self, message: OutboxMessage, *, reason: str) -> bool:
        return await self._settle(message, status="withdrawn", last_error=reason)

    async def _settle(self, message: OutboxMessage, **values: Any) -> bool:
        """Compare-and-set on the lease: a worker whose lease expired and was re-claimed changes nothing."""
        statement = (
            update(outbox)
            .where(
                outbox.c.id == message.id,
                outbox.c.status == "sending",
                outbox.c.lease_token == message.lease_token,
            )
            .values(lease_until=None, lease_token=None, **values)
        )
        async with storage_errors(), self._engine.begin() as conn:
            result = await conn.execute(statement)
        return bool(result.rowcount == 1)


class SqlaBookingStates:
    """A booking's status and slot on a short connection of its own (delivery runs outside requests)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def state(self, booking_id: int) -> BookingState | None:
        query = select(bookings.c.status, bookings.c.slot_start).where(bookings.c.id == booking_id)
        async with storage_errors(), self._engine.connect() as conn:
            row = (await conn.execute(query)).one_or_none()
        return None if row is None else BookingState(status=str(row.status), slot_start=row.slot_start)
