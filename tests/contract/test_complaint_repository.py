"""One suite for the ComplaintRepository port: the in-memory fake, SQLite and MariaDB."""

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from adapters.persistence.complaint_repository import SqlaComplaintRepository
from adapters.persistence.engine import create_session_factory
from application.complaint.ports import ComplaintRepository
from domain.complaint.entities import (
    Breach,
    Complaint,
    ComplaintId,
    ComplaintStatus,
    ComplaintType,
    Priority,
    PriorityFactor,
    UpdateAuthor,
)
from domain.customer.entities import CustomerId
from tests.complaint_fakes import InMemoryComplaintRepository
from tests.complaint_sql import (
    add_customer,
    add_staff,
    complaint_mariadb_url,
    complaint_sqlite_url,
    empty_complaints_engine,
    queue_row,
)

__all__ = ["complaint_mariadb_url", "complaint_sqlite_url"]

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
FACTORS = (PriorityFactor("type", "damage", 35), PriorityFactor("sentiment", "-0.40", 10))


@dataclass
class Unit:
    """One unit of work: its repository and its commit."""

    repo: ComplaintRepository
    commit: Callable[[], Awaitable[None]]


@dataclass
class Harness:
    repo: ComplaintRepository
    commit: Callable[[], Awaitable[None]]
    fresh: Callable[[], Awaitable[Unit]]  # a new unit of work
    queue: Callable[[int], Awaitable[dict[str, Any] | None]]
    customers: tuple[CustomerId, CustomerId]
    new_staff: Callable[[], Awaitable[int]]  # an active staff member's id


def _memory() -> Harness:
    fake = InMemoryComplaintRepository()

    async def commit() -> None:
        fake.commit()

    async def fresh() -> Unit:
        fake.rollback()
        return Unit(fake, commit)

    async def queue(complaint_id: int) -> dict[str, Any] | None:
        item = fake.queue.get(complaint_id)
        return None if item is None else {**item.__dict__}

    staff = iter(range(100, 200))

    async def new_staff() -> int:
        return next(staff)

    return Harness(fake, commit, fresh, queue, (CustomerId(1), CustomerId(2)), new_staff)


async def _sql(engine: AsyncEngine, sessions: list[AsyncSession]) -> Harness:
    factory = create_session_factory(engine)

    def unit() -> Unit:
        session = factory()
        sessions.append(session)
        return Unit(SqlaComplaintRepository(session), session.commit)

    async def fresh() -> Unit:
        return unit()

    async def queue(complaint_id: int) -> dict[str, Any] | None:
        return await queue_row(engine, complaint_id)

    first = unit()
    customers = (CustomerId(await add_customer(engine, NOW)), CustomerId(await add_customer(engine, NOW)))

    async def new_staff() -> int:
        return await add_staff(engine, "senior_agent", NOW)

    return Harness(first.repo, first.commit, fresh, queue, customers, new_staff)


@pytest.fixture(params=["memory", "sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
async def harness(request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
    if request.param == "memory":
        yield _memory()
        return
    url = request.getfixturevalue(f"complaint_{request.param}_url")
    async for engine in empty_complaints_engine(url):
        sessions: list[AsyncSession] = []
        try:
            yield await _sql(engine, sessions)
        finally:
            for session in sessions:
                await session.close()


def new_complaint(
    customer: CustomerId, *, priority: Priority = Priority.MEDIUM, at: datetime = NOW, score: int = 45
) -> Complaint:
    return Complaint.file(
        customer_id=customer, booking_id=None, type=ComplaintType.DAMAGE, subject="Scratched floor",
        description="Deep marks near the door", priority=priority, priority_score=score,
        priority_factors=FACTORS, sentiment=-0.4, now=at,
    )  # fmt: skip


async def stored(h: Harness, complaint: Complaint, *, queue: bool = True) -> ComplaintId:
    await h.repo.add(complaint)
    if queue:
        await h.repo.enqueue(complaint, reason="new damage complaint", now=NOW)
    await h.commit()
    assert complaint.id is not None
    return complaint.id


async def test_added_complaint_reads_back_whole_in_a_new_unit_of_work(harness: Harness) -> None:
    me, _ = harness.customers
    complaint_id = await stored(harness, new_complaint(me))
    again = await (await harness.fresh()).repo.get(complaint_id)
    assert again is not None
    assert (again.customer_id, again.type, again.priority, again.priority_score) == (
        me, ComplaintType.DAMAGE, Priority.MEDIUM, 45,
    )  # fmt: skip
    assert again.priority_factors == FACTORS
    assert again.sentiment == pytest.approx(-0.4)
    assert again.first_response_due_at == NOW + timedelta(hours=24)
    assert [(u.author, u.message) for u in again.updates] == [(UpdateAuthor.CUSTOMER, "Complaint received")]
    assert all(u.id is not None for u in again.updates)


async def test_only_the_owner_gets_a_complaint_through_get_for_customer(harness: Harness) -> None:
    me, other = harness.customers
    complaint_id = await stored(harness, new_complaint(me))
    unit = await harness.fresh()
    repo = unit.repo
    assert (await repo.get_for_customer(me, complaint_id)) is not None
    assert await repo.get_for_customer(other, complaint_id) is None
    assert await repo.get_for_customer(me, ComplaintId(complaint_id + 999)) is None
    assert await repo.get(ComplaintId(complaint_id + 999)) is None


async def test_saved_changes_and_timeline_entries_persist_and_the_queue_follows(harness: Harness) -> None:
    me, _ = harness.customers
    complaint_id = await stored(harness, new_complaint(me))
    assert (await harness.queue(complaint_id) or {})["status"] == "waiting"
    unit = await harness.fresh()
    repo = unit.repo
    complaint = await repo.get_for_update(complaint_id)
    assert complaint is not None
    complaint.escalate(now=NOW + timedelta(days=1), reason="first response overdue", to_staff_id=None,
                       breach=Breach.FIRST_RESPONSE)  # fmt: skip
    complaint.add_update("We are on it", now=NOW + timedelta(days=1), author=UpdateAuthor.STAFF)
    await repo.save(complaint)
    await unit.commit()
    again = await (await harness.fresh()).repo.get(complaint_id)
    assert again is not None
    assert (again.status, again.priority, again.escalation_level) == (
        ComplaintStatus.ESCALATED,
        Priority.HIGH,
        1,
    )
    assert again.first_response_escalated_at == NOW + timedelta(days=1)
    assert again.first_responded_at == NOW + timedelta(days=1)
    assert [u.message for u in again.updates][-1] == "We are on it"
    row = await harness.queue(complaint_id)
    assert row is not None
    assert (row["level"], row["due_at"], row["status"]) == ("high", NOW + timedelta(hours=72), "waiting")


async def test_resolving_marks_the_queue_entry_done_and_reopening_brings_it_back(harness: Harness) -> None:
    me, _ = harness.customers
    complaint_id = await stored(harness, new_complaint(me))
    unit = await harness.fresh()
    repo = unit.repo
    complaint = await repo.get_for_update(complaint_id)
    assert complaint is not None
    complaint.resolve("Polished the floor", now=NOW + timedelta(hours=5), staff_id=None)
    await repo.save(complaint)
    await unit.commit()
    assert (await harness.queue(complaint_id) or {})["status"] == "done"
    unit = await harness.fresh()
    repo = unit.repo
    complaint = await repo.get_for_update(complaint_id)
    assert complaint is not None
    complaint.reopen(now=NOW + timedelta(days=1))
    await repo.save(complaint)
    await unit.commit()
    assert (await harness.queue(complaint_id) or {})["status"] == "waiting"


async def test_enqueue_twice_keeps_one_entry_with_the_latest_values(harness: Harness) -> None:
    me, _ = harness.customers
    complaint = new_complaint(me, priority=Priority.CRITICAL, score=90)
    complaint_id = await stored(harness, complaint)
    row = await harness.queue(complaint_id)
    assert row is not None
    assert (row["score"], row["level"], row["due_at"], row["reason"]) == (
        90, "critical", NOW + timedelta(hours=1), "new damage complaint",
    )  # fmt: skip
    await harness.repo.enqueue(complaint, reason="reopened by the customer", now=NOW)
    await harness.commit()
    row = await harness.queue(complaint_id)
    assert row is not None
    assert row["reason"] == "reopened by the customer"


async def test_customer_list_is_newest_first_filtered_and_paged(harness: Harness) -> None:
    me, other = harness.customers
    ids = [await stored(harness, new_complaint(me, at=NOW + timedelta(hours=h))) for h in range(3)]
    await stored(harness, new_complaint(other))
    unit = await harness.fresh()
    repo = unit.repo
    page, total = await repo.list_for_customer(me, status=None, limit=2, offset=0)
    assert ([c.id for c in page], total) == ([ids[2], ids[1]], 3)
    rest, _ = await repo.list_for_customer(me, status=None, limit=2, offset=2)
    assert [c.id for c in rest] == [ids[0]]
    none, zero = await repo.list_for_customer(me, status=ComplaintStatus.RESOLVED, limit=10, offset=0)
    assert (list(none), zero) == ([], 0)
    assert await repo.count_recent(me, since=NOW + timedelta(hours=1)) == 2
    assert await repo.count_recent(other, since=NOW) == 1


async def test_breached_finds_exactly_the_unescalated_breaches(harness: Harness) -> None:
    me, _ = harness.customers
    critical = await stored(harness, new_complaint(me, priority=Priority.CRITICAL))  # 1 h / 4 h
    low = await stored(harness, new_complaint(me, priority=Priority.LOW))  # 48 h / 168 h
    answered = new_complaint(me, priority=Priority.CRITICAL)
    answered.add_update("On it", now=NOW, author=UpdateAuthor.STAFF)
    answered_id = await stored(harness, answered)
    resolved = new_complaint(me, priority=Priority.CRITICAL)
    resolved.resolve("Done", now=NOW, staff_id=None)
    await stored(harness, resolved)
    unit = await harness.fresh()
    repo = unit.repo
    assert list(await repo.breached(NOW + timedelta(minutes=59), limit=10)) == []
    assert list(await repo.breached(NOW + timedelta(hours=1), limit=10)) == [critical]
    assert set(await repo.breached(NOW + timedelta(hours=4), limit=10)) == {critical, answered_id}
    assert len(await repo.breached(NOW + timedelta(hours=4), limit=1)) == 1
    complaint = await repo.get_for_update(critical)
    assert complaint is not None
    for breach in complaint.breaches(NOW + timedelta(hours=4)):
        complaint.escalate(now=NOW + timedelta(hours=4), reason="overdue", to_staff_id=None, breach=breach)
    await repo.save(complaint)
    await unit.commit()
    unit = await harness.fresh()
    repo = unit.repo
    assert set(await repo.breached(NOW + timedelta(hours=48), limit=10)) == {answered_id, low}


async def test_get_for_update_reads_the_latest_committed_state_not_a_cached_copy(harness: Harness) -> None:
    me, _ = harness.customers
    complaint_id = await stored(harness, new_complaint(me))
    first = await harness.fresh()
    cached = await first.repo.get(complaint_id)
    assert cached is not None
    assert cached.escalation_level == 0
    if isinstance(first.repo, InMemoryComplaintRepository):
        first.repo.committed[complaint_id].escalation_level = 3  # another unit of work committed this
    else:
        second = await harness.fresh()
        other = await second.repo.get_for_update(complaint_id)
        assert other is not None
        for _ in range(3):
            other.escalate(now=NOW, reason="x", to_staff_id=None, breach=None)
        await second.repo.save(other)
        await second.commit()
    locked = await first.repo.get_for_update(complaint_id)
    assert locked is not None
    assert locked.escalation_level == 3


async def test_get_for_customer_update_locks_only_the_owners_complaint(harness: Harness) -> None:
    me, other = harness.customers
    complaint_id = await stored(harness, new_complaint(me))
    repo = (await harness.fresh()).repo
    found = await repo.get_for_customer_update(me, complaint_id)
    assert found is not None
    assert found.id == complaint_id
    assert await repo.get_for_customer_update(other, complaint_id) is None
    assert await repo.get_for_customer_update(me, ComplaintId(complaint_id + 999)) is None


def claimant(row: dict[str, Any]) -> object:
    return row.get("claimed_by_staff_id", row.get("claimed_by"))


async def test_the_queue_entry_follows_score_level_and_assignee_on_save(harness: Harness) -> None:
    me, _ = harness.customers
    complaint_id = await stored(harness, new_complaint(me, priority=Priority.LOW, score=10))
    senior = await harness.new_staff()
    unit = await harness.fresh()
    complaint = await unit.repo.get_for_update(complaint_id)
    assert complaint is not None
    complaint.escalate(now=NOW, reason="first response overdue", to_staff_id=senior,
                       breach=Breach.FIRST_RESPONSE)  # fmt: skip
    await unit.repo.save(complaint)
    await unit.commit()

    row = await harness.queue(complaint_id) or {}
    assert (row["score"], row["level"], row["status"], claimant(row)) == (35, "medium", "claimed", senior)

    unit = await harness.fresh()
    complaint = await unit.repo.get_for_update(complaint_id)
    assert complaint is not None
    complaint.resolve("Refunded", now=NOW, staff_id=senior)
    await unit.repo.save(complaint)
    await unit.commit()
    assert (await harness.queue(complaint_id) or {})["status"] == "done"
