"""PineconeVectorIndex with the real pinecone SDK against the local Pinecone stub: the requests it sends
and how it handles Pinecone's error replies."""

import socket
from collections.abc import AsyncIterator, Iterator

import pytest

from adapters.ai.pinecone_index import PineconeVectorIndex, make_pinecone_index
from application.ai.ports import AIServiceError, VectorRecord
from tests.stubs.pinecone_stub import PineconeStub
from tests.vector_index_harness import pinecone_index

NS = "knowledge-test"
V = [1.0, 0.0, 0.0, 0.0]


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[PineconeStub]:
    async def no_wait(_delay: float) -> None:
        return None

    monkeypatch.setattr("pinecone._internal.http_client._async_retry_sleep", no_wait)
    with PineconeStub(dimension=4) as running:
        yield running


@pytest.fixture
async def index(stub: PineconeStub) -> AsyncIterator[PineconeVectorIndex]:
    async for made in pinecone_index(stub):
        yield made


async def test_upserts_go_in_batches_of_100_with_the_api_key_when_many(
    stub: PineconeStub, index: PineconeVectorIndex
) -> None:
    await index.upsert([VectorRecord(f"c{n}", V, {"doc": "terms", "n": n}) for n in range(250)], namespace=NS)
    requests = stub.requests_to("/vectors/upsert")
    assert sorted(len(r.body["vectors"]) for r in requests) == [50, 100, 100]
    assert {r.body["namespace"] for r in requests} == {NS}
    assert {r.header("api-key") for r in requests} == {stub.api_key}
    first = next(v for r in requests for v in r.body["vectors"] if v["id"] == "c7")
    assert first == {"id": "c7", "values": V, "metadata": {"doc": "terms", "n": 7}}


async def test_query_sends_an_eq_filter_and_asks_for_metadata_when_filtered(
    stub: PineconeStub, index: PineconeVectorIndex
) -> None:
    await index.query(V, top_k=5, namespace=NS, where={"doc": "safety"})
    await index.query(V, top_k=3, namespace=NS, where={"doc": "safety", "lang": "hi"})
    await index.query(V, top_k=3, namespace=NS)
    one, two, plain = (r.body for r in stub.requests_to("/query"))
    assert one == {
        "topK": 5,
        "includeValues": False,
        "includeMetadata": True,
        "namespace": NS,
        "vector": V,
        "filter": {"doc": {"$eq": "safety"}},
    }
    assert two["filter"] == {"$and": [{"doc": {"$eq": "safety"}}, {"lang": {"$eq": "hi"}}]}
    assert "filter" not in plain


async def test_delete_and_count_use_the_data_plane_routes_when_called(
    stub: PineconeStub, index: PineconeVectorIndex
) -> None:
    await index.upsert([VectorRecord("a", V), VectorRecord("b", V)], namespace=NS)
    await index.delete(["a", "a", "zzz"], namespace=NS)
    assert await index.count(namespace=NS) == 1
    assert stub.requests_to("/vectors/delete")[0].body == {"namespace": NS, "ids": ["a", "zzz"]}
    assert len(stub.requests_to("/describe_index_stats")) == 1


@pytest.mark.parametrize("status", [429, 500, 503])
async def test_the_request_is_retried_when_pinecone_is_busy(
    stub: PineconeStub, index: PineconeVectorIndex, status: int
) -> None:
    await index.upsert([VectorRecord("a", V, {"doc": "x"})], namespace=NS)
    stub.reply_error(status, "slow down", retry_after=0, path="/query")
    [match] = await index.query(V, top_k=1, namespace=NS)
    assert match.id == "a"
    assert len(stub.requests_to("/query")) == 2


async def test_a_retryable_error_is_raised_when_pinecone_stays_unavailable(
    stub: PineconeStub, index: PineconeVectorIndex
) -> None:
    for _ in range(6):
        stub.reply_error(503, "unavailable", path="/query")
    with pytest.raises(AIServiceError) as failed:
        await index.query(V, top_k=1, namespace=NS)
    assert failed.value.retryable
    assert "503" in failed.value.detail
    assert len(stub.requests_to("/query")) == 4  # the SDK default: 1 attempt + 3 retries


async def test_a_final_error_is_raised_without_retry_when_the_request_is_invalid(
    stub: PineconeStub, index: PineconeVectorIndex
) -> None:
    with pytest.raises(AIServiceError) as failed:
        await index.query([1.0, 0.0], top_k=1, namespace=NS)
    assert not failed.value.retryable
    assert "400" in failed.value.detail
    assert len(stub.requests_to("/query")) == 1


async def test_an_error_is_raised_when_the_reply_is_malformed_json(
    stub: PineconeStub, index: PineconeVectorIndex
) -> None:
    stub.reply_raw(b'{"matches": [{"id": "a", "score": ', path="/query")
    with pytest.raises(AIServiceError) as failed:
        await index.query(V, top_k=1, namespace=NS)
    assert not failed.value.retryable


async def test_an_error_is_raised_when_the_api_key_is_wrong(stub: PineconeStub) -> None:
    index = PineconeVectorIndex(make_pinecone_index(stub.host, "wrong-key", timeout_seconds=5))
    try:
        with pytest.raises(AIServiceError) as failed:
            await index.count(namespace=NS)
        assert "401" in failed.value.detail
        assert not failed.value.retryable
    finally:
        await index.close()


async def test_a_retryable_error_is_raised_when_pinecone_is_unreachable(stub: PineconeStub) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    index = PineconeVectorIndex(make_pinecone_index(f"http://127.0.0.1:{port}", "k", timeout_seconds=2))
    try:
        with pytest.raises(AIServiceError) as failed:
            await index.upsert([VectorRecord("a", V)], namespace=NS)
        assert failed.value.retryable
    finally:
        await index.close()


async def test_a_retryable_error_is_raised_when_pinecone_does_not_answer_in_time(stub: PineconeStub) -> None:
    for _ in range(6):
        stub.reply_slowly(1.5, path="/query")
    index = PineconeVectorIndex(make_pinecone_index(stub.host, stub.api_key, timeout_seconds=0.2))
    try:
        with pytest.raises(AIServiceError) as failed:
            await index.query(V, top_k=1, namespace=NS)
        assert failed.value.retryable
        assert "timed out" in failed.value.detail
    finally:
        await index.close()
