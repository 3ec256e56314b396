"""Helpers for complaint tests on a real database: an empty migrated database per backend, customers and
staff rows to hang complaints on, and reading the priority queue."""

import uuid
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
def complaint_sqlite_url(sqlite_databases: DatabaseFactory) -> str:
    return migrated(sqlite_databases.sqlite())


@pytest.fixture(scope="session")
def complaint_mariadb_url(mariadb_databases: DatabaseFactory) -> str:
    return migrated(mariadb_databases.mariadb())


async def empty_complaints_engine(url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on a database with no complaints (customers and staff of earlier tests stay)."""
    engine = create_engine(url)
    async with engine.begin() as conn:
        for table in (tables.priority_queue, tables.complaint_updates, tables.complaints):
            await conn.execute(delete(table))
    try:
        yield engine
    finally:
        await engine.dispose()


async def add_customer(engine: AsyncEngine, now: datetime, *, name: str = "Asha Rao") -> int:
    email = f"c.{uuid.uuid4().hex[:12]}@example.in"
    async with engine.begin() as conn:
        result = await conn.execute(
            insert(tables.users).values(
                name=name, email=email, password_hash="x", created_at=now, updated_at=now
            )
        )
    return int(result.inserted_primary_key[0])


async def add_staff(engine: AsyncEngine, role_code: str, now: datetime, *, status: str = "active") -> int:
    async with engine.begin() as conn:
        role_id = await conn.scalar(select(tables.roles.c.id).where(tables.roles.c.code == role_code))
        result = await conn.execute(
            insert(tables.staff).values(
                name=f"{role_code} {uuid.uuid4().hex[:4]}",
                email=f"s.{uuid.uuid4().hex[:12]}@nexora.in",
                password_hash="x",
                role_id=role_id,
                status=status,
                created_at=now,
                updated_at=now,
            )
        )
    return int(result.inserted_primary_key[0])


async def queue_row(engine: AsyncEngine, complaint_id: int) -> dict[str, Any] | None:
    async with engine.connect() as conn:
        q = tables.priority_queue.c
        row = (
            await conn.execute(select(tables.priority_queue).where(q.complaint_id == complaint_id))
        ).mappings()
        found = row.one_or_none()
    return dict(found) if found is not None else None
