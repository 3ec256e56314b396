"""hold_write_lock makes read-modify-write sequences on SQLite run one after the other (SQLite ignores
FOR UPDATE and its driver begins transactions lazily, so without it two sessions lose an update)."""

import asyncio
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from adapters.persistence.engine import create_engine
from adapters.persistence.locking import hold_write_lock


async def counter_engine(tmp_path: Path) -> AsyncEngine:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'lock.db'}")
    async with engine.begin() as conn:
        await conn.execute(text("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)"))
        await conn.execute(text("INSERT INTO counter (id, value) VALUES (1, 0)"))
    return engine


async def bump(engine: AsyncEngine, *, lock: bool) -> None:
    async with AsyncSession(engine) as session:
        if lock:
            await hold_write_lock(session)
        value = (await session.execute(text("SELECT value FROM counter WHERE id = 1"))).scalar_one()
        await asyncio.sleep(0.05)  # both sessions have read before either writes, unless serialised
        await session.execute(text("UPDATE counter SET value = :v WHERE id = 1"), {"v": value + 1})
        await session.commit()


async def final_value(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        return int((await conn.execute(text("SELECT value FROM counter"))).scalar_one())


async def test_concurrent_read_modify_writes_all_count_when_the_write_lock_is_held(tmp_path: Path) -> None:
    engine = await counter_engine(tmp_path)
    try:
        await asyncio.gather(*(bump(engine, lock=True) for _ in range(4)))
        assert await final_value(engine) == 4
    finally:
        await engine.dispose()


async def test_updates_are_lost_without_the_write_lock_when_sessions_interleave(tmp_path: Path) -> None:
    """The hazard the lock exists for (if this ever stops failing, SQLite's defaults changed)."""
    engine = await counter_engine(tmp_path)
    try:
        await asyncio.gather(*(bump(engine, lock=False) for _ in range(4)))
        assert await final_value(engine) < 4
    finally:
        await engine.dispose()


async def test_a_session_that_already_wrote_keeps_its_transaction_when_locking(tmp_path: Path) -> None:
    engine = await counter_engine(tmp_path)
    try:
        async with AsyncSession(engine) as session:
            await session.execute(text("UPDATE counter SET value = 10 WHERE id = 1"))
            await hold_write_lock(session)
            await session.rollback()
        assert await final_value(engine) == 0
    finally:
        await engine.dispose()
