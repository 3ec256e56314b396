"""The query paths later features depend on are served by indexes on MariaDB/MySQL (EXPLAIN proves it)."""

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.persistence.engine import create_engine
from adapters.persistence.seed.demo import SqlaDemoDataSeeder
from tests.conftest import SEED_NOW, DatabaseFactory, migrated, run_async

pytestmark = pytest.mark.mariadb

PATHS = [
    (
        "rate cards of a subcategory offered at a pincode",
        "SELECT rc.id FROM rate_cards rc JOIN rate_card_pincodes rp ON rp.rate_card_id = rc.id"
        " WHERE rc.subcategory_id = 5 AND rc.is_active = 1 AND rp.pincode = '560034'",
        {"rc": "ix_rate_cards_subcategory_id_is_active_price", "rp": "PRIMARY"},
    ),
    (
        "providers with a skill serving a pincode",
        "SELECT pp.provider_id FROM provider_pincodes pp JOIN provider_skills ps ON ps.provider_id = pp.provider_id"
        " WHERE pp.pincode = '560034' AND ps.subcategory_id = 5",
        {"pp": "ix_provider_pincodes_pincode_provider_id", "ps": "PRIMARY"},
    ),
    (
        "a customer's bookings in a date range",
        "SELECT id FROM bookings WHERE user_id = 42 AND slot_start >= '2026-11-01' AND slot_start < '2026-12-01'",
        {"bookings": "ix_bookings_user_id_slot_start"},
    ),
    (
        "a provider's bookings on a day",
        "SELECT id FROM bookings WHERE provider_id = 7 AND slot_start >= '2026-11-24' AND slot_start < '2026-11-25'",
        {"bookings": "ix_bookings_provider_id_slot_start"},
    ),
    (
        "complaints by status and priority, soonest resolution due first",
        "SELECT id FROM complaints WHERE status = 'open' AND priority = 'high' ORDER BY resolution_due_at LIMIT 20",
        {"complaints": "ix_complaints_status_priority_resolution_due_at"},
    ),
    (
        "complaints whose first response is overdue",
        "SELECT id FROM complaints WHERE status = 'open' AND first_response_due_at < '2026-11-24'",
        {"complaints": "ix_complaints_status_first_response_due_at"},
    ),
    (
        "the ops priority queue, highest score first",
        "SELECT id FROM priority_queue WHERE status = 'waiting' ORDER BY score DESC, due_at LIMIT 20",
        {"priority_queue": "ix_priority_queue_status_score_due_at"},
    ),
]


@pytest.fixture(scope="module")
def planned_url(mariadb_databases: DatabaseFactory) -> str:
    """A MariaDB database with 10x the demo volume and fresh statistics, so plans are realistic."""
    url = migrated(mariadb_databases.mariadb())

    async def seed() -> None:
        engine = create_engine(url)
        try:
            await SqlaDemoDataSeeder(engine).seed(42, now=SEED_NOW, scale=10)
            async with engine.connect() as conn:
                for table in (
                    "rate_cards",
                    "rate_card_pincodes",
                    "provider_pincodes",
                    "provider_skills",
                    "bookings",
                    "complaints",
                    "priority_queue",
                ):
                    await conn.execute(text(f"ANALYZE TABLE {table}"))
        finally:
            await engine.dispose()

    run_async(seed)
    return url


@pytest.fixture
async def conn(planned_url: str) -> AsyncIterator[AsyncConnection]:
    engine = create_engine(planned_url)
    async with engine.connect() as connection:
        yield connection
    await engine.dispose()


@pytest.mark.parametrize(("path", "sql", "expected"), PATHS, ids=[p[0] for p in PATHS])
async def test_query_path_uses_its_index_when_explained(
    conn: AsyncConnection, path: str, sql: str, expected: dict[str, str]
) -> None:
    plan = (await conn.execute(text(f"EXPLAIN {sql}"))).mappings().all()
    used = {row["table"]: row["key"] for row in plan}
    assert used == expected, f"{path}: {plan}"
    assert all(row["type"] != "ALL" for row in plan), f"{path} scans a whole table: {plan}"
