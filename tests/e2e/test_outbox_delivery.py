"""Notifications written to the outbox reach the sender: by the arq cron job in production, by the
in-process loop beside the API in the embedded profile."""

import asyncio
import uuid

import pytest
from arq.worker import create_worker
from litestar import Litestar
from sqlalchemy import select

from adapters.persistence import tables
from adapters.persistence.engine import create_engine
from application.identity.ports import Notifier
from entrypoints.http.outbox_delivery import outbox_delivery
from entrypoints.ioc.container import make_container
from entrypoints.settings import Settings
from entrypoints.worker.settings import build_worker_settings
from tests.e2e.conftest import make_settings


async def _status_of(settings: Settings, destination: str) -> str:
    engine = create_engine(settings.database_url)
    try:
        async with engine.connect() as conn:
            query = select(tables.outbox.c.payload, tables.outbox.c.status).order_by(
                tables.outbox.c.id.desc()
            )
            rows = (await conn.execute(query)).all()
    finally:
        await engine.dispose()
    return next(status for payload, status in rows if payload["to"] == destination)


async def _notify(notifier: Notifier) -> str:
    destination = f"outbox-{uuid.uuid4().hex[:10]}@example.com"
    await notifier.send(to=destination, channel="email", template="password_reset", data={"token": "42"})
    return destination


async def test_embedded_loop_delivers_a_notification_when_the_api_is_running(seeded_sqlite_url: str) -> None:
    settings = make_settings(database_url=seeded_sqlite_url)
    container = make_container(settings)
    try:
        destination = await _notify(await container.get(Notifier))
        assert await _status_of(settings, destination) == "pending"
        async with outbox_delivery(settings, container, interval=0.05)(Litestar(route_handlers=[])):
            for _ in range(100):
                if await _status_of(settings, destination) == "sent":
                    break
                await asyncio.sleep(0.05)
        assert await _status_of(settings, destination) == "sent"
    finally:
        await container.close()


@pytest.mark.mariadb
@pytest.mark.redis
async def test_arq_cron_job_delivers_the_outbox_when_the_worker_starts(
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
        destination = await _notify(await container.get(Notifier))
        worker_settings = build_worker_settings(settings)
        crons = [c for c in worker_settings["cron_jobs"] if c.name == "cron:deliver_outbox"]
        assert len(crons) == 1
        worker_settings.update(burst=True, handle_signals=False, poll_delay=0.05, cron_jobs=crons)
        worker = create_worker(worker_settings)
        await worker.main()
        # The start-up run; a second one when the run happens to cross a minute boundary (the cron's time).
        assert worker.jobs_complete in (1, 2)
        assert worker.jobs_failed == 0
        assert await _status_of(settings, destination) == "sent"
        await worker_settings["ctx"]["dishka_app_container"].close()
    finally:
        await container.close()
