"""One suite for the OutboxStore port: the in-memory fake, SQLite and MariaDB."""

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.persistence.outbox_store import SqlaOutboxStore
from application.outbox.ports import OutboxStore
from tests.outbox_fakes import InMemoryOutboxStore
from tests.outbox_sql import (
    add_rows,
    empty_outbox_engine,
    outbox_mariadb_url,
    outbox_sqlite_url,
    read_row,
)

__all__ = ["outbox_mariadb_url", "outbox_sqlite_url"]

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
LEASE = timedelta(minutes=2)
TOPICS = ["notify.email", "notify.sms"]


@dataclass
class Harness:
    store: OutboxStore
    add: Callable[[str, dict[str, Any], datetime], Awaitable[int]]
    row: Callable[[int], Awaitable[dict[str, Any]]]


def _payload(n: int = 1) -> dict[str, Any]:
    return {"to": f"user{n}@example.com", "template": "password_reset", "data": {"token": f"code-{n}"}}


@pytest.fixture(params=["memory", "sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
async def harness(request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
    if request.param == "memory":
        fake = InMemoryOutboxStore()

        async def add_fake(topic: str, payload: dict[str, Any], at: datetime) -> int:
            return fake.add(topic, payload, at)

        async def row_fake(row_id: int) -> dict[str, Any]:
            return asdict(fake.rows[row_id])

        yield Harness(fake, add_fake, row_fake)
        return
    url = request.getfixturevalue(f"outbox_{request.param}_url")
    async for engine in empty_outbox_engine(url):
        yield Harness(SqlaOutboxStore(engine), partial(_add_sql, engine), partial(read_row, engine))


async def _add_sql(engine: AsyncEngine, topic: str, payload: dict[str, Any], at: datetime) -> int:
    return (await add_rows(engine, [(topic, payload, at)]))[0]


async def test_claim_returns_due_messages_oldest_first_when_some_are_not_due(harness: Harness) -> None:
    second = await harness.add("notify.sms", _payload(2), NOW - timedelta(seconds=5))
    first = await harness.add("notify.email", _payload(1), NOW - timedelta(seconds=10))
    await harness.add("notify.email", _payload(3), NOW + timedelta(seconds=1))
    await harness.add("booking.confirmed", {"booking_id": 1}, NOW - timedelta(hours=1))
    claimed = await harness.store.claim_due(limit=10, now=NOW, lease=LEASE, topics=TOPICS)
    assert [m.id for m in claimed] == [first, second]
    assert claimed[0].payload == _payload(1)
    assert claimed[0].lease_until == NOW + LEASE
    assert (await harness.row(first))["status"] == "sending"


async def test_claim_respects_the_limit_when_more_are_due(harness: Harness) -> None:
    for n in range(5):
        await harness.add("notify.email", _payload(n), NOW - timedelta(seconds=10 - n))
    assert len(await harness.store.claim_due(limit=3, now=NOW, lease=LEASE, topics=TOPICS)) == 3
    assert len(await harness.store.claim_due(limit=3, now=NOW, lease=LEASE, topics=TOPICS)) == 2


async def test_leased_message_is_claimed_again_only_when_its_lease_expired(harness: Harness) -> None:
    row_id = await harness.add("notify.email", _payload(), NOW)
    (first,) = await harness.store.claim_due(limit=10, now=NOW, lease=LEASE, topics=TOPICS)
    almost = NOW + LEASE - timedelta(microseconds=1)
    assert await harness.store.claim_due(limit=10, now=almost, lease=LEASE, topics=TOPICS) == []
    (second,) = await harness.store.claim_due(limit=10, now=NOW + LEASE, lease=LEASE, topics=TOPICS)
    assert second.id == first.id == row_id
    assert second.lease_token != first.lease_token
    assert await harness.store.mark_sent(first, now=NOW + LEASE) is False
    assert await harness.store.mark_sent(second, now=NOW + LEASE) is True
    assert await harness.store.mark_retry(second, available_at=NOW, error="late") is False


async def test_sent_message_is_never_claimed_again_when_marked_sent(harness: Harness) -> None:
    row_id = await harness.add("notify.email", _payload(), NOW)
    (message,) = await harness.store.claim_due(limit=10, now=NOW, lease=LEASE, topics=TOPICS)
    assert await harness.store.mark_sent(message, now=NOW + timedelta(seconds=1)) is True
    later = NOW + timedelta(days=1)
    assert await harness.store.claim_due(limit=10, now=later, lease=LEASE, topics=TOPICS) == []
    row = await harness.row(row_id)
    assert (row["status"], row["sent_at"], row["lease_token"]) == ("sent", NOW + timedelta(seconds=1), None)
    assert row["payload"] == _payload()


async def test_retried_message_is_due_again_at_its_new_time_when_marked_for_retry(harness: Harness) -> None:
    row_id = await harness.add("notify.sms", _payload(), NOW)
    (message,) = await harness.store.claim_due(limit=10, now=NOW, lease=LEASE, topics=TOPICS)
    retry_at = NOW + timedelta(seconds=30)
    assert await harness.store.mark_retry(message, available_at=retry_at, error="timeout") is True
    row = await harness.row(row_id)
    assert (row["status"], row["attempts"], row["last_error"]) == ("pending", 1, "timeout")
    assert await harness.store.claim_due(limit=10, now=NOW, lease=LEASE, topics=TOPICS) == []
    (again,) = await harness.store.claim_due(limit=10, now=retry_at, lease=LEASE, topics=TOPICS)
    assert again.attempts == 1


async def test_failed_message_keeps_its_error_when_marked_failed(harness: Harness) -> None:
    row_id = await harness.add("notify.email", _payload(), NOW)
    (message,) = await harness.store.claim_due(limit=10, now=NOW, lease=LEASE, topics=TOPICS)
    assert await harness.store.mark_failed(message, error="bounced") is True
    row = await harness.row(row_id)
    assert (row["status"], row["attempts"], row["last_error"]) == ("failed", 1, "bounced")
    later = NOW + timedelta(days=1)
    assert await harness.store.claim_due(limit=10, now=later, lease=LEASE, topics=TOPICS) == []
