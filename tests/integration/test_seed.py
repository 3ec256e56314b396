"""The demo seed: the volumes the issue asks for, consistent rows, determinism, and scale."""

import hashlib
from collections.abc import AsyncIterator
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.persistence import tables as t
from adapters.persistence.engine import create_engine
from adapters.persistence.seed.demo import SqlaDemoDataSeeder
from domain.booking.entities import BookingStatus
from domain.complaint.entities import ComplaintStatus
from domain.shared.email import Email
from domain.shared.phone import PhoneNumber
from tests.conftest import SEED_NOW, DatabaseFactory, migrated

EXPECTED = {
    "categories": 12,
    "subcategories": 76,
    "pincodes": 171,
    "providers": 120,
    "users": 100,
    "addresses": 198,
    "bookings": 139,
    "booking_items": 294,
    "complaints": 120,
    "complaint_updates": 180,
    "messages": 1192,
    "priority_queue": 100,
    "roles": 8,
    "permissions": 30,
    "staff": 5,
}


@pytest.fixture(scope="module")
def seeded(databases: DatabaseFactory, backend: str) -> str:
    from tests.conftest import _seed, run_async

    url = migrated(databases.make(backend))
    run_async(lambda: _seed(url))
    return url


@pytest.fixture
async def conn(seeded: str) -> AsyncIterator[AsyncConnection]:
    engine = create_engine(seeded)
    async with engine.connect() as connection:
        yield connection
    await engine.dispose()


async def _count(conn: AsyncConnection, sql: str) -> int:
    return int((await conn.execute(text(sql))).scalar_one())


async def test_default_seed_has_the_promised_volumes_when_run_at_scale_one(conn: AsyncConnection) -> None:
    counts = {name: await _count(conn, f"SELECT COUNT(*) FROM {name}") for name in EXPECTED}
    assert counts == EXPECTED
    assert await _count(conn, "SELECT COUNT(*) FROM rate_cards") >= 156
    assert await _count(conn, "SELECT COUNT(DISTINCT city) FROM pincodes") == 20


async def test_every_booking_and_complaint_status_is_present_when_seeded(conn: AsyncConnection) -> None:
    booking = {r[0] for r in await conn.execute(text("SELECT DISTINCT status FROM bookings"))}
    complaint = {r[0] for r in await conn.execute(text("SELECT DISTINCT status FROM complaints"))}
    assert booking == {s.value for s in BookingStatus}
    assert complaint == {s.value for s in ComplaintStatus}


async def test_staff_has_one_member_per_main_role_when_seeded(conn: AsyncConnection) -> None:
    rows = await conn.execute(
        text("SELECT r.code FROM staff s JOIN roles r ON r.id = s.role_id ORDER BY r.level DESC")
    )
    assert [r[0] for r in rows] == ["super_admin", "admin", "ops_manager", "senior_agent", "support_agent"]


@pytest.mark.parametrize(
    ("what", "sql"),
    [
        (
            "cancelled bookings without time or refund",
            "SELECT COUNT(*) FROM bookings WHERE status IN ('cancelled','no_show') AND (cancelled_at IS NULL OR refund_amount IS NULL OR cancellation_reason IS NULL)",
        ),
        (
            "cancellations after the slot began",
            "SELECT COUNT(*) FROM bookings WHERE status = 'cancelled' AND cancelled_at >= slot_start",
        ),
        (
            "completed bookings without start and end",
            "SELECT COUNT(*) FROM bookings WHERE status = 'completed' AND (started_at IS NULL OR completed_at IS NULL OR completed_at <= started_at)",
        ),
        (
            "future slots already finished",
            "SELECT COUNT(*) FROM bookings WHERE status IN ('pending','confirmed') AND (slot_start <= :now OR started_at IS NOT NULL)",
        ),
        (
            "ratings on unfinished bookings",
            "SELECT COUNT(*) FROM bookings WHERE rating IS NOT NULL AND status <> 'completed'",
        ),
        (
            "bookings at an address of someone else",
            "SELECT COUNT(*) FROM bookings b JOIN addresses a ON a.id = b.address_id WHERE a.user_id <> b.user_id OR a.pincode <> b.pincode",
        ),
        (
            "items not offered at the booking's pincode",
            "SELECT COUNT(*) FROM booking_items i JOIN bookings b ON b.id = i.booking_id LEFT JOIN rate_card_pincodes rp ON rp.rate_card_id = i.rate_card_id AND rp.pincode = b.pincode WHERE rp.pincode IS NULL",
        ),
        (
            "providers not serving the pincode",
            "SELECT COUNT(*) FROM bookings b LEFT JOIN provider_pincodes pp ON pp.provider_id = b.provider_id AND pp.pincode = b.pincode WHERE pp.pincode IS NULL",
        ),
        (
            "items outside the provider's skills",
            "SELECT COUNT(*) FROM booking_items i JOIN bookings b ON b.id = i.booking_id JOIN rate_cards rc ON rc.id = i.rate_card_id LEFT JOIN provider_skills ps ON ps.provider_id = b.provider_id AND ps.subcategory_id = rc.subcategory_id WHERE ps.provider_id IS NULL",
        ),
        (
            "subtotals that are not the sum of items",
            "SELECT COUNT(*) FROM bookings b WHERE ABS(b.subtotal - (SELECT SUM(line_total) FROM booking_items i WHERE i.booking_id = b.id)) > 0.001",
        ),
        (
            "resolved complaints without resolution",
            "SELECT COUNT(*) FROM complaints WHERE status IN ('resolved','closed') AND (resolution IS NULL OR resolved_at IS NULL)",
        ),
        (
            "complaints about someone else's booking",
            "SELECT COUNT(*) FROM complaints c JOIN bookings b ON b.id = c.booking_id WHERE b.user_id <> c.user_id",
        ),
        (
            "resolved complaints without a resolution entry",
            "SELECT COUNT(*) FROM complaints c WHERE c.status IN ('resolved','closed') AND NOT EXISTS (SELECT 1 FROM complaint_updates u WHERE u.complaint_id = c.id AND u.kind = 'resolution')",
        ),
        (
            "queue items for finished complaints",
            "SELECT COUNT(*) FROM priority_queue q JOIN complaints c ON c.id = q.complaint_id WHERE c.status IN ('resolved','closed')",
        ),
        (
            "queued messages that are not flagged",
            "SELECT COUNT(*) FROM priority_queue q JOIN messages m ON m.id = q.message_id WHERE m.flagged = 0 OR m.role <> 'user'",
        ),
        (
            "conversation counts that do not match",
            "SELECT COUNT(*) FROM conversations c WHERE c.message_count <> (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id)",
        ),
        (
            "events in the future",
            "SELECT (SELECT COUNT(*) FROM complaints WHERE created_at > :now OR resolved_at > :now OR closed_at > :now) + (SELECT COUNT(*) FROM messages WHERE created_at > :now) + (SELECT COUNT(*) FROM bookings WHERE created_at > :now OR cancelled_at > :now OR rated_at > :now)",
        ),
    ],
)
async def test_no_inconsistent_rows_when_seeded(conn: AsyncConnection, what: str, sql: str) -> None:
    now = SEED_NOW.replace(tzinfo=None)
    assert (await conn.execute(text(sql), {"now": now})).scalar_one() == 0, what


async def test_provider_rating_aggregates_match_their_rated_bookings_when_seeded(
    conn: AsyncConnection,
) -> None:
    rows = await conn.execute(
        text(
            "SELECT p.id, p.rating_count, p.rating_average, p.jobs_completed,"
            " (SELECT COUNT(rating) FROM bookings b WHERE b.provider_id = p.id),"
            " (SELECT AVG(rating) FROM bookings b WHERE b.provider_id = p.id),"
            " (SELECT COUNT(*) FROM bookings b WHERE b.provider_id = p.id AND b.status = 'completed')"
            " FROM providers p"
        )
    )
    for pid, count, average, jobs, rated, mean, completed in rows:
        assert (count, jobs) == (rated, completed), pid
        if rated:
            assert abs(Decimal(str(average)) - Decimal(str(mean))) < Decimal("0.006"), pid


async def test_contact_details_are_valid_indian_mobiles_and_emails_when_seeded(conn: AsyncConnection) -> None:
    for name, email, phone in await conn.execute(select(t.users.c.name, t.users.c.email, t.users.c.phone)):
        assert len(name.split()) >= 2
        assert email or phone
        if email:
            assert Email.parse(email).value == email
        if phone:
            assert PhoneNumber.parse(phone).value == phone
    for (phone,) in await conn.execute(select(t.providers.c.phone)):
        assert PhoneNumber.parse(phone).value == phone


async def _digest(url: str) -> str:
    engine = create_engine(url)
    digest = hashlib.sha256()
    try:
        async with engine.connect() as conn:
            for table in t.metadata.sorted_tables:
                if table.name == "roles":  # written by migration 0003 at migration time
                    continue
                rows = await conn.execute(select(table).order_by(*table.primary_key.columns))
                for row in rows:
                    digest.update(repr(tuple(row)).encode())
    finally:
        await engine.dispose()
    return digest.hexdigest()


async def _seed_into(url: str, seed: int, scale: int = 1) -> dict[str, int]:
    engine = create_engine(url)
    try:
        report = await SqlaDemoDataSeeder(engine).seed(seed, now=SEED_NOW, scale=scale)
    finally:
        await engine.dispose()
    return report.counts


async def test_same_seed_and_day_write_identical_rows_when_seeded_twice(
    sqlite_databases: DatabaseFactory,
) -> None:
    first, second, other = (migrated(sqlite_databases.sqlite()) for _ in range(3))
    await _seed_into(first, 7)
    await _seed_into(second, 7)
    await _seed_into(other, 8)
    assert await _digest(first) == await _digest(second)
    assert await _digest(first) != await _digest(other)


async def test_scale_multiplies_people_and_work_but_not_the_catalog_when_given(
    sqlite_databases: DatabaseFactory,
) -> None:
    counts = await _seed_into(migrated(sqlite_databases.sqlite()), 42, scale=3)
    assert counts["bookings"] == 3 * 139
    assert counts["booking_items"] == 3 * 294
    assert counts["messages"] == 3 * 1192
    assert counts["users"] == 300
    assert counts["categories"] == 12
    assert counts["staff"] == 5


async def test_demo_times_surround_the_anchor_when_seeded(conn: AsyncConnection) -> None:
    first, last = (
        await conn.execute(select(func.min(t.bookings.c.slot_start), func.max(t.bookings.c.slot_start)))
    ).one()
    assert SEED_NOW - timedelta(days=62) <= first < SEED_NOW < last <= SEED_NOW + timedelta(days=16)
