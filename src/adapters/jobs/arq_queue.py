"""arq job queue for the production profile: durable jobs in Redis, run by `nexora worker`."""

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from arq.connections import ArqRedis
from redis.exceptions import RedisError

from application.common.errors import DependencyUnavailable
from application.common.ports import JobArg


class ArqJobQueue:
    def __init__(self, redis: ArqRedis, queue_name: str) -> None:
        self._redis = redis
        self._queue_name = queue_name

    async def enqueue(
        self,
        job: str,
        *,
        job_id: str | None = None,
        defer_by: timedelta | None = None,
        kwargs: Mapping[str, JobArg] | None = None,
    ) -> bool:
        try:
            job_kwargs: dict[str, Any] = dict(kwargs or {})
            queued = await self._redis.enqueue_job(
                job, _job_id=job_id, _queue_name=self._queue_name, _defer_by=defer_by, **job_kwargs
            )
        except (RedisError, OSError) as exc:
            raise DependencyUnavailable("job queue", type(exc).__name__) from exc
        return queued is not None
