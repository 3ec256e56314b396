"""Alembic environment: one revision history for MySQL/MariaDB and SQLite.

The URL comes from `config.attributes["url"]` (set by `nexora db ...`), else from NEXORA_DATABASE_URL /
the settings default. A caller may also hand over an open connection in `config.attributes["connection"]`.
"""

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from adapters.persistence.engine import create_engine, is_sqlite
from adapters.persistence.mappings import map_tables
from adapters.persistence.tables import metadata

config = context.config
map_tables()
target_metadata = metadata


def _url() -> str:
    url = config.attributes.get("url")
    if url:
        return str(url)
    from entrypoints.settings import load_settings

    return load_settings().database_url


def _configure(connection: Connection | None = None, url: str | None = None) -> None:
    dialect_url = url or (str(connection.engine.url) if connection is not None else _url())
    context.configure(
        connection=connection,
        url=None if connection is not None else dialect_url,
        target_metadata=target_metadata,
        render_as_batch=is_sqlite(dialect_url),
        compare_type=True,
        compare_server_default=False,
        literal_binds=connection is None,
    )


def run_offline() -> None:
    _configure(url=_url())
    with context.begin_transaction():
        context.run_migrations()


def _run_sync(connection: Connection) -> None:
    _configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()


async def run_online() -> None:
    engine = create_engine(_url())
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run_sync)
            await connection.commit()
    finally:
        await engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    given = config.attributes.get("connection")
    if given is not None:
        _run_sync(given)
    else:
        asyncio.run(run_online())
