"""In-process job runner for the embedded profile: no Redis, same JobQueue port as arq."""

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from datetime import timedelta

import structlog

from application.common.ports import JobArg

log = structlog.get_logger(__name__)

JobRunner = Callable[[str, Mapping[str, JobArg]], Awaitable[object]]


class UnknownJob(LookupError):
    pass


class InProcessJobQueue:
    """Runs jobs as tasks on the running event loop, with retries and exponential backoff.

    Semantics match ArqJobQueue: a `job_id` already queued or running is not enqueued again. Jobs do not
    survive a process restart; that is the trade of the embedded profile (use arq for durability).
    """

    def __init__(
        self,
        runner: JobRunner,
        known_jobs: frozenset[str],
        *,
        max_tries: int = 3,
        base_delay: float = 0.5,
        max_concurrency: int = 4,
    ) -> None:
        self._runner = runner
        self._known = known_jobs
        self._max_tries = max_tries
        self._base_delay = base_delay
        self._semaphore = asyncio.Semaphore(max_concurrency)
        self._active_ids: set[str] = set()
        self._tasks: set[asyncio.Task[None]] = set()

    async def enqueue(
        self,
        job: str,
        *,
        job_id: str | None = None,
        defer_by: timedelta | None = None,
        kwargs: Mapping[str, JobArg] | None = None,
    ) -> bool:
        if job not in self._known:
            raise UnknownJob(job)
        if job_id is not None:
            if job_id in self._active_ids:
                return False
            self._active_ids.add(job_id)
        delay = defer_by.total_seconds() if defer_by else 0.0
        task = asyncio.create_task(self._run(job, job_id, delay, dict(kwargs or {})))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return True

    async def _run(self, job: str, job_id: str | None, delay: float, kwargs: dict[str, JobArg]) -> None:
        try:
            if delay > 0:
                await asyncio.sleep(delay)
            for attempt in range(1, self._max_tries + 1):
                try:
                    async with self._semaphore:
                        await self._runner(job, kwargs)
                    log.info("job.done", job=job, job_id=job_id, attempt=attempt)
                    return
                except asyncio.CancelledError:
                    raise
                except Exception:
                    log.exception("job.failed", job=job, job_id=job_id, attempt=attempt)
                    if attempt < self._max_tries:
                        await asyncio.sleep(self._base_delay * 2 ** (attempt - 1))
        finally:
            if job_id is not None:
                self._active_ids.discard(job_id)

    @property
    def pending(self) -> int:
        return len(self._tasks)

    async def drain(self, grace_seconds: float = 10.0) -> None:
        """Wait for running jobs (on shutdown and in tests); cancel what is left after the grace period."""
        if not self._tasks:
            return
        _done, pending = await asyncio.wait(set(self._tasks), timeout=grace_seconds)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
