"""The demo marketplace writer: a real catalog and pincodes, then blocks of people, bookings, complaints
and conversations. Block k is generated from (seed, k) alone, so `--scale N` is N blocks, memory stays
flat, and scale 1 is exactly the default data set."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.persistence import tables
from adapters.persistence.errors import storage_errors
from adapters.persistence.seed.care import generate_care
from adapters.persistence.seed.catalog import catalog_rows
from adapters.persistence.seed.context import Counters, SeedContext, load_data
from adapters.persistence.seed.conversations import generate_conversations
from adapters.persistence.seed.people import generate_people
from adapters.persistence.seed.staff import DEMO_CUSTOMER_PASSWORD, demo_hash, staff_rows
from adapters.persistence.seed.work import generate_work
from application.demo.ports import SeedReport

BATCH = 2000
ROWS_PER_FLUSH = 20_000
BLOCK_TABLES = [
    "users",
    "addresses",
    "providers",
    "provider_skills",
    "provider_pincodes",
    "bookings",
    "booking_items",
    "conversations",
    "messages",
    "complaints",
    "complaint_updates",
    "priority_queue",
]


class SqlaDemoDataSeeder:
    """Writes the demo data with batched Core inserts; one transaction for the catalog and staff, then one
    per group of blocks."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def has_data(self) -> bool:
        async with storage_errors(), self._engine.connect() as conn:
            count = await conn.scalar(select(func.count()).select_from(tables.categories))
        return bool(count)

    async def seed(
        self, seed: int, *, now: datetime, scale: int = 1, progress: Callable[[int, int], None] | None = None
    ) -> SeedReport:
        counts: dict[str, int] = {}
        fixed, catalog = catalog_rows(seed, now)
        async with storage_errors(), self._engine.begin() as conn:
            role_ids = {
                code: rid
                for rid, code in (await conn.execute(select(tables.roles.c.id, tables.roles.c.code)))
            }
            fixed["staff"] = staff_rows(seed, now, role_ids)
            for name, rows in fixed.items():
                await _insert(conn, getattr(tables, name), rows, counts, name)
            counts["roles"] = len(role_ids)
            counts["permissions"] = int(
                await conn.scalar(select(func.count()).select_from(tables.permissions)) or 0
            )
        code_of = {rid: code for code, rid in role_ids.items()}
        ctx = SeedContext(
            seed=seed,
            now=now,
            catalog=catalog,
            vocab=load_data("vocabulary.json"),
            counters=Counters(),
            customer_password_hash=demo_hash(DEMO_CUSTOMER_PASSWORD, seed),
            staff_ids_by_role={code_of[row["role_id"]]: row["id"] for row in fixed["staff"]},
        )
        pending: dict[str, list[dict[str, Any]]] = {name: [] for name in BLOCK_TABLES}
        for block in range(scale):
            for name, rows in _block(ctx, block).items():
                pending[name].extend(rows)
            if sum(len(r) for r in pending.values()) >= ROWS_PER_FLUSH or block == scale - 1:
                async with storage_errors(), self._engine.begin() as conn:
                    for name in BLOCK_TABLES:
                        await _insert(conn, getattr(tables, name), pending[name], counts, name)
                pending = {name: [] for name in BLOCK_TABLES}
            if progress:
                progress(block + 1, scale)
        return SeedReport(seed=seed, counts=counts)


def _block(ctx: SeedContext, block: int) -> dict[str, list[dict[str, Any]]]:
    people = generate_people(ctx, block)
    work = generate_work(ctx, block, people)
    talk = generate_conversations(ctx, block, work, people.customers)
    care = generate_care(ctx, block, work, people.customers, talk)
    return {**people.rows, **work.rows, **talk.rows, **care}


async def _insert(
    conn: AsyncConnection, table: Table, rows: list[dict[str, Any]], counts: dict[str, int], name: str
) -> None:
    for start in range(0, len(rows), BATCH):
        await conn.execute(insert(table), rows[start : start + BATCH])
    counts[name] = counts.get(name, 0) + len(rows)
