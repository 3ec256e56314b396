"""One suite for the JobQueue port: the embedded in-process runner and arq on Redis."""

import asyncio
import uuid
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from arq import create_pool
from arq.connections import ArqRedis, RedisSettings
from arq.worker import Worker, func

from adapters.jobs.arq_queue import ArqJobQueue
from adapters.jobs.in_process import InProcessJobQueue, UnknownJob
from application.common.errors import DependencyUnavailable
from application.common.ports import JobArg, JobQueue


@dataclass
class Harness:
    queue: JobQueue
    done: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    run_all: Any = None


def _record(done: list[tuple[str, dict[str, Any]]]) -> Any:
    async def greet(ctx: dict[str, Any], **kwargs: Any) -> str:
        done.append(("greet", kwargs))
        return "ok"

    return greet


@pytest.fixture(params=["in_process", pytest.param("arq", marks=pytest.mark.redis)])
async def harness(request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
    done: list[tuple[str, dict[str, Any]]] = []
    greet = _record(done)
    if request.param == "in_process":

        async def runner(job: str, kwargs: Mapping[str, JobArg]) -> object:
            return await greet({}, **kwargs)

        queue = InProcessJobQueue(runner, frozenset({"greet"}), base_delay=0.01)
        yield Harness(queue=queue, done=done, run_all=queue.drain)
        return
    settings = RedisSettings.from_dsn(request.getfixturevalue("redis_url"))
    queue_name = f"nexora-test:{uuid.uuid4().hex}"
    pool = await create_pool(settings, default_queue_name=queue_name)

    async def run_all() -> None:
        worker = Worker(
            functions=[func(greet, name="greet")],
            redis_pool=pool,
            queue_name=queue_name,
            burst=True,
            handle_signals=False,
            poll_delay=0.05,
        )
        await worker.main()

    try:
        yield Harness(queue=ArqJobQueue(pool, queue_name), done=done, run_all=run_all)
    finally:
        keys = [k async for k in pool.scan_iter(match=f"*{queue_name}*")]
        if keys:
            await pool.delete(*keys)
        await pool.aclose()


async def test_job_runs_with_its_arguments_when_enqueued(harness: Harness) -> None:
    assert await harness.queue.enqueue("greet", kwargs={"booking_id": 42, "channel": "sms"}) is True
    await harness.run_all()
    assert harness.done == [("greet", {"booking_id": 42, "channel": "sms"})]


async def test_second_enqueue_is_refused_when_the_same_job_id_is_pending(harness: Harness) -> None:
    job_id = f"reminder-{uuid.uuid4().hex}"
    assert await harness.queue.enqueue("greet", job_id=job_id, defer_by=timedelta(milliseconds=100)) is True
    assert await harness.queue.enqueue("greet", job_id=job_id) is False
    await asyncio.sleep(0.15)
    await harness.run_all()
    assert len(harness.done) == 1


async def test_in_process_queue_retries_with_backoff_when_a_job_fails() -> None:
    attempts: list[int] = []

    async def flaky(job: str, kwargs: Mapping[str, JobArg]) -> object:
        attempts.append(1)
        if len(attempts) < 3:
            raise RuntimeError("transient")
        return None

    queue = InProcessJobQueue(flaky, frozenset({"flaky"}), max_tries=3, base_delay=0.01)
    await queue.enqueue("flaky")
    await queue.drain()
    assert len(attempts) == 3


async def test_in_process_queue_refuses_unknown_jobs_when_enqueued() -> None:
    async def runner(job: str, kwargs: Mapping[str, JobArg]) -> object:
        return None

    with pytest.raises(UnknownJob):
        await InProcessJobQueue(runner, frozenset({"known"})).enqueue("typo")


async def test_arq_queue_reports_dependency_unavailable_when_redis_is_down() -> None:
    client = ArqRedis(host="127.0.0.1", port=1, socket_connect_timeout=0.5)
    try:
        with pytest.raises(DependencyUnavailable, match="job queue"):
            await ArqJobQueue(client, "q").enqueue("greet")
    finally:
        await client.aclose()
