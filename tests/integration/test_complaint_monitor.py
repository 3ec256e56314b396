"""The SLA monitor on real databases with a fake clock: every level breaches on time and escalates once
per breach (SQLite and MariaDB). Two monitors at once: tests/integration/test_complaint_races.py."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from adapters.persistence import tables
from adapters.persistence.booking_outbox import SqlaBookingOutbox
from adapters.persistence.complaint_repository import (
    SqlaComplaintFacts,
    SqlaComplaintRepository,
    SqlaEscalationStaff,
)
from adapters.persistence.customer_repository import SqlaUnitOfWork
from adapters.persistence.engine import create_session_factory
from application.complaint.commands.escalate_breached import EscalateBreachedComplaints, EscalationReport
from application.complaint.escalation import Escalator
from application.identity.actors import SystemActor
from domain.complaint.entities import Complaint, ComplaintStatus, ComplaintType, Priority, UpdateKind
from domain.complaint.policy import LEVEL_ORDER, SERVICE_LEVELS
from domain.customer.entities import CustomerId
from tests.complaint_sql import (
    add_customer,
    add_staff,
    complaint_mariadb_url,
    complaint_sqlite_url,
    empty_complaints_engine,
)
from tests.fakes import FakeClock

__all__ = ["complaint_mariadb_url", "complaint_sqlite_url"]

START = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
async def engine(request: pytest.FixtureRequest) -> AsyncIterator[AsyncEngine]:
    url = request.getfixturevalue(f"complaint_{request.param}_url")
    async for found in empty_complaints_engine(url):
        async with found.begin() as conn:
            await conn.execute(tables.outbox.delete())
            await conn.execute(update(tables.staff).values(status="deactivated"))
        yield found


async def run_monitor(engine: AsyncEngine, clock: FakeClock) -> EscalationReport:
    async with create_session_factory(engine)() as session:
        return await monitor(session, clock).execute(actor=SystemActor(name="test"))


def monitor(session: AsyncSession, clock: FakeClock) -> EscalateBreachedComplaints:
    escalator = Escalator(
        SqlaEscalationStaff(session), SqlaComplaintFacts(session), SqlaBookingOutbox(session)
    )
    return EscalateBreachedComplaints(
        SqlaComplaintRepository(session), escalator, SqlaUnitOfWork(session), clock
    )


async def file_complaints(engine: AsyncEngine, priorities: list[Priority], assignee: int) -> list[int]:
    customer = CustomerId(await add_customer(engine, START))
    ids = []
    async with create_session_factory(engine)() as session:
        repo = SqlaComplaintRepository(session)
        for priority in priorities:
            complaint = Complaint.file(
                customer_id=customer, booking_id=None, type=ComplaintType.SERVICE_QUALITY,
                subject=f"{priority.value} complaint", description="Not done properly", priority=priority,
                priority_score=50, priority_factors=(), sentiment=None, now=START,
            )  # fmt: skip
            complaint.assign(assignee, now=START, by_staff_id=None)
            await repo.add(complaint)
            await repo.enqueue(complaint, reason="new", now=START)
            assert complaint.id is not None
            ids.append(complaint.id)
        await session.commit()
    return ids


async def load(engine: AsyncEngine, complaint_id: int) -> Complaint:
    async with create_session_factory(engine)() as session:
        found = await SqlaComplaintRepository(session).get(complaint_id)  # type: ignore[arg-type]
        assert found is not None
        return found


async def state(engine: AsyncEngine) -> list[tuple[object, ...]]:
    c = tables.complaints.c
    async with engine.connect() as conn:
        rows = await conn.execute(
            select(c.id, c.status, c.priority, c.escalation_level, c.assigned_staff_id).order_by(c.id)
        )
        updates = await conn.scalar(select(func.count()).select_from(tables.complaint_updates))
        outbox = await conn.scalar(select(func.count()).select_from(tables.outbox))
    return [*map(tuple, rows.all()), ("updates", updates), ("outbox", outbox)]


async def test_each_level_breaches_on_time_and_escalates_once_per_breach(engine: AsyncEngine) -> None:
    agent = await add_staff(engine, "support_agent", START)
    senior = await add_staff(engine, "senior_agent", START)
    manager = await add_staff(engine, "ops_manager", START)
    priorities = list(Priority)
    ids = dict(zip(priorities, await file_complaints(engine, priorities, agent), strict=True))
    clock = FakeClock(START)
    moments = sorted(
        {START + d for level in SERVICE_LEVELS.values() for d in (level.first_response, level.resolution)}
    )
    seen: list[tuple[int, str]] = []
    for due in moments:
        clock.current = due - timedelta(seconds=1)  # travel to just before the due time
        before = await state(engine)
        assert (await run_monitor(engine, clock)).escalations == []
        assert await state(engine) == before
        clock.current = due
        report = await run_monitor(engine, clock)
        assert report.escalations, f"nothing escalated at {due}"
        seen.extend((e.complaint_id, b) for e in report.escalations for b in e.breaches)
        after = await state(engine)
        assert (await run_monitor(engine, clock)).escalations == []
        assert await state(engine) == after
    assert sorted(seen) == sorted((i, b) for i in ids.values() for b in ("first_response", "resolution"))
    assert len(seen) == len(set(seen))
    for priority, complaint_id in ids.items():
        complaint = await load(engine, complaint_id)
        level = SERVICE_LEVELS[priority]
        assert complaint.first_response_escalated_at == START + level.first_response
        assert complaint.resolution_escalated_at == START + level.resolution
        assert complaint.status is ComplaintStatus.ESCALATED
        assert complaint.priority is LEVEL_ORDER[min(LEVEL_ORDER.index(priority) + 2, 3)]
        assert complaint.assigned_staff_id == manager  # agent -> senior -> manager
        assert len([u for u in complaint.updates if u.kind is UpdateKind.ESCALATION]) == 2
    assert senior != manager
    async with engine.connect() as conn:
        o = tables.outbox.c
        subjects = (await conn.execute(select(o.subject))).scalars().all()
    assert len(subjects) == 4 * len(ids)  # customer + new assignee, for each of two breaches
