"""Helpers for outbox tests on a real database: migrated databases, writing and reading rows."""

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.persistence import tables
from adapters.persistence.engine import create_engine
from tests.conftest import DatabaseFactory, migrated


@pytest.fixture(scope="session")
def outbox_sqlite_url(sqlite_databases: DatabaseFactory) -> str:
    return migrated(sqlite_databases.sqlite())


@pytest.fixture(scope="session")
def outbox_mariadb_url(mariadb_databases: DatabaseFactory) -> str:
    return migrated(mariadb_databases.mariadb())


async def empty_outbox_engine(url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.execute(delete(tables.outbox))
    try:
        yield engine
    finally:
        await engine.dispose()


async def add_rows(engine: AsyncEngine, rows: list[tuple[str, dict[str, Any], datetime]]) -> list[int]:
    """Insert messages (topic, payload, available_at) the way OutboxNotifier does; return their ids."""
    async with engine.begin() as conn:
        ids = []
        for topic, payload, available_at in rows:
            values = {"topic": topic, "payload": payload, "status": "pending", "attempts": 0}
            result = await conn.execute(
                insert(tables.outbox).values(**values, available_at=available_at, created_at=available_at)
            )
            ids.append(int(result.inserted_primary_key[0]))
        return ids


async def read_row(engine: AsyncEngine, row_id: int) -> dict[str, Any]:
    async with engine.connect() as conn:
        row = (await conn.execute(select(tables.outbox).where(tables.outbox.c.id == row_id))).mappings().one()
    return dict(row)
