"""Run alembic migrations from code, for `nexora db ...`, `make run` and the tests."""

import asyncio
import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from adapters.persistence.engine import create_engine
from adapters.persistence.errors import storage_errors


def _script_location() -> Path:
    candidates = [Path.cwd() / "migrations", Path(__file__).resolve().parents[3] / "migrations"]
    if configured := os.environ.get("NEXORA_MIGRATIONS_DIR"):
        candidates.insert(0, Path(configured))
    for candidate in candidates:
        if (candidate / "env.py").is_file():
            return candidate
    raise FileNotFoundError(
        "alembic migrations folder not found: run from the project folder or set NEXORA_MIGRATIONS_DIR"
    )


class AlembicMigrator:
    """Upgrades, downgrades and reports the schema revision of one database.

    Alembic runs its own event loop, so upgrades and downgrades run in a worker thread. Driver errors
    become StorageUnavailable.
    """

    def __init__(self, url: str) -> None:
        self._url = url
        self._config = Config()
        self._config.set_main_option("script_location", str(_script_location()))
        self._config.attributes["url"] = url

    async def upgrade(self, revision: str = "head") -> None:
        async with storage_errors():
            await asyncio.to_thread(command.upgrade, self._config, revision)

    async def downgrade(self, revision: str) -> None:
        async with storage_errors():
            await asyncio.to_thread(command.downgrade, self._config, revision)

    def heads(self) -> list[str]:
        return list(ScriptDirectory.from_config(self._config).get_heads())

    async def current(self) -> list[str]:
        """The revisions the database is at (empty when never migrated)."""
        engine = create_engine(self._url)
        try:
            async with storage_errors(), engine.connect() as conn:
                return await conn.run_sync(_current_heads)
        finally:
            await engine.dispose()

    async def is_up_to_date(self) -> bool:
        return sorted(await self.current()) == sorted(self.heads())


def _current_heads(conn: Connection) -> list[str]:
    return list(MigrationContext.configure(conn).get_current_heads())
