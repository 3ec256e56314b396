"""One suite for the VectorIndex port: the in-memory fake, the SQL index (SQLite, MariaDB) and Pinecone
(the real SDK against the local Pinecone stub)."""

import math
import uuid
from collections.abc import AsyncIterator

import pytest

from application.ai.ports import AIServiceError, VectorIndex, VectorRecord
from tests.vector_fakes import InMemoryVectorIndex
from tests.vector_index_harness import index_for, vector_index_mariadb_url, vector_index_sqlite_url

__all__ = ["vector_index_mariadb_url", "vector_index_sqlite_url"]

PLUMBING = [1.0, 0.0, 0.0, 0.0]
ELECTRICAL = [0.0, 1.0, 0.0, 0.0]
BETWEEN = [0.7, 0.7, 0.1, 0.0]


@pytest.fixture(params=["memory", "sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb), "pinecone"])
async def index(request: pytest.FixtureRequest) -> AsyncIterator[VectorIndex]:
    if request.param == "memory":
        yield InMemoryVectorIndex()
        return
    async for made in index_for(request, request.param):
        yield made


@pytest.fixture
def ns() -> str:
    return f"test-{uuid.uuid4().hex[:10]}"


def _angle(n: int) -> list[float]:
    return [math.cos(n * 0.006), math.sin(n * 0.006), 0.0, 0.0]


def _record(rid: str, values: list[float], **metadata: str | int | float | bool) -> VectorRecord:
    return VectorRecord(id=rid, values=values, metadata=metadata)


async def test_query_returns_nearest_first_with_metadata_when_records_exist(
    index: VectorIndex, ns: str
) -> None:
    await index.upsert(
        [
            _record("tap", PLUMBING, doc="refunds", ordinal=3, weight=0.5, active=True),
            _record("fan", ELECTRICAL, doc="safety", ordinal=1, weight=1.5, active=False),
            _record("mix", BETWEEN, doc="safety", ordinal=2, weight=2.0, active=True),
        ],
        namespace=ns,
    )
    matches = await index.query([0.9, 0.1, 0.0, 0.0], top_k=3, namespace=ns)
    assert [m.id for m in matches] == ["tap", "mix", "fan"]
    assert matches[0].score == pytest.approx(0.9939, abs=1e-3)
    assert matches[0].score > matches[1].score > matches[2].score
    assert dict(matches[0].metadata) == {"doc": "refunds", "ordinal": 3, "weight": 0.5, "active": True}


async def test_query_keeps_only_equal_metadata_when_filtered(index: VectorIndex, ns: str) -> None:
    await index.upsert(
        [
            _record("a", PLUMBING, doc="refunds", lang="en"),
            _record("b", BETWEEN, doc="safety", lang="en"),
            _record("c", ELECTRICAL, doc="safety", lang="hi"),
            _record("d", PLUMBING, lang="en"),
        ],
        namespace=ns,
    )
    safety = await index.query(PLUMBING, top_k=10, namespace=ns, where={"doc": "safety"})
    assert [m.id for m in safety] == ["b", "c"]
    both = await index.query(PLUMBING, top_k=10, namespace=ns, where={"doc": "safety", "lang": "hi"})
    assert [m.id for m in both] == ["c"]
    assert await index.query(PLUMBING, top_k=10, namespace=ns, where={"doc": "privacy"}) == []


async def test_query_filters_numbers_and_booleans_when_given(index: VectorIndex, ns: str) -> None:
    await index.upsert(
        [_record("x", PLUMBING, version=2, live=True), _record("y", PLUMBING, version=3, live=False)],
        namespace=ns,
    )
    assert [m.id for m in await index.query(PLUMBING, top_k=5, namespace=ns, where={"version": 3})] == ["y"]
    assert [m.id for m in await index.query(PLUMBING, top_k=5, namespace=ns, where={"live": True})] == ["x"]


async def test_query_returns_at_most_top_k_when_more_match(index: VectorIndex, ns: str) -> None:
    await index.upsert([_record(f"r{n}", [1.0, n / 10, 0.0, 0.0]) for n in range(8)], namespace=ns)
    matches = await index.query(PLUMBING, top_k=3, namespace=ns)
    assert [m.id for m in matches] == ["r0", "r1", "r2"]


async def test_upsert_replaces_vector_and_metadata_when_the_id_exists(index: VectorIndex, ns: str) -> None:
    await index.upsert([_record("tap", PLUMBING, doc="old"), _record("fan", ELECTRICAL)], namespace=ns)
    await index.upsert([_record("tap", ELECTRICAL, doc="new")], namespace=ns)
    assert await index.count(namespace=ns) == 2
    best = (await index.query(ELECTRICAL, top_k=1, namespace=ns, where={"doc": "new"}))[0]
    assert (best.id, best.score, dict(best.metadata)) == ("tap", pytest.approx(1.0, abs=1e-4), {"doc": "new"})
    assert await index.query(PLUMBING, top_k=5, namespace=ns, where={"doc": "old"}) == []


async def test_delete_removes_only_the_given_ids_when_some_are_unknown(index: VectorIndex, ns: str) -> None:
    await index.upsert(
        [_record("a", PLUMBING), _record("b", ELECTRICAL), _record("c", BETWEEN)], namespace=ns
    )
    await index.delete(["a", "c", "never-stored"], namespace=ns)
    assert await index.count(namespace=ns) == 1
    assert [m.id for m in await index.query(PLUMBING, top_k=5, namespace=ns)] == ["b"]


async def test_namespaces_are_isolated_when_ids_repeat(index: VectorIndex, ns: str) -> None:
    other = ns + "-other"
    await index.upsert([_record("same", PLUMBING, side="one")], namespace=ns)
    await index.upsert([_record("same", ELECTRICAL, side="two"), _record("more", BETWEEN)], namespace=other)
    assert (await index.count(namespace=ns), await index.count(namespace=other)) == (1, 2)
    assert [dict(m.metadata) for m in await index.query(ELECTRICAL, top_k=5, namespace=ns)] == [
        {"side": "one"}
    ]
    await index.delete(["same"], namespace=other)
    assert await index.count(namespace=ns) == 1


async def test_unknown_namespace_is_empty_when_nothing_was_written(index: VectorIndex, ns: str) -> None:
    assert await index.count(namespace=ns) == 0
    assert await index.query(PLUMBING, top_k=5, namespace=ns) == []


async def test_many_records_are_all_stored_when_upserted_in_one_call(index: VectorIndex, ns: str) -> None:
    await index.upsert([_record(f"chunk-{n}", _angle(n), n=n) for n in range(250)], namespace=ns)
    assert await index.count(namespace=ns) == 250
    assert [m.id for m in await index.query(_angle(123), top_k=2, namespace=ns, where={"n": 123})] == [
        "chunk-123"
    ]
    assert [m.id for m in await index.query(_angle(249), top_k=2, namespace=ns)] == ["chunk-249", "chunk-248"]


async def test_upsert_is_refused_when_the_dimension_differs(index: VectorIndex, ns: str) -> None:
    await index.upsert([_record("a", PLUMBING)], namespace=ns)
    with pytest.raises(AIServiceError):
        await index.upsert([_record("b", [1.0, 0.0, 0.0])], namespace=ns)
    assert await index.count(namespace=ns) == 1


async def test_query_is_refused_when_its_dimension_differs(index: VectorIndex, ns: str) -> None:
    await index.upsert([_record("a", PLUMBING)], namespace=ns)
    with pytest.raises(AIServiceError):
        await index.query([1.0, 0.0, 0.0], top_k=1, namespace=ns)


async def test_every_operation_is_refused_when_the_namespace_is_empty(index: VectorIndex) -> None:
    with pytest.raises(AIServiceError):
        await index.upsert([_record("a", PLUMBING)], namespace="")
    with pytest.raises(AIServiceError):
        await index.query(PLUMBING, top_k=1, namespace="")
    with pytest.raises(AIServiceError):
        await index.delete(["a"], namespace="")
    with pytest.raises(AIServiceError):
        await index.count(namespace="")
