"""Concurrent writers of one complaint on real databases (SQLite file and MariaDB): a customer's reopen
racing a staff member's close, and two SLA monitors at once, each serialised by the complaint's lock."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.persistence import tables
from adapters.persistence.complaint_repository import SqlaComplaintRepository
from adapters.persistence.customer_repository import SqlaUnitOfWork
from adapters.persistence.engine import create_engine, create_session_factory
from application.complaint.commands.add_customer_update import AddCustomerUpdate, AddCustomerUpdateHandler
from application.complaint.commands.reopen_complaint import ReopenComplaint, ReopenComplaintHandler
from application.identity.actors import CustomerActor
from domain.complaint.entities import Complaint, ComplaintStatus, ComplaintType, Priority, UpdateKind
from domain.complaint.errors import ComplaintClosed
from domain.customer.entities import CustomerId
from domain.shared.status_machine import TransitionNotAllowed
from tests.complaint_sql import (
    add_customer,
    add_staff,
    complaint_mariadb_url,
    complaint_sqlite_url,
    empty_complaints_engine,
)
from tests.fakes import FakeClock
from tests.integration.test_complaint_monitor import file_complaints, run_monitor

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


def second_engine(engine: AsyncEngine) -> AsyncEngine:
    return create_engine(str(engine.url.render_as_string(hide_password=False)))


async def resolved_complaint(engine: AsyncEngine) -> tuple[int, int]:
    customer = await add_customer(engine, START)
    async with create_session_factory(engine)() as session:
        repo = SqlaComplaintRepository(session)
        complaint = Complaint.file(
            customer_id=CustomerId(customer), booking_id=None, type=ComplaintType.DAMAGE,
            subject="Scratched floor", description="Deep marks", priority=Priority.MEDIUM,
            priority_score=40, priority_factors=(), sentiment=None, now=START,
        )  # fmt: skip
        complaint.resolve("Polished the floor", now=START + timedelta(hours=1), staff_id=None)
        await repo.add(complaint)
        await repo.enqueue(complaint, reason="new", now=START)
        await session.commit()
        assert complaint.id is not None
        return complaint.id, customer


async def close_while_customer_acts(engine: AsyncEngine, act: str) -> BaseException | None:
    """Staff hold the complaint's lock and close it while the customer reopens it (or writes on it) from
    another connection; returns what the customer's request raised."""
    complaint_id, customer = await resolved_complaint(engine)
    clock = FakeClock(START + timedelta(hours=2))
    actor = CustomerActor(customer_id=customer, session="s")
    other = second_engine(engine)
    try:
        async with (
            create_session_factory(engine)() as staff_session,
            create_session_factory(other)() as customer_session,
        ):
            staff_repo = SqlaComplaintRepository(staff_session)
            complaint = await staff_repo.get_for_update(complaint_id)  # type: ignore[arg-type]
            assert complaint is not None
            assert complaint.status is ComplaintStatus.RESOLVED
            repo, uow = SqlaComplaintRepository(customer_session), SqlaUnitOfWork(customer_session)
            if act == "reopen":
                request = ReopenComplaintHandler(repo, uow, clock).execute(
                    ReopenComplaint(complaint_id=complaint_id, reason="It cracked again"), actor=actor
                )
            else:
                request = AddCustomerUpdateHandler(repo, uow, clock).execute(
                    AddCustomerUpdate(complaint_id=complaint_id, message="Still scratched"), actor=actor
                )
            customer_task = asyncio.ensure_future(request)
            await asyncio.sleep(0.5)  # the customer's request is now reading (or waiting on the lock)
            complaint.close(now=clock.now(), staff_id=None)
            await staff_repo.save(complaint)
            await staff_session.commit()
            try:
                await customer_task
            except (TransitionNotAllowed, ComplaintClosed) as exc:
                await customer_session.rollback()
                return exc
            return None
    finally:
        await other.dispose()


@pytest.mark.parametrize("act", ["reopen", "update"])
async def test_a_customer_write_racing_a_staff_close_never_overwrites_it(
    engine: AsyncEngine, act: str
) -> None:
    refused = await close_while_customer_acts(engine, act)

    assert refused is not None  # the customer saw the closed complaint and was refused
    c = tables.complaints.c
    async with engine.connect() as conn:
        row = (await conn.execute(select(c.status, c.closed_at, c.resolved_at))).one()
    assert row.status == "closed"
    assert row.closed_at is not None
    assert row.resolved_at is not None


async def test_two_monitors_at_once_escalate_each_complaint_once(engine: AsyncEngine) -> None:
    agent = await add_staff(engine, "support_agent", START)
    await add_staff(engine, "senior_agent", START)
    await add_staff(engine, "ops_manager", START)
    ids = await file_complaints(engine, [Priority.CRITICAL] * 40, agent)
    clock = FakeClock(START + timedelta(hours=5))  # both SLAs of every complaint are breached
    other = second_engine(engine)
    try:
        reports = await asyncio.gather(run_monitor(engine, clock), run_monitor(other, clock))
    finally:
        await other.dispose()
    done = [(e.complaint_id, tuple(e.breaches)) for r in reports for e in r.escalations]
    assert sorted(done) == [(i, ("first_response", "resolution")) for i in sorted(ids)]
    c, u = tables.complaints.c, tables.complaint_updates.c
    async with engine.connect() as conn:
        levels = (await conn.execute(select(c.escalation_level).where(c.id.in_(ids)))).scalars().all()
        entries = await conn.scalar(
            select(func.count()).where(u.complaint_id.in_(ids), u.kind == UpdateKind.ESCALATION.value)
        )
        notices = await conn.scalar(select(func.count()).select_from(tables.outbox))
    assert levels == [1] * len(ids)  # both breaches of one pass are one escalation
    assert entries == len(ids)
    assert notices == 2 * len(ids)  # the customer and the new assignee, once each
    assert (await run_monitor(engine, clock)).escalations == []
