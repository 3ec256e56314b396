"""Shared fixtures: databases (SQLite always; MariaDB and Redis when reachable, required when CI=true)."""

import asyncio
import os
import socket
import uuid
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from adapters.persistence.engine import create_engine
from adapters.persistence.mappings import map_tables
from adapters.persistence.migrator import AlembicMigrator
from adapters.persistence.seed.demo import SqlaDemoDataSeeder

IN_CI = os.environ.get("CI", "").lower() == "true"
MYSQL_SERVER_URL = os.environ.get("NEXORA_TEST_MYSQL_URL", "mysql+asyncmy://root@127.0.0.1:3306")
REDIS_URL = os.environ.get("NEXORA_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
MARIADB_HOW = "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd"
REDIS_HOW = 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no'

map_tables()
SEED_NOW = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)  # noon IST: the demo data is laid out around it
T = TypeVar("T")


def require_service(name: str, host: str, port: int, how: str) -> None:
    """Skip (locally) or fail (CI=true) when a server is not listening."""
    try:
        with socket.create_connection((host, port), timeout=1.0):
            return
    except OSError as exc:
        message = f"{name} at {host}:{port} is not reachable ({exc}); start it with: {how}"
        if IN_CI:
            pytest.fail(f"CI=true requires {message}", pytrace=False)
        pytest.skip(message)


def _host_port(url: str, default_port: int) -> tuple[str, int]:
    parts = urlsplit(url.replace("+asyncmy", ""))
    return parts.hostname or "127.0.0.1", parts.port or default_port


async def _admin(server_url: str, statement: str) -> None:
    engine = create_engine(server_url)
    try:
        async with engine.connect() as conn:
            await conn.execute(text(statement))
            await conn.commit()
    finally:
        await engine.dispose()


def in_thread(fn: Callable[[], T]) -> T:
    """Run blocking code that starts its own event loop (alembic, asyncio.run) off the test loop."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn).result()


def run_async(coro_fn: Callable[[], Coroutine[Any, Any, T]]) -> T:
    return in_thread(lambda: asyncio.run(coro_fn()))


def migrated(url: str) -> str:
    run_async(lambda: AlembicMigrator(url).upgrade("head"))
    return url


async def _seed(url: str) -> None:
    engine = create_engine(url)
    try:
        await SqlaDemoDataSeeder(engine).seed(42, now=SEED_NOW)
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
def mariadb_server_url() -> str:
    host, port = _host_port(MYSQL_SERVER_URL, 3306)
    require_service("MariaDB", host, port, MARIADB_HOW)
    return MYSQL_SERVER_URL


@pytest.fixture(scope="session")
def redis_url() -> str:
    host, port = _host_port(REDIS_URL, 6379)
    require_service("Redis", host, port, REDIS_HOW)
    return REDIS_URL


class DatabaseFactory:
    """Creates throwaway databases: SQLite files under tmp, MariaDB schemas named nexora_test_*."""

    def __init__(self, tmp: Path, mariadb_server_url: str | None) -> None:
        self._tmp = tmp
        self._server = mariadb_server_url
        self._created: list[str] = []

    def sqlite(self) -> str:
        return f"sqlite+aiosqlite:///{self._tmp / f'{uuid.uuid4().hex[:8]}.db'}"

    def mariadb(self) -> str:
        server = self._server
        assert server is not None
        name = f"nexora_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        run_async(lambda: _admin(server, f"CREATE DATABASE {name} CHARACTER SET utf8mb4"))
        self._created.append(name)
        return str(make_url(self._server).set(database=name).render_as_string(hide_password=False))

    def make(self, backend: str) -> str:
        return self.sqlite() if backend == "sqlite" else self.mariadb()

    def drop_all(self) -> None:
        if self._server is None:
            return
        server = self._server
        for name in self._created:
            run_async(lambda name=name: _admin(server, f"DROP DATABASE IF EXISTS {name}"))


@pytest.fixture(scope="session")
def sqlite_databases(tmp_path_factory: pytest.TempPathFactory) -> DatabaseFactory:
    return DatabaseFactory(tmp_path_factory.mktemp("sqlite"), None)


@pytest.fixture(scope="session")
def mariadb_databases(
    tmp_path_factory: pytest.TempPathFactory, mariadb_server_url: str
) -> Iterator[DatabaseFactory]:
    factory = DatabaseFactory(tmp_path_factory.mktemp("mariadb"), mariadb_server_url)
    yield factory
    factory.drop_all()


@pytest.fixture(scope="session", params=["sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def databases(request: pytest.FixtureRequest, backend: str) -> DatabaseFactory:
    """The database factory of the current backend (parametrised: SQLite and MariaDB)."""
    name = "sqlite_databases" if backend == "sqlite" else "mariadb_databases"
    factory: DatabaseFactory = request.getfixturevalue(name)
    return factory


@pytest.fixture(scope="session")
def seeded_sqlite_url(sqlite_databases: DatabaseFactory) -> str:
    url = migrated(sqlite_databases.sqlite())
    run_async(lambda: _seed(url))
    return url


@pytest.fixture(scope="session")
def seeded_mariadb_url(mariadb_databases: DatabaseFactory) -> str:
    url = migrated(mariadb_databases.mariadb())
    run_async(lambda: _seed(url))
    return url


@pytest.fixture
def gemini_stub() -> Iterator[Any]:
    """A local Gemini REST server, fresh per test (see tests/stubs/gemini_stub.py to script it)."""
    from tests.stubs.gemini_stub import GeminiStub

    with GeminiStub() as stub:
        yield stub
