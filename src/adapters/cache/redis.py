"""Redis cache for the production profile, shared by every API process and worker."""

from datetime import timedelta

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError

from application.common.ports import CacheStats

log = structlog.get_logger(__name__)


class RedisCache:
    """Keys live under a namespace prefix. Redis errors are logged and turned into misses / dropped writes,
    so a Redis outage slows reads down instead of failing them."""

    def __init__(self, redis: Redis, namespace: str = "nexora:cache:") -> None:
        self._redis = redis
        self._ns = namespace
        self._hits = 0
        self._misses = 0

    def stats(self) -> CacheStats:
        return CacheStats(hits=self._hits, misses=self._misses)

    async def get(self, key: str) -> bytes | None:
        try:
            value: bytes | None = await self._redis.get(self._ns + key)
        except (RedisError, OSError) as exc:
            log.warning("cache.get_failed", key=key, error=type(exc).__name__)
            self._misses += 1
            return None
        if value is None:
            self._misses += 1
        else:
            self._hits += 1
        return value

    async def set(self, key: str, value: bytes, *, ttl: timedelta) -> None:
        try:
            await self._redis.set(self._ns + key, value, px=max(1, int(ttl.total_seconds() * 1000)))
        except (RedisError, OSError) as exc:
            log.warning("cache.set_failed", key=key, error=type(exc).__name__)

    async def delete_prefix(self, prefix: str) -> int:
        deleted = 0
        try:
            batch: list[bytes] = []
            async for key in self._redis.scan_iter(match=self._escape(self._ns + prefix) + "*", count=500):
                batch.append(key)
                if len(batch) >= 500:
                    deleted += await self._redis.unlink(*batch)
                    batch.clear()
            if batch:
                deleted += await self._redis.unlink(*batch)
        except (RedisError, OSError) as exc:
            log.warning("cache.invalidate_failed", prefix=prefix, error=type(exc).__name__)
        return deleted

    @staticmethod
    def _escape(pattern: str) -> str:
        return "".join("\\" + ch if ch in "*?[]\\" else ch for ch in pattern)
