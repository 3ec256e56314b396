"""The complaint use cases' other SQL ports against the fakes' semantics: who can take an escalation
(EscalationStaff) and the facts behind the score and the notices (ComplaintFacts), on SQLite and MariaDB."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.persistence import tables
from adapters.persistence.complaint_repository import SqlaComplaintFacts, SqlaEscalationStaff
from adapters.persistence.engine import create_engine, create_session_factory
from domain.complaint.entities import Complaint, ComplaintType, Priority
from domain.customer.entities import CustomerId
from tests.complaint_sql import (
    add_customer,
    add_staff,
    complaint_mariadb_url,
    complaint_sqlite_url,
    empty_complaints_engine,
)

__all__ = ["complaint_mariadb_url", "complaint_sqlite_url"]

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
async def engine(request: pytest.FixtureRequest) -> AsyncIterator[AsyncEngine]:
    url = request.getfixturevalue(f"complaint_{request.param}_url")
    async for found in empty_complaints_engine(url):
        async with found.begin() as conn:
            await conn.execute(update(tables.staff).values(status="deactivated"))
        yield found


async def test_pick_above_takes_the_lowest_higher_level_that_works_complaints_then_least_busy(
    engine: AsyncEngine,
) -> None:
    agent = await add_staff(engine, "support_agent", NOW)
    await add_staff(engine, "quality", NOW)  # level 35, cannot work complaints
    busy_senior = await add_staff(engine, "senior_agent", NOW)
    free_senior = await add_staff(engine, "senior_agent", NOW)
    await add_staff(engine, "senior_agent", NOW, status="suspended")
    manager = await add_staff(engine, "ops_manager", NOW)
    customer = await add_customer(engine, NOW)
    factory = create_session_factory(engine)
    async with factory() as session:
        busy = Complaint.file(
            customer_id=CustomerId(customer), booking_id=None, type=ComplaintType.OTHER, subject="s",
            description="d", priority=Priority.LOW, priority_score=5, priority_factors=(), sentiment=None,
            now=NOW,
        )  # fmt: skip
        busy.assigned_staff_id = busy_senior
        session.add(busy)
        await session.commit()
    async with factory() as session:
        staff = SqlaEscalationStaff(session)
        assert await staff.level_of(agent) == 40
        assert await staff.level_of(999_999) is None
        first = await staff.pick_above(0)
        assert first is not None
        assert (first.id, first.level) == (agent, 40)
        above_agent = await staff.pick_above(40)
        assert above_agent is not None
        assert (above_agent.id, above_agent.level) == (free_senior, 50)
        above_senior = await staff.pick_above(50)
        assert above_senior is not None
        assert above_senior.id == manager
        assert above_senior.email.endswith("@nexora.in")
        assert await staff.pick_above(70) is None
        assert await staff.base_level() == 40  # support_agent: the lowest role that works complaints


async def test_base_level_follows_the_roles_that_may_work_complaints(engine: AsyncEngine) -> None:
    r, rp = tables.roles.c, tables.role_permissions.c
    async with engine.begin() as conn:
        agent = await conn.scalar(select(r.id).where(r.code == "support_agent"))
        await conn.execute(
            delete(tables.role_permissions).where(
                rp.role_id == agent, rp.permission_code == "complaints.manage"
            )
        )
    try:
        async with create_session_factory(engine)() as session:
            assert await SqlaEscalationStaff(session).base_level() == 50  # now senior_agent
    finally:
        async with engine.begin() as conn:
            await conn.execute(
                insert(tables.role_permissions).values(role_id=agent, permission_code="complaints.manage")
            )


async def test_contact_is_the_customers_and_none_once_deleted(engine: AsyncEngine) -> None:
    customer = await add_customer(engine, NOW, name="Meera Nair")
    async with create_session_factory(engine)() as session:
        facts = SqlaComplaintFacts(session)
        contact = await facts.contact(CustomerId(customer))
        assert contact is not None
        assert contact.name == "Meera Nair"
        assert contact.email is not None
        assert contact.phone is None
        await session.execute(
            update(tables.users).where(tables.users.c.id == customer).values(deleted_at=NOW)
        )
        assert await facts.contact(CustomerId(customer)) is None
        assert await facts.contact(CustomerId(999_999)) is None


@pytest.fixture(params=["sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
async def seeded(request: pytest.FixtureRequest) -> AsyncIterator[AsyncEngine]:
    found = create_engine(request.getfixturevalue(f"seeded_{request.param}_url"))
    try:
        yield found
    finally:
        await found.dispose()


async def test_booking_value_is_the_owners_booking_total_and_none_for_anyone_else(
    seeded: AsyncEngine,
) -> None:
    b = tables.bookings.c
    async with seeded.connect() as conn:
        booking_id, owner, total = (await conn.execute(select(b.id, b.user_id, b.total).limit(1))).one()
        stranger = await conn.scalar(text("SELECT MIN(id) FROM users WHERE id <> :owner"), {"owner": owner})
    async with create_session_factory(seeded)() as session:
        facts = SqlaComplaintFacts(session)
        assert await facts.booking_value(CustomerId(owner), booking_id) == Decimal(total)
        assert await facts.booking_value(CustomerId(stranger), booking_id) is None
        assert await facts.booking_value(CustomerId(owner), 999_999_999) is None
