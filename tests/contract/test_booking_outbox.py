"""The booking events port over SQL (SQLite and MariaDB): notices are written with the caller's transaction,
waiting reminders are withdrawn by subject, and delivery sees subjects and can withdraw a claimed message."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from adapters.persistence import tables
from adapters.persistence.booking_outbox import SqlaBookingOutbox
from adapters.persistence.engine import create_engine
from adapters.persistence.outbox_store import SqlaBookingStates, SqlaOutboxStore
from application.booking.events import Notice
from tests.outbox_sql import empty_outbox_engine, outbox_mariadb_url, outbox_sqlite_url

__all__ = ["outbox_mariadb_url", "outbox_sqlite_url"]

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
LEASE = timedelta(minutes=2)
TOPICS = ["notify.email", "notify.sms"]


@pytest.fixture(params=["sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
async def engine(request: pytest.FixtureRequest) -> AsyncIterator[AsyncEngine]:
    async for engine in empty_outbox_engine(request.getfixturevalue(f"outbox_{request.param}_url")):
        yield engine


def notice(template: str, subject: str, at: datetime = NOW) -> Notice:
    return Notice("email", "meera@example.in", template, {"reference": "BK-20261124-0001"}, at, subject)


async def statuses(engine: AsyncEngine) -> list[tuple[str, str | None, str]]:
    query = select(tables.outbox.c.payload, tables.outbox.c.subject, tables.outbox.c.status)
    async with engine.connect() as conn:
        rows = (await conn.execute(query.order_by(tables.outbox.c.id))).all()
    return [(row.payload["template"], row.subject, row.status) for row in rows]


async def publish(engine: AsyncEngine, *notices: Notice) -> None:
    async with AsyncSession(engine) as session:
        await SqlaBookingOutbox(session).publish(notices)
        await session.commit()


async def test_notices_are_written_only_when_the_transaction_commits(engine: AsyncEngine) -> None:
    async with AsyncSession(engine) as session:
        await SqlaBookingOutbox(session).publish([notice("booking_confirmation", "booking:1")])
        await session.rollback()
    assert await statuses(engine) == []
    await publish(engine, notice("booking_confirmation", "booking:1"))
    assert await statuses(engine) == [("booking_confirmation", "booking:1", "pending")]


async def test_only_the_subjects_waiting_messages_are_withdrawn_when_withdrawing(engine: AsyncEngine) -> None:
    await publish(
        engine,
        notice("booking_reminder", "booking:1:reminders", NOW - timedelta(minutes=1)),
        notice("booking_reminder", "booking:1:reminders", NOW + timedelta(hours=22)),
        notice("booking_reminder", "booking:2:reminders", NOW + timedelta(hours=22)),
        notice("booking_confirmation", "booking:1"),
    )
    store = SqlaOutboxStore(engine)
    (claimed,) = await store.claim_due(limit=1, now=NOW, lease=LEASE, topics=TOPICS)
    assert claimed.subject == "booking:1:reminders"
    async with AsyncSession(engine) as session:
        assert await SqlaBookingOutbox(session).withdraw("booking:1:reminders") == 1
        await session.rollback()
    assert [s for _, _, s in await statuses(engine)] == ["sending", "pending", "pending", "pending"]
    async with AsyncSession(engine) as session:
        assert await SqlaBookingOutbox(session).withdraw("booking:1:reminders") == 1
        await session.commit()
    assert await statuses(engine) == [
        ("booking_reminder", "booking:1:reminders", "sending"),
        ("booking_reminder", "booking:1:reminders", "withdrawn"),
        ("booking_reminder", "booking:2:reminders", "pending"),
        ("booking_confirmation", "booking:1", "pending"),
    ]
    assert await store.mark_withdrawn(claimed, reason="withdrawn: the booking is cancelled") is True
    assert await store.mark_sent(claimed, now=NOW) is False
    later = NOW + timedelta(days=2)
    assert [m.subject for m in await store.claim_due(limit=10, now=later, lease=LEASE, topics=TOPICS)] == [
        "booking:1",
        "booking:2:reminders",
    ]


@pytest.mark.parametrize(
    "url_fixture", ["seeded_sqlite_url", pytest.param("seeded_mariadb_url", marks=pytest.mark.mariadb)]
)
async def test_a_bookings_status_and_slot_are_read_when_delivering(
    url_fixture: str, request: pytest.FixtureRequest
) -> None:
    engine = create_engine(request.getfixturevalue(url_fixture))
    try:
        async with engine.connect() as conn:
            row = (await conn.execute(select(tables.bookings).order_by(tables.bookings.c.id).limit(1))).one()
        state = await SqlaBookingStates(engine).state(row.id)
        assert state is not None
        assert (state.status, state.slot_start) == (row.status, row.slot_start)
        assert state.slot_start.tzinfo is not None
        assert await SqlaBookingStates(engine).state(10**9) is None
    finally:
        await engine.dispose()
