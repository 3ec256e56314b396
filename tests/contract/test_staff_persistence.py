"""One suite for the staff ports (StaffRepository, StaffSessions, ActivityLog, StaffDirectory) and the unit
of work: the in-memory fakes the handler tests use, SQLite and MariaDB must agree."""

import dataclasses
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from adapters.persistence.activity_log import SqlaActivityLog
from adapters.persistence.customer_repository import SqlaUnitOfWork
from adapters.persistence.engine import create_engine, create_session_factory
from adapters.persistence.staff_directory import SqlaStaffDirectory
from adapters.persistence.staff_repository import SqlaStaffRepository
from adapters.persistence.staff_sessions import SqlaStaffSessions
from application.common.ports import UnitOfWork
from application.staff.errors import StaffEmailTaken
from application.staff.ports import ActivityEntry, ActivityFilter, ActivityLog, StaffFilter, StaffSessions
from domain.shared.email import Email
from domain.staff.entities import Staff, StaffId, StaffStatus
from domain.staff.session import StaffSession
from tests.staff_fakes import FakeTransaction, InMemoryStaff, InMemoryStaffSessions, RecordingActivityLog

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


class FakeStore:
    def __init__(self) -> None:
        tx = FakeTransaction()
        self.staff = InMemoryStaff()
        self.directory = self.staff
        self.sessions: StaffSessions = InMemoryStaffSessions(tx)
        self._log = RecordingActivityLog(tx)
        self.log: ActivityLog = self._log
        self.uow: UnitOfWork = tx

    async def reopen(self) -> None:
        """Nothing to do: the fakes keep only committed session and log writes."""

    async def activity(self, criteria: ActivityFilter) -> tuple[Any, int]:
        return await self._log.activity(criteria)


class SqlStore:
    def __init__(self, factory: async_sessionmaker[AsyncSession]) -> None:
        self._factory = factory
        self._session = factory()
        self._bind()

    def _bind(self) -> None:
        self.staff = SqlaStaffRepository(self._session)
        self.directory = SqlaStaffDirectory(self._session)
        self.sessions: StaffSessions = SqlaStaffSessions(self._session)
        self.log: ActivityLog = SqlaActivityLog(self._session)
        self.uow: UnitOfWork = SqlaUnitOfWork(self._session)

    async def reopen(self) -> None:
        await self._session.close()
        self._session = self._factory()
        self._bind()

    async def activity(self, criteria: ActivityFilter) -> tuple[Any, int]:
        return await self.directory.activity(criteria)

    async def close(self) -> None:
        await self._session.close()


Store = FakeStore | SqlStore


@pytest.fixture(params=["fake", "sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
async def store(request: pytest.FixtureRequest) -> AsyncIterator[Store]:
    if request.param == "fake":
        yield FakeStore()
        return
    engine = create_engine(request.getfixturevalue(f"seeded_{request.param}_url"))
    sql = SqlStore(create_session_factory(engine))
    try:
        yield sql
    finally:
        await sql.close()
        await engine.dispose()


async def new_member(store: Store, role: str = "analyst", email: str | None = None) -> Staff:
    found = await store.staff.role(role)
    assert found is not None
    member = Staff(
        name="Contract Test",
        email=Email(email or f"contract.{uuid.uuid4().hex[:12]}@nexora-test.in"),
        password_hash="x",
        role=found,
        status=StaffStatus.ACTIVE,
    )
    await store.staff.add(member)
    await store.uow.commit()
    assert member.id is not None
    return member


async def test_member_gets_an_id_and_loads_back_with_role_permissions_when_committed(store: Store) -> None:
    member = await new_member(store, "senior_agent")
    await store.reopen()

    loaded = await store.staff.find_by_email(member.email)

    assert loaded is not None
    assert loaded.id == member.id
    assert (loaded.role.code, loaded.role.level, loaded.status) == ("senior_agent", 50, StaffStatus.ACTIVE)
    assert loaded.can("complaints.escalate")
    assert await store.staff.get(StaffId(10**8)) is None


async def test_adding_a_taken_email_is_refused_when_the_address_exists(store: Store) -> None:
    member = await new_member(store)
    with pytest.raises(StaffEmailTaken):
        await new_member(store, email=member.email.value)


async def test_roles_come_highest_level_first_with_their_permissions_when_listed(store: Store) -> None:
    roles = await store.staff.roles()
    assert [r.code for r in roles] == [
        "super_admin",
        "admin",
        "ops_manager",
        "senior_agent",
        "support_agent",
        "quality",
        "analyst",
        "read_only",
    ]
    assert len(roles[0].permissions) == 30
    assert await store.staff.role("janitor") is None


async def test_directory_filters_by_role_and_status_and_pages_when_listing(store: Store) -> None:
    first = await new_member(store, "quality")
    second = await new_member(store, "quality")

    page, total = await store.directory.list_staff(
        StaffFilter(role="quality", status=StaffStatus.ACTIVE, limit=1)
    )
    rest, _ = await store.directory.list_staff(StaffFilter(role="quality", limit=100, offset=1))

    assert total >= 2
    assert len(page) == 1
    assert {first.id, second.id} <= {m.id for m in [*page, *rest]}
    assert all(m.role.code == "quality" for m in [*page, *rest])
    assert len(await store.directory.permissions()) == 30


async def test_session_writes_land_on_commit_and_revocation_hides_it_from_live_ones(store: Store) -> None:
    member = await new_member(store)
    assert member.id is not None
    sid = uuid.uuid4().hex
    old = uuid.uuid4().hex
    for session_id, created in ((old, NOW - timedelta(days=40)), (sid, NOW)):
        await store.sessions.add(
            StaffSession(
                id=session_id,
                staff_id=member.id,
                created_at=created,
                expires_at=created + timedelta(days=30),
                ip="10.0.0.9",
                user_agent="pytest",
            )
        )
    await store.uow.commit()
    await store.reopen()

    assert [s.id for s in await store.sessions.of_staff(member.id)] == [sid, old]
    assert [s.id for s in await store.sessions.live_of(member.id, now=NOW)] == [sid]
    session = await store.sessions.get(sid)
    assert session is not None
    session.revoke(now=NOW, by=member.id)
    await store.sessions.save(session)
    await store.uow.commit()
    await store.reopen()

    again = await store.sessions.get(sid)
    assert again is not None
    assert (again.revoked_at, again.revoked_by_id, again.ip) == (NOW, member.id, "10.0.0.9")
    assert await store.sessions.live_of(member.id, now=NOW) == []


async def test_activity_lines_appear_only_when_committed_newest_first(store: Store) -> None:
    target = uuid.uuid4().hex
    line = ActivityEntry(
        action="contract.test",
        target_type="thing",
        target_id=target,
        staff_id=None,
        created_at=NOW,
        after={"n": 1},
        ip="10.0.0.1",
        request_id="req",
    )
    await store.log.record(line)
    await store.uow.rollback()
    await store.log.record(line)
    await store.log.record(dataclasses.replace(line, created_at=NOW + timedelta(seconds=1)))
    await store.uow.commit()
    await store.reopen()

    entries, total = await store.activity(ActivityFilter(action="contract.test", target_id=target))

    assert total == 2
    assert [e.created_at for e in entries] == [NOW + timedelta(seconds=1), NOW]
    assert (entries[0].after, entries[0].ip, entries[0].succeeded, entries[0].id is not None) == (
        {"n": 1},
        "10.0.0.1",
        True,
        True,
    )
