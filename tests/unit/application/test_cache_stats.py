from datetime import timedelta

from application.health.queries.cache_stats import GetCacheStats
from tests.fakes import InMemoryCache


async def test_hit_rate_is_reported_to_four_decimals_when_the_cache_was_used() -> None:
    cache = InMemoryCache()
    await cache.set("k", b"v", ttl=timedelta(minutes=1))
    for key in ("k", "k", "missing"):
        await cache.get(key)
    view = await GetCacheStats(cache).execute()
    assert (view.hits, view.misses, view.hit_rate) == (2, 1, 0.6667)


async def test_hit_rate_is_zero_when_nothing_was_read() -> None:
    assert (await GetCacheStats(InMemoryCache()).execute()).hit_rate == 0.0
