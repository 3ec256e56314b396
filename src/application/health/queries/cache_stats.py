"""How well the shared cache serves this process."""

import msgspec

from application.common.ports import Cache


class CacheStatsView(msgspec.Struct, frozen=True):
    hits: int
    misses: int
    hit_rate: float


class GetCacheStats:
    """Anyone may ask (no data leaks: counts only). Figures are per API process since it started."""

    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    async def execute(self) -> CacheStatsView:
        stats = self._cache.stats()
        return CacheStatsView(hits=stats.hits, misses=stats.misses, hit_rate=round(stats.hit_rate, 4))
