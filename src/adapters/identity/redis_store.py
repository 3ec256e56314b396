"""Redis token store, rate limiter and one-time tokens: shared by every API process, atomic by Lua."""

from datetime import UTC, datetime, timedelta

from redis.asyncio import Redis
from redis.exceptions import RedisError

from application.common.errors import DependencyUnavailable
from application.identity.ports import RateDecision

ROTATE = """
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
"""
HIT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}
"""


def _ms(ttl: timedelta) -> int:
    return max(1, int(ttl.total_seconds() * 1000))


class _RedisBacked:
    def __init__(self, redis: Redis, namespace: str) -> None:
        self._redis = redis
        self._ns = namespace

    def _unavailable(self, exc: Exception) -> DependencyUnavailable:
        return DependencyUnavailable("redis", type(exc).__name__)


class RedisTokenStore(_RedisBacked):
    def __init__(self, redis: Redis, namespace: str = "nexora:auth:") -> None:
        super().__init__(redis, namespace)
        self._rotate = redis.register_script(ROTATE)

    async def start_family(self, family: str, token_id: str, ttl: timedelta) -> None:
        try:
            await self._redis.set(f"{self._ns}fam:{family}", token_id, px=_ms(ttl))
        except (RedisError, OSError) as exc:
            raise self._unavailable(exc) from exc

    async def rotate(self, family: str, presented: str, replacement: str, ttl: timedelta) -> bool:
        keys = [f"{self._ns}fam:{family}", f"{self._ns}revoked:{family}"]
        try:
            return bool(await self._rotate(keys=keys, args=[presented, replacement, _ms(ttl)]))
        except (RedisError, OSError) as exc:
            raise self._unavailable(exc) from exc

    async def revoke_family(self, family: str, ttl: timedelta) -> None:
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.set(f"{self._ns}revoked:{family}", 1, px=_ms(ttl))
                pipe.delete(f"{self._ns}fam:{family}")
                await pipe.execute()
        except (RedisError, OSError) as exc:
            raise self._unavailable(exc) from exc

    async def is_revoked(self, family: str) -> bool:
        try:
            return bool(await self._redis.exists(f"{self._ns}revoked:{family}"))
        except (RedisError, OSError) as exc:
            raise self._unavailable(exc) from exc

    async def revoke_subject_before(self, subject: str, moment: datetime, ttl: timedelta) -> None:
        try:
            await self._redis.set(f"{self._ns}before:{subject}", str(moment.timestamp()), px=_ms(ttl))
        except (RedisError, OSError) as exc:
            raise self._unavailable(exc) from exc

    async def revoked_before(self, subject: str) -> datetime | None:
        try:
            value = await self._redis.get(f"{self._ns}before:{subject}")
        except (RedisError, OSError) as exc:
            raise self._unavailable(exc) from exc
        return datetime.fromtimestamp(float(value), UTC) if value is not None else None


class RedisRateLimiter(_RedisBacked):
    def __init__(self, redis: Redis, namespace: str = "nexora:rate:") -> None:
        super().__init__(redis, namespace)
        self._hit = redis.register_script(HIT)

    async def hit(self, key: str, *, limit: int, window: timedelta) -> RateDecision:
        try:
            count, ttl = await self._hit(keys=[self._ns + key], args=[_ms(window)])
        except (RedisError, OSError) as exc:
            raise self._unavailable(exc) from exc
        return _decision(int(count), int(ttl), limit)

    async def peek(self, key: str, *, limit: int) -> RateDecision:
        try:
            async with self._redis.pipeline(transaction=False) as pipe:
                pipe.get(self._ns + key)
                pipe.pttl(self._ns + key)
                value, ttl = await pipe.execute()
        except (RedisError, OSError) as exc:
            raise self._unavailable(exc) from exc
        return _decision(int(value or 0), int(ttl), limit)

    async def reset(self, key: str) -> None:
        try:
            await self._redis.delete(self._ns + key)
        except (RedisError, OSError) as exc:
            raise self._unavailable(exc) from exc


def _decision(count: int, ttl_ms: int, limit: int) -> RateDecision:
    allowed = count <= limit
    retry = 0 if allowed else max(1, (max(ttl_ms, 0) + 999) // 1000)
    return RateDecision(allowed=allowed, remaining=max(0, limit - count), retry_after_seconds=retry)


class RedisOneTimeTokens(_RedisBacked):
    def __init__(self, redis: Redis, namespace: str = "nexora:otp:") -> None:
        super().__init__(redis, namespace)

    async def put(self, token_hash: str, subject: str, ttl: timedelta) -> None:
        try:
            await self._redis.set(self._ns + token_hash, subject, px=_ms(ttl))
        except (RedisError, OSError) as exc:
            raise self._unavailable(exc) from exc

    async def take(self, token_hash: str) -> str | None:
        try:
            value = await self._redis.getdel(self._ns + token_hash)
        except (RedisError, OSError) as exc:
            raise self._unavailable(exc) from exc
        return value.decode() if isinstance(value, bytes) else value
