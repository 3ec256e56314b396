"""Vector index adapters for the contract suite: the SQL index on migrated databases, Pinecone on its stub."""

from collections.abc import AsyncIterator

import pytest

from adapters.ai.pinecone_index import PineconeVectorIndex, make_pinecone_index
from adapters.ai.sql_vector_index import SqlaVectorIndex
from adapters.persistence.engine import create_engine
from application.ai.ports import VectorIndex
from tests.conftest import DatabaseFactory, migrated
from tests.stubs.pinecone_stub import PineconeStub


@pytest.fixture(scope="session")
def vector_index_sqlite_url(sqlite_databases: DatabaseFactory) -> str:
    return migrated(sqlite_databases.sqlite())


@pytest.fixture(scope="session")
def vector_index_mariadb_url(mariadb_databases: DatabaseFactory) -> str:
    return migrated(mariadb_databases.mariadb())


async def sql_index(url: str) -> AsyncIterator[SqlaVectorIndex]:
    engine = create_engine(url)
    try:
        yield SqlaVectorIndex(engine)
    finally:
        await engine.dispose()


async def index_for(request: pytest.FixtureRequest, kind: str) -> AsyncIterator[VectorIndex]:
    if kind in ("sqlite", "mariadb"):
        async for index in sql_index(request.getfixturevalue(f"vector_index_{kind}_url")):
            yield index
        return
    if kind == "pinecone":
        with PineconeStub(dimension=4) as stub:
            async for index in pinecone_index(stub):
                yield index
        return
    raise ValueError(kind)


async def pinecone_index(stub: PineconeStub) -> AsyncIterator[PineconeVectorIndex]:
    """The adapter with the real SDK client pointed at the stub; the SDK's retry waits are skipped."""
    index = PineconeVectorIndex(
        make_pinecone_index(stub.host, stub.api_key, timeout_seconds=5), deadline_seconds=10
    )
    try:
        yield index
    finally:
        await index.close()
