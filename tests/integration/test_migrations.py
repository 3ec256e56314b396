"""The one revision history runs on SQLite and MariaDB, both ways, and matches the mapped tables."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from adapters.persistence.engine import create_engine
from adapters.persistence.migrator import AlembicMigrator
from adapters.persistence.tables import metadata
from tests.conftest import DatabaseFactory


def _revisions(migrator: AlembicMigrator) -> list[str]:
    script = ScriptDirectory.from_config(migrator._config)
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def _schema_diff(conn: Connection) -> list[object]:
    context = MigrationContext.configure(conn, opts={"compare_type": True})
    return list(compare_metadata(context, metadata))


def _tables(conn: Connection) -> set[str]:
    return set(inspect(conn).get_table_names()) - {"alembic_version"}


async def test_every_revision_upgrades_downgrades_and_upgrades_again_when_walked_one_by_one(
    databases: DatabaseFactory, backend: str
) -> None:
    url = databases.make(backend)
    migrator = AlembicMigrator(url)
    revisions = _revisions(migrator)
    assert revisions, "no migrations found"
    previous = "base"
    for revision in revisions:
        await migrator.upgrade(revision)
        await migrator.downgrade(previous)
        await migrator.upgrade(revision)
        assert await migrator.current() == [revision]
        previous = revision


async def test_downgrade_to_base_leaves_no_table_when_run_after_head(
    databases: DatabaseFactory, backend: str
) -> None:
    url = databases.make(backend)
    migrator = AlembicMigrator(url)
    await migrator.upgrade("head")
    await migrator.downgrade("base")
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            assert await conn.run_sync(_tables) == set()
    finally:
        await engine.dispose()


async def test_autogenerate_finds_no_difference_when_schema_is_migrated_to_head(
    databases: DatabaseFactory, backend: str
) -> None:
    url = databases.make(backend)
    await AlembicMigrator(url).upgrade("head")
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            assert await conn.run_sync(_tables) == set(metadata.tables)
            assert await conn.run_sync(_schema_diff) == []
    finally:
        await engine.dispose()
