"""Outbox delivery under concurrency and crashes: every message reaches the sender exactly once."""

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.clock.system import SystemClock
from adapters.persistence import tables
from adapters.persistence.engine import create_engine
from adapters.persistence.outbox_store import SqlaOutboxStore
from application.outbox.commands.deliver_outbox import DeliverOutbox, DeliverOutboxCommand, DeliveryPolicy
from application.outbox.ports import OutgoingMessage
from tests.fakes import FakeClock
from tests.outbox_fakes import RecordingSender
from tests.outbox_sql import add_rows, empty_outbox_engine, outbox_mariadb_url, outbox_sqlite_url

__all__ = ["outbox_mariadb_url", "outbox_sqlite_url"]


def _messages(count: int, at: datetime) -> list[tuple[str, dict[str, object], datetime]]:
    return [
        ("notify.email", {"to": f"user{n}@example.com", "template": "welcome", "data": {}}, at)
        for n in range(count)
    ]


async def _statuses(engine: AsyncEngine) -> dict[str, int]:
    async with engine.connect() as conn:
        query = select(tables.outbox.c.status, func.count()).group_by(tables.outbox.c.status)
        return {str(status): int(count) for status, count in (await conn.execute(query)).all()}


@pytest.fixture(params=["sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
async def outbox_url(request: pytest.FixtureRequest) -> AsyncIterator[str]:
    url: str = request.getfixturevalue(f"outbox_{request.param}_url")
    async for _engine in empty_outbox_engine(url):
        yield url


@pytest.mark.mariadb
async def test_two_workers_deliver_each_of_200_messages_once_when_racing_on_mariadb(
    outbox_mariadb_url: str,
) -> None:
    async for seed_engine in empty_outbox_engine(outbox_mariadb_url):
        ids = await add_rows(seed_engine, _messages(200, datetime.now(UTC) - timedelta(seconds=1)))
        sender = RecordingSender(pause=0.001)
        engines = [create_engine(outbox_mariadb_url) for _ in range(2)]
        try:
            workers = [DeliverOutbox(SqlaOutboxStore(e), sender, SystemClock()) for e in engines]
            command = DeliverOutboxCommand(batch_size=10, max_messages=1000)
            results = await asyncio.gather(*(w.execute(command) for w in workers))
        finally:
            for engine in engines:
                await engine.dispose()
        duplicates = [key for key, seen in Counter(sender.keys).items() if seen > 1]
        assert duplicates == []
        assert sorted(sender.keys) == sorted(f"outbox-{i}" for i in ids)
        assert all(r.sent > 0 for r in results), "both workers should have taken a share"
        assert await _statuses(seed_engine) == {"sent": 200}


class CrashingSender(RecordingSender):
    """Delivers `survive` messages, then the worker dies (its task is cancelled) mid-delivery."""

    def __init__(self, survive: int) -> None:
        super().__init__()
        self.survive = survive

    async def send(self, message: OutgoingMessage) -> None:
        if len(self.sent) >= self.survive:
            task = asyncio.current_task()
            assert task is not None
            task.cancel()
            await asyncio.sleep(0)
        await super().send(message)


async def test_remaining_messages_are_delivered_once_when_a_worker_died_midway(outbox_url: str) -> None:
    clock = FakeClock()
    policy = DeliveryPolicy()
    engine = create_engine(outbox_url)
    try:
        ids = await add_rows(engine, _messages(30, clock.now()))
        store = SqlaOutboxStore(engine)
        crashing = CrashingSender(survive=12)
        dying = asyncio.create_task(DeliverOutbox(store, crashing, clock, policy).execute())
        with pytest.raises(asyncio.CancelledError):
            await dying
        assert len(crashing.sent) == 12
        survivor = RecordingSender()
        successor = DeliverOutbox(SqlaOutboxStore(engine), survivor, clock, policy)
        assert (await successor.execute()).sent == 0, "leased messages wait while the lease lasts"
        clock.advance(policy.lease)
        assert (await successor.execute()).sent == 18
        delivered = crashing.keys + survivor.keys
        assert sorted(delivered) == sorted(f"outbox-{i}" for i in ids)
        assert len(set(delivered)) == len(delivered) == 30
        assert await _statuses(engine) == {"sent": 30}
    finally:
        await engine.dispose()
