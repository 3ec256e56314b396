"""One suite for the Cache port: the in-process LRU and Redis behave the same."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from redis.asyncio import Redis

from adapters.cache.memory import InMemoryCache
from adapters.cache.redis import RedisCache
from application.common.ports import Cache


@pytest.fixture(params=["memory", pytest.param("redis", marks=pytest.mark.redis)])
async def cache(request: pytest.FixtureRequest) -> AsyncIterator[Cache]:
    if request.param == "memory":
        yield InMemoryCache()
        return
    client = Redis.from_url(request.getfixturevalue("redis_url"))
    namespace = f"nexora-test:{uuid.uuid4().hex}:"
    try:
        yield RedisCache(client, namespace=namespace)
    finally:
        keys = [k async for k in client.scan_iter(match=namespace + "*")]
        if keys:
            await client.delete(*keys)
        await client.aclose()


async def test_returns_what_was_stored_when_read_before_expiry(cache: Cache) -> None:
    await cache.set("catalog:v1:categories", b"\x00payload", ttl=timedelta(minutes=1))
    assert await cache.get("catalog:v1:categories") == b"\x00payload"


async def test_returns_none_when_key_was_never_stored(cache: Cache) -> None:
    assert await cache.get("missing") is None


async def test_entry_disappears_when_its_ttl_has_passed(cache: Cache) -> None:
    await cache.set("short", b"x", ttl=timedelta(milliseconds=50))
    await asyncio.sleep(0.15)
    assert await cache.get("short") is None


async def test_delete_prefix_drops_only_matching_keys_when_invalidating(cache: Cache) -> None:
    for key in ("catalog:v1:a", "catalog:v1:b", "catalog:v10:c", "users:1"):
        await cache.set(key, b"1", ttl=timedelta(minutes=1))
    assert await cache.delete_prefix("catalog:v1:") == 2
    assert await cache.get("catalog:v1:a") is None
    assert await cache.get("catalog:v10:c") == b"1"
    assert await cache.get("users:1") == b"1"


async def test_prefix_with_glob_characters_is_taken_literally_when_invalidating(cache: Cache) -> None:
    await cache.set("a*b:1", b"1", ttl=timedelta(minutes=1))
    await cache.set("aXb:1", b"1", ttl=timedelta(minutes=1))
    assert await cache.delete_prefix("a*b:") == 1
    assert await cache.get("aXb:1") == b"1"


async def test_memory_cache_evicts_least_recently_used_when_full() -> None:
    cache = InMemoryCache(max_entries=2)
    await cache.set("a", b"1", ttl=timedelta(minutes=1))
    await cache.set("b", b"2", ttl=timedelta(minutes=1))
    await cache.get("a")
    await cache.set("c", b"3", ttl=timedelta(minutes=1))
    assert await cache.get("b") is None
    assert await cache.get("a") == b"1"


async def test_redis_cache_degrades_to_misses_when_redis_is_down() -> None:
    client = Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.5)
    cache = RedisCache(client)
    try:
        await cache.set("k", b"v", ttl=timedelta(minutes=1))
        assert await cache.get("k") is None
        assert await cache.delete_prefix("k") == 0
    finally:
        await client.aclose()


async def test_stats_count_hits_and_misses_when_reading(cache: Cache) -> None:
    start = cache.stats()
    await cache.get("absent")
    await cache.set("present", b"1", ttl=timedelta(minutes=1))
    await cache.get("present")
    await cache.get("present")
    now = cache.stats()
    assert (now.hits - start.hits, now.misses - start.misses) == (2, 1)
    assert 0 < now.hit_rate <= 1
