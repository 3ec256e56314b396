"""The booking adapters: the idempotency store (fake, SQLite, MariaDB agree) and the provider locks that
serialise allocation (MariaDB only: SQLite ignores FOR UPDATE)."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from typing import Protocol

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.persistence.booking_repository import SqlaBookingRepository
from adapters.persistence.engine import create_engine, create_session_factory
from adapters.persistence.idempotency_store import SqlIdempotencyStore
from application.booking.errors import IdempotencyKeyReused
from application.booking.ports import IdempotencyStore, StoredResponse
from domain.provider.entities import ProviderId
from tests.booking_fakes import InMemoryIdempotencyStore

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
DAY = timedelta(hours=24)


class Keys(Protocol):
    store: IdempotencyStore

    async def commit(self) -> None: ...


class FakeKeys:
    def __init__(self) -> None:
        self.fake = InMemoryIdempotencyStore()
        self.store: IdempotencyStore = self.fake

    async def commit(self) -> None:
        self.fake.commit()


class SqlKeys:
    def __init__(self, engine: AsyncEngine) -> None:
        self.session = create_session_factory(engine)()
        self.store: IdempotencyStore = SqlIdempotencyStore(self.session)

    async def commit(self) -> None:
        await self.session.commit()


@pytest.fixture(params=["fake", "sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
async def keys(request: pytest.FixtureRequest) -> AsyncIterator[Keys]:
    if request.param == "fake":
        yield FakeKeys()
        return
    engine = create_engine(request.getfixturevalue(f"seeded_{request.param}_url"))
    sql = SqlKeys(engine)
    try:
        yield sql
    finally:
        await sql.session.close()
        await engine.dispose()


async def test_a_committed_response_is_replayed_when_the_same_request_is_claimed_again(keys: Keys) -> None:
    scope, key = f"test:{uuid.uuid4().hex}", "k1"
    assert await keys.store.claim(scope, key, "h1", now=NOW, ttl=DAY) is None
    await keys.store.complete(scope, key, StoredResponse(status_code=201, body='{"id":1}'))
    await keys.commit()
    assert await keys.store.claim(scope, key, "h1", now=NOW, ttl=DAY) == StoredResponse(201, '{"id":1}')
    with pytest.raises(IdempotencyKeyReused):
        await keys.store.claim(scope, key, "h2", now=NOW, ttl=DAY)
    assert await keys.store.claim(f"{scope}:other", key, "h2", now=NOW, ttl=DAY) is None


async def test_an_expired_key_is_claimed_afresh_when_used_again(keys: Keys) -> None:
    scope, key = f"test:{uuid.uuid4().hex}", "k1"
    assert await keys.store.claim(scope, key, "h1", now=NOW, ttl=DAY) is None
    await keys.store.complete(scope, key, StoredResponse(status_code=201, body="{}"))
    await keys.commit()
    assert await keys.store.claim(scope, key, "h2", now=NOW + DAY, ttl=DAY) is None


@pytest.mark.mariadb
async def test_a_second_allocation_waits_for_the_first_when_both_lock_one_provider(
    seeded_mariadb_url: str,
) -> None:
    engine = create_engine(seeded_mariadb_url)
    factory = create_session_factory(engine)
    try:
        async with factory() as first, factory() as second:
            ((provider,),) = (await first.execute(text("SELECT MIN(id) FROM providers"))).all()
            start = datetime(2026, 12, 20, 4, 30, tzinfo=UTC)
            await SqlaBookingRepository(first).lock_providers([ProviderId(provider)], start, start + DAY)
            waiting = asyncio.create_task(
                SqlaBookingRepository(second).lock_providers([ProviderId(provider)], start, start + DAY)
            )
            await asyncio.sleep(0.5)
            assert not waiting.done()
            await first.rollback()
            await asyncio.wait_for(waiting, timeout=5)
            await second.rollback()
    finally:
        await engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
async def test_the_next_sequence_follows_the_days_highest_reference_when_asked(
    request: pytest.FixtureRequest, backend: str
) -> None:
    engine = create_engine(request.getfixturevalue(f"seeded_{backend}_url"))
    try:
        async with create_session_factory(engine)() as session:
            assert await SqlaBookingRepository(session).next_sequence(date(2001, 1, 1)) == 1
    finally:
        await engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
async def test_concurrent_sequence_requests_never_collide_and_skip_existing_references_when_racing(
    request: pytest.FixtureRequest, backend: str
) -> None:
    engine = create_engine(request.getfixturevalue(f"seeded_{backend}_url"))
    day = date(2026, 11, 20)  # the demo seed already holds references for this day
    try:
        factory = create_session_factory(engine)
        async with factory() as probe:
            existing = await SqlaBookingRepository(probe).next_sequence(day)

        async def one() -> int:
            async with factory() as session:
                value = await SqlaBookingRepository(session).next_sequence(day)
                await session.commit()
                return value

        values = (
            await asyncio.gather(*(one() for _ in range(20)))
            if backend == "mariadb"
            else [await one() for _ in range(20)]
        )
        assert len(set(values)) == 20
        assert min(values) > existing - 1
    finally:
        await engine.dispose()
