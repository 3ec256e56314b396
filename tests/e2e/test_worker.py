"""Background jobs through the JobQueue port: in-process in the embedded profile, arq in production."""

import uuid

import pytest
from arq.worker import create_worker

from adapters.jobs.in_process import InProcessJobQueue
from application.catalog import cache_keys
from application.common.ports import Cache, JobQueue
from entrypoints.ioc.container import make_container
from entrypoints.worker.settings import build_worker_settings
from tests.e2e.conftest import make_settings


async def test_embedded_profile_runs_jobs_in_process_when_enqueued(seeded_sqlite_url: str) -> None:
    container = make_container(make_settings(database_url=seeded_sqlite_url))
    try:
        queue = await container.get(JobQueue)
        cache = await container.get(Cache)
        assert isinstance(queue, InProcessJobQueue)
        assert await cache.get(cache_keys.categories()) is None
        assert await queue.enqueue("warm_catalog_cache", job_id="warm-1") is True
        await queue.drain()
        assert await cache.get(cache_keys.categories()) is not None
        assert await cache.get(cache_keys.subcategories(1)) is not None
    finally:
        await container.close()


@pytest.mark.mariadb
@pytest.mark.redis
async def test_arq_worker_runs_enqueued_jobs_with_di_when_started_in_burst_mode(
    seeded_mariadb_url: str, redis_url: str
) -> None:
    settings = make_settings(
        env="production",
        database_url=seeded_mariadb_url,
        redis_url=redis_url,
        queue_name=f"nexora-test:{uuid.uuid4().hex}",
    )
    container = make_container(settings)
    try:
        queue = await container.get(JobQueue)
        cache = await container.get(Cache)
        await cache.delete_prefix(cache_keys.PREFIX)
        assert await queue.enqueue("warm_catalog_cache", job_id=f"warm-{uuid.uuid4().hex}") is True
        worker_settings = build_worker_settings(settings)
        worker_settings.update(burst=True, handle_signals=False, poll_delay=0.05, cron_jobs=[])
        worker = create_worker(worker_settings)
        await worker.main()
        assert worker.jobs_complete == 1
        assert worker.jobs_failed == 0
        assert await cache.get(cache_keys.categories()) is not None
        await worker_settings["ctx"]["dishka_app_container"].close()
    finally:
        await cache.delete_prefix(cache_keys.PREFIX)
        await container.close()
