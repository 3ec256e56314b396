"""The SLA monitor is scheduled: by the arq cron job in production, by the loop beside the API in the
embedded profile (unless NEXORA_SLA_MONITOR_ENABLED=false). Each runs on a database of its own, so the demo
data's complaints are not escalated under other tests."""

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from arq.worker import create_worker
from litestar import Litestar
from sqlalchemy import select

from adapters.persistence import tables
from adapters.persistence.complaint_repository import SqlaComplaintRepository
from adapters.persistence.engine import create_engine, create_session_factory
from domain.complaint.entities import Complaint, ComplaintType, Priority
from domain.complaint.policy import MONITOR_INTERVAL
from domain.customer.entities import CustomerId
from entrypoints.http.complaint_monitor import complaint_monitor
from entrypoints.ioc.container import make_container
from entrypoints.settings import Settings
from entrypoints.worker.complaint_schedule import monitor_cron
from entrypoints.worker.settings import build_worker_settings
from tests.complaint_sql import add_customer, add_staff
from tests.conftest import DatabaseFactory, migrated
from tests.e2e.conftest import make_settings


async def overdue_complaint(url: str) -> int:
    """A critical complaint filed two hours ago and never answered, with an agent and a senior on duty."""
    now = datetime.now(UTC)
    engine = create_engine(url)
    try:
        agent = await add_staff(engine, "support_agent", now)
        await add_staff(engine, "senior_agent", now)
        customer = await add_customer(engine, now)
        async with create_session_factory(engine)() as session:
            complaint = Complaint.file(
                customer_id=CustomerId(customer), booking_id=None, type=ComplaintType.SAFETY,
                subject="Exposed wires", description="Live wires left in the kitchen",
                priority=Priority.CRITICAL, priority_score=85, priority_factors=(), sentiment=-0.7,
                now=now - timedelta(hours=2),
            )  # fmt: skip
            complaint.assign(agent, now=now, by_staff_id=None)
            await SqlaComplaintRepository(session).add(complaint)
            await session.commit()
            assert complaint.id is not None
            return complaint.id
    finally:
        await engine.dispose()


async def escalation_level(settings: Settings, complaint_id: int) -> int:
    engine = create_engine(settings.database_url)
    try:
        async with engine.connect() as conn:
            c = tables.complaints.c
            return int(await conn.scalar(select(c.escalation_level).where(c.id == complaint_id)) or 0)
    finally:
        await engine.dispose()


async def test_embedded_loop_escalates_an_overdue_complaint_only_when_enabled(
    sqlite_databases: DatabaseFactory,
) -> None:
    url = migrated(sqlite_databases.sqlite())
    complaint_id = await overdue_complaint(url)
    off = make_settings(database_url=url, sla_monitor_enabled=False)
    container = make_container(off)
    try:
        async with complaint_monitor(off, container, interval=0.05)(Litestar(route_handlers=[])):
            await asyncio.sleep(0.4)
        assert await escalation_level(off, complaint_id) == 0
        on = make_settings(database_url=url, sla_monitor_enabled=True)
        async with complaint_monitor(on, container, interval=0.05)(Litestar(route_handlers=[])):
            for _ in range(100):
                if await escalation_level(on, complaint_id):
                    break
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.3)  # more passes change nothing
        assert await escalation_level(on, complaint_id) == 1  # first response only: resolution is 4 h
    finally:
        await container.close()


@pytest.mark.mariadb
@pytest.mark.redis
async def test_arq_cron_job_escalates_an_overdue_complaint_when_the_worker_starts(
    mariadb_databases: DatabaseFactory, redis_url: str
) -> None:
    url = migrated(mariadb_databases.mariadb())
    complaint_id = await overdue_complaint(url)
    settings = make_settings(
        env="production", database_url=url, redis_url=redis_url, queue_name=f"nexora-test:{uuid.uuid4().hex}"
    )
    worker_settings = build_worker_settings(settings)
    crons = [c for c in worker_settings["cron_jobs"] if c.name == "cron:escalate_breached_complaints"]
    assert len(crons) == 1
    expected = monitor_cron(MONITOR_INTERVAL)  # the schedule comes from the one configured interval
    assert (crons[0].second, crons[0].minute) == (expected.get("second"), expected.get("minute"))
    worker_settings.update(burst=True, handle_signals=False, poll_delay=0.05, cron_jobs=crons)
    worker = create_worker(worker_settings)
    try:
        await worker.main()
        assert (worker.jobs_complete, worker.jobs_failed) == (1, 0)
        assert await escalation_level(settings, complaint_id) == 1
    finally:
        await worker_settings["ctx"]["dishka_app_container"].close()
