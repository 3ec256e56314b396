"""TokenStore, RateLimiter and OneTimeTokens: the in-process and the Redis adapters behave the same."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from redis.asyncio import Redis

from adapters.identity.memory import InMemoryOneTimeTokens, InMemoryRateLimiter, InMemoryTokenStore
from adapters.identity.redis_store import RedisOneTimeTokens, RedisRateLimiter, RedisTokenStore
from application.common.errors import DependencyUnavailable
from application.identity.ports import OneTimeTokens, RateLimiter, TokenStore

TTL = timedelta(minutes=5)


@dataclass
class Stores:
    tokens: TokenStore
    limiter: RateLimiter
    one_time: OneTimeTokens


@pytest.fixture(params=["memory", pytest.param("redis", marks=pytest.mark.redis)])
async def stores(request: pytest.FixtureRequest) -> AsyncIterator[Stores]:
    if request.param == "memory":
        yield Stores(InMemoryTokenStore(), InMemoryRateLimiter(), InMemoryOneTimeTokens())
        return
    client = Redis.from_url(request.getfixturevalue("redis_url"))
    ns = f"nexora-test:{uuid.uuid4().hex}:"
    try:
        yield Stores(
            RedisTokenStore(client, ns), RedisRateLimiter(client, ns), RedisOneTimeTokens(client, ns)
        )
    finally:
        keys = [k async for k in client.scan_iter(match=ns + "*")]
        if keys:
            await client.delete(*keys)
        await client.aclose()


async def test_rotation_succeeds_once_and_refuses_the_old_token_when_replayed(stores: Stores) -> None:
    await stores.tokens.start_family("fam1", "r1", TTL)
    assert await stores.tokens.rotate("fam1", "r1", "r2", TTL) is True
    assert await stores.tokens.rotate("fam1", "r1", "r3", TTL) is False
    assert await stores.tokens.rotate("fam1", "r2", "r3", TTL) is True


async def test_revoked_family_refuses_rotation_and_reports_revoked_when_checked(stores: Stores) -> None:
    await stores.tokens.start_family("fam2", "r1", TTL)
    assert await stores.tokens.is_revoked("fam2") is False
    await stores.tokens.revoke_family("fam2", TTL)
    assert await stores.tokens.is_revoked("fam2") is True
    assert await stores.tokens.rotate("fam2", "r1", "r2", TTL) is False


async def test_unknown_family_cannot_rotate_when_never_started(stores: Stores) -> None:
    assert await stores.tokens.rotate("ghost", "r1", "r2", TTL) is False


async def test_subject_cutoff_is_remembered_when_everything_is_revoked(stores: Stores) -> None:
    moment = datetime(2026, 11, 24, 10, 0, 0, 123000, tzinfo=UTC)
    assert await stores.tokens.revoked_before("customer:1") is None
    await stores.tokens.revoke_subject_before("customer:1", moment, TTL)
    cutoff = await stores.tokens.revoked_before("customer:1")
    assert cutoff is not None
    assert abs(cutoff.timestamp() - moment.timestamp()) < 0.001


async def test_limiter_allows_up_to_the_limit_then_refuses_with_retry_after_when_hit(stores: Stores) -> None:
    decisions = [await stores.limiter.hit("k", limit=3, window=timedelta(seconds=30)) for _ in range(4)]
    assert [d.allowed for d in decisions] == [True, True, True, False]
    assert [d.remaining for d in decisions] == [2, 1, 0, 0]
    assert 1 <= decisions[-1].retry_after_seconds <= 30
    peek = await stores.limiter.peek("k", limit=3)
    assert peek.allowed is False
    await stores.limiter.reset("k")
    assert (await stores.limiter.peek("k", limit=3)).allowed is True


async def test_limiter_window_ends_when_its_time_has_passed(stores: Stores) -> None:
    for _ in range(2):
        await stores.limiter.hit("short", limit=1, window=timedelta(milliseconds=100))
    await asyncio.sleep(0.2)
    assert (await stores.limiter.hit("short", limit=1, window=timedelta(milliseconds=100))).allowed is True


async def test_limiter_counts_exactly_when_hit_concurrently(stores: Stores) -> None:
    decisions = await asyncio.gather(
        *(stores.limiter.hit("burst", limit=10, window=timedelta(seconds=30)) for _ in range(25))
    )
    assert sum(d.allowed for d in decisions) == 10


async def test_one_time_token_works_once_when_taken(stores: Stores) -> None:
    await stores.one_time.put("h1", "42", TTL)
    assert await stores.one_time.take("h1") == "42"
    assert await stores.one_time.take("h1") is None
    assert await stores.one_time.take("never") is None


async def test_one_time_token_expires_when_its_ttl_has_passed(stores: Stores) -> None:
    await stores.one_time.put("h2", "7", timedelta(milliseconds=50))
    await asyncio.sleep(0.15)
    assert await stores.one_time.take("h2") is None


@pytest.mark.redis
async def test_redis_limiter_is_atomic_across_two_clients_when_hit_at_once(redis_url: str) -> None:
    ns = f"nexora-test:{uuid.uuid4().hex}:"
    first, second = Redis.from_url(redis_url), Redis.from_url(redis_url)
    try:
        a, b = RedisRateLimiter(first, ns), RedisRateLimiter(second, ns)
        decisions = await asyncio.gather(
            *(limiter.hit("shared", limit=7, window=timedelta(seconds=30)) for limiter in [a, b] * 10)
        )
        assert sum(d.allowed for d in decisions) == 7
    finally:
        keys = [k async for k in first.scan_iter(match=ns + "*")]
        if keys:
            await first.delete(*keys)
        await first.aclose()
        await second.aclose()


async def test_redis_stores_fail_closed_with_dependency_unavailable_when_redis_is_down() -> None:
    client = Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.5)
    try:
        with pytest.raises(DependencyUnavailable):
            await RedisTokenStore(client).is_revoked("fam")
        with pytest.raises(DependencyUnavailable):
            await RedisRateLimiter(client).hit("k", limit=1, window=TTL)
        with pytest.raises(DependencyUnavailable):
            await RedisOneTimeTokens(client).take("h")
    finally:
        await client.aclose()
