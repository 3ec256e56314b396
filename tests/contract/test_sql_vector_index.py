"""What only the SQL vector index promises: persistence, and writes of one process seen by the others."""

import asyncio
import uuid
from pathlib import Path

import pytest

from adapters.ai.sql_vector_index import SqlaVectorIndex
from adapters.persistence.engine import create_engine
from application.ai.ports import AIServiceError, VectorRecord
from application.common.errors import StorageUnavailable
from tests.vector_index_harness import vector_index_mariadb_url, vector_index_sqlite_url

__all__ = ["vector_index_mariadb_url", "vector_index_sqlite_url"]

A, B = [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]


@pytest.fixture(params=["sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
def url(request: pytest.FixtureRequest) -> str:
    return str(request.getfixturevalue(f"vector_index_{request.param}_url"))


async def test_another_process_sees_writes_when_it_has_a_cached_copy(url: str) -> None:
    ns = f"shared-{uuid.uuid4().hex[:8]}"
    engine_one, engine_two = create_engine(url), create_engine(url)
    one, two = SqlaVectorIndex(engine_one), SqlaVectorIndex(engine_two)
    try:
        await one.upsert([VectorRecord("a", A, {"v": 1})], namespace=ns)
        assert [m.id for m in await two.query(A, top_k=5, namespace=ns)] == ["a"]
        await one.upsert([VectorRecord("b", B), VectorRecord("a", B, {"v": 2})], namespace=ns)
        moved = await two.query(B, top_k=5, namespace=ns)
        assert sorted((m.id, dict(m.metadata)) for m in moved) == [("a", {"v": 2}), ("b", {})]
        assert {m.id for m in await two.query(B, top_k=5, namespace=ns, where={"v": 2})} == {"a"}
        await one.delete(["a"], namespace=ns)
        assert [m.id for m in await two.query(B, top_k=5, namespace=ns)] == ["b"]
    finally:
        await engine_one.dispose()
        await engine_two.dispose()


async def test_concurrent_writers_all_succeed_when_their_ids_overlap(url: str) -> None:
    ns = f"busy-{uuid.uuid4().hex[:8]}"
    engines = [create_engine(url) for _ in range(4)]
    indexes = [SqlaVectorIndex(engine) for engine in engines]

    async def writer(w: int) -> None:
        for round_ in range(8):
            batch = [
                VectorRecord(f"r{n}", [1.0, float(w), float(round_)], {"w": w})
                for n in range(w * 5, w * 5 + 30)
            ]
            await indexes[w].upsert(batch, namespace=ns)

    try:
        await asyncio.gather(*(writer(w) for w in range(4)))
        assert await indexes[0].count(namespace=ns) == 45
        assert len(await indexes[1].query(A, top_k=100, namespace=ns)) == 45
    finally:
        for engine in engines:
            await engine.dispose()


async def test_records_survive_a_restart_when_written_once(url: str) -> None:
    ns = f"kept-{uuid.uuid4().hex[:8]}"
    engine = create_engine(url)
    await SqlaVectorIndex(engine).upsert(
        [VectorRecord("doc-1", [0.6, 0.8, 0.0], {"title": "Refunds ₹"})], namespace=ns
    )
    await engine.dispose()
    engine = create_engine(url)
    try:
        [match] = await SqlaVectorIndex(engine).query([0.6, 0.8, 0.0], top_k=5, namespace=ns)
        assert (match.id, dict(match.metadata)) == ("doc-1", {"title": "Refunds ₹"})
        assert match.score == pytest.approx(1.0, abs=1e-6)
    finally:
        await engine.dispose()


async def test_query_is_refused_when_its_dimension_differs(url: str) -> None:
    ns = f"dim-{uuid.uuid4().hex[:8]}"
    engine = create_engine(url)
    try:
        index = SqlaVectorIndex(engine)
        await index.upsert([VectorRecord("a", A)], namespace=ns)
        with pytest.raises(AIServiceError, match="dimensions"):
            await index.query([1.0, 0.0], top_k=1, namespace=ns)
    finally:
        await engine.dispose()


async def test_invalid_records_are_refused_before_anything_is_written(url: str) -> None:
    ns = f"bad-{uuid.uuid4().hex[:8]}"
    engine = create_engine(url)
    try:
        index = SqlaVectorIndex(engine)
        for bad in (
            [VectorRecord("a", A), VectorRecord("b", [1.0, 0.0])],
            [VectorRecord("a", [float("nan"), 0.0, 0.0])],
            [VectorRecord("", A)],
            [VectorRecord("a", A, {"nested": [1, 2]})],  # type: ignore[dict-item]
        ):
            with pytest.raises(AIServiceError) as refused:
                await index.upsert(bad, namespace=ns)
            assert not refused.value.retryable
        assert await index.count(namespace=ns) == 0
    finally:
        await engine.dispose()


async def test_storage_unavailable_is_raised_when_the_database_cannot_be_opened(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'missing' / 'nowhere.db'}")
    try:
        with pytest.raises(StorageUnavailable):
            await SqlaVectorIndex(engine).query(A, top_k=1, namespace="any")
    finally:
        await engine.dispose()
