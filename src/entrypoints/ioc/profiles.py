"""The two run profiles: embedded (in-process cache and jobs) and production (Redis cache, arq jobs)."""

from collections.abc import AsyncIterator, Mapping, Sequence

from arq.connections import ArqRedis
from dishka import AsyncContainer, Provider, Scope, provide
from redis.asyncio import ConnectionPool, Redis

from adapters.cache.memory import InMemoryCache
from adapters.cache.probe import RedisProbe
from adapters.cache.redis import RedisCache
from adapters.clock.system import SystemClock
from adapters.identity.memory import InMemoryOneTimeTokens, InMemoryRateLimiter, InMemoryTokenStore
from adapters.identity.redis_store import RedisOneTimeTokens, RedisRateLimiter, RedisTokenStore
from adapters.jobs.arq_queue import ArqJobQueue
from adapters.jobs.in_process import InProcessJobQueue
from adapters.persistence.probe import SqlaDatabaseProbe
from application.common.ports import Cache, Clock, DependencyProbe, JobArg, JobQueue
from application.identity.ports import OneTimeTokens, RateLimiter, TokenStore
from entrypoints.settings import Settings
from entrypoints.worker.jobs import JOBS, run_job


class CommonProvider(Provider):
    scope = Scope.APP
    clock = provide(SystemClock, provides=Clock)


class EmbeddedProvider(Provider):
    """No server to install: the cache and the job runner live in this process."""

    scope = Scope.APP

    @provide
    def cache(self) -> Cache:
        return InMemoryCache(max_entries=10_000)

    @provide
    async def job_queue(self, container: AsyncContainer) -> AsyncIterator[JobQueue]:
        async def runner(job: str, kwargs: Mapping[str, JobArg]) -> object:
            return await run_job(container, job, kwargs)

        queue = InProcessJobQueue(runner, frozenset(JOBS))
        yield queue
        await queue.drain()

    @provide
    def probes(self, database: SqlaDatabaseProbe) -> Sequence[DependencyProbe]:
        return [database]

    @provide
    def token_store(self) -> TokenStore:
        return InMemoryTokenStore()

    @provide
    def rate_limiter(self) -> RateLimiter:
        return InMemoryRateLimiter()

    @provide
    def one_time_tokens(self) -> OneTimeTokens:
        return InMemoryOneTimeTokens()


class ProductionProvider(Provider):
    """Redis for the shared cache, arq (on the same Redis) for durable background jobs."""

    scope = Scope.APP

    @provide
    async def redis(self, settings: Settings) -> AsyncIterator[Redis]:
        assert settings.redis_url is not None
        client = Redis.from_url(
            settings.redis_url, socket_timeout=2.0, socket_connect_timeout=2.0, health_check_interval=30
        )
        yield client
        await client.aclose()

    @provide
    async def arq_pool(self, settings: Settings) -> AsyncIterator[ArqRedis]:
        """Connects lazily (unlike arq's create_pool), so a Redis outage at start-up is a 503, not a crash."""
        assert settings.redis_url is not None
        pool = ConnectionPool.from_url(settings.redis_url, socket_timeout=2.0, socket_connect_timeout=2.0)
        client = ArqRedis(pool, default_queue_name=settings.queue_name)
        yield client
        await client.aclose()

    @provide
    def cache(self, redis: Redis) -> Cache:
        return RedisCache(redis)

    @provide
    def job_queue(self, pool: ArqRedis, settings: Settings) -> JobQueue:
        return ArqJobQueue(pool, settings.queue_name)

    @provide
    def probes(self, database: SqlaDatabaseProbe, redis: Redis) -> Sequence[DependencyProbe]:
        return [database, RedisProbe(redis)]

    @provide
    def token_store(self, redis: Redis) -> TokenStore:
        return RedisTokenStore(redis)

    @provide
    def rate_limiter(self, redis: Redis) -> RateLimiter:
        return RedisRateLimiter(redis)

    @provide
    def one_time_tokens(self, redis: Redis) -> OneTimeTokens:
        return RedisOneTimeTokens(redis)
