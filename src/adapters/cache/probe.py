"""Readiness probe for Redis."""

from redis.asyncio import Redis
from redis.exceptions import RedisError

from application.common.errors import DependencyUnavailable


class RedisProbe:
    name = "redis"

    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def check(self) -> None:
        try:
            await self._redis.ping()
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable(self.name, type(exc).__name__) from exc
