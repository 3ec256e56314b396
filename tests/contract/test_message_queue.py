"""One suite for the MessageQueue port: the in-memory fake, SQLite and MariaDB."""

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.persistence import tables
from adapters.persistence.complaint_message_queue import SqlaMessageQueue
from adapters.persistence.engine import create_session_factory
from application.complaint.ports import MessageQueue
from tests.complaint_fakes import InMemoryMessageQueue
from tests.complaint_sql import complaint_mariadb_url, complaint_sqlite_url, empty_complaints_engine

__all__ = ["complaint_mariadb_url", "complaint_sqlite_url"]

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


@dataclass
class Harness:
    enqueue: Callable[..., Awaitable[bool]]  # one unit of work: enqueue, then commit
    entry: Callable[[int], Awaitable[dict[str, Any] | None]]
    flagged: Callable[[int], Awaitable[bool]]
    message: int  # an existing message's id


def _memory() -> Harness:
    fake = InMemoryMessageQueue(messages={1})

    async def enqueue(message_id: int, **values: Any) -> bool:
        port: MessageQueue = fake
        return await port.enqueue_message(message_id, **values)

    async def entry(message_id: int) -> dict[str, Any] | None:
        return fake.entries.get(message_id)

    async def flagged(message_id: int) -> bool:
        return message_id in fake.flagged

    return Harness(enqueue, entry, flagged, 1)


async def _message(engine: AsyncEngine) -> int:
    async with engine.begin() as conn:
        conversation = await conn.execute(
            insert(tables.conversations).values(
                session_id=uuid.uuid4().hex, channel="web", status="active", started_at=NOW,
                last_message_at=NOW,
            )
        )  # fmt: skip
        message = await conn.execute(
            insert(tables.messages).values(
                conversation_id=conversation.inserted_primary_key[0], role="user", text="help", created_at=NOW
            )
        )
    return int(message.inserted_primary_key[0])


async def _sql(engine: AsyncEngine) -> Harness:
    factory = create_session_factory(engine)

    async def enqueue(message_id: int, **values: Any) -> bool:
        async with factory() as session:
            port: MessageQueue = SqlaMessageQueue(session)
            done = await port.enqueue_message(message_id, **values)
            await session.commit()
            return done

    async def entry(message_id: int) -> dict[str, Any] | None:
        q = tables.priority_queue.c
        async with engine.connect() as conn:
            row = (
                await conn.execute(select(tables.priority_queue).where(q.message_id == message_id))
            ).mappings()
            found = row.one_or_none()
        return None if found is None else dict(found)

    async def flagged(message_id: int) -> bool:
        m = tables.messages.c
        async with engine.connect() as conn:
            return bool(await conn.scalar(select(m.flagged).where(m.id == message_id)))

    return Harness(enqueue, entry, flagged, await _message(engine))


@pytest.fixture(params=["memory", "sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
async def harness(request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
    if request.param == "memory":
        yield _memory()
        return
    url = request.getfixturevalue(f"complaint_{request.param}_url")
    async for engine in empty_complaints_engine(url):
        yield await _sql(engine)


def values(score: int, level: str, *, hours: int = 4) -> dict[str, Any]:
    due = NOW + timedelta(hours=hours)
    return {"score": score, "level": level, "due_at": due, "reason": "asked for a human", "now": NOW}


async def test_a_flagged_message_enters_the_queue_as_a_message_item(harness: Harness) -> None:
    assert await harness.enqueue(harness.message, **values(60, "high"))
    entry = await harness.entry(harness.message)
    assert entry is not None
    assert (entry["item_type"], entry["complaint_id"], entry["score"], entry["level"], entry["status"]) == (
        "message", None, 60, "high", "waiting",
    )  # fmt: skip
    assert entry["due_at"] == NOW + timedelta(hours=4)
    assert entry["reason"] == "asked for a human"
    assert await harness.flagged(harness.message)


async def test_queueing_again_refreshes_the_one_entry(harness: Harness) -> None:
    await harness.enqueue(harness.message, **values(30, "low", hours=48))
    await harness.enqueue(harness.message, **values(65, "high"))
    entry = await harness.entry(harness.message)
    assert entry is not None
    assert (entry["score"], entry["level"], entry["due_at"]) == (65, "high", NOW + timedelta(hours=4))


async def test_an_unknown_message_is_not_queued(harness: Harness) -> None:
    assert not await harness.enqueue(harness.message + 10_000, **values(60, "high"))
    assert await harness.entry(harness.message + 10_000) is None
