"""GeminiEmbedder with the real google-genai client against the local Gemini stub: the requests it sends
and how it handles Gemini's error replies."""

from typing import Any

import pytest

from adapters.ai.gemini_embedder import GeminiEmbedder
from adapters.ai.gemini_llm import make_gemini_client
from application.ai.ports import AIServiceError, EmbeddingTask
from tests.contract.test_embedder import FAST_RETRY, gemini_embedder


async def test_requests_carry_model_task_and_dimension_when_embedding_queries(gemini_stub: Any) -> None:
    await gemini_embedder(gemini_stub, dimension=8).embed(
        ["geyser repair", "refund kab milega"], task=EmbeddingTask.QUERY
    )
    [request] = gemini_stub.requests_for("batchEmbedContents")
    assert (request.version, request.model) == ("v1", "gemini-embedding-001")
    assert request.header("x-goog-api-key") == gemini_stub.api_key
    assert [r["content"]["parts"] for r in request.body["requests"]] == [
        [{"text": "geyser repair"}],
        [{"text": "refund kab milega"}],
    ]
    assert {r["taskType"] for r in request.body["requests"]} == {"RETRIEVAL_QUERY"}
    assert {r["outputDimensionality"] for r in request.body["requests"]} == {8}
    assert {r["model"] for r in request.body["requests"]} == {"models/gemini-embedding-001"}


async def test_documents_use_the_document_task_when_stored(gemini_stub: Any) -> None:
    await gemini_embedder(gemini_stub).embed(["Refunds reach your account in 5-7 working days."])
    [request] = gemini_stub.requests_for("batchEmbedContents")
    assert request.body["requests"][0]["taskType"] == "RETRIEVAL_DOCUMENT"


async def test_texts_go_in_requests_of_at_most_100_when_there_are_more(gemini_stub: Any) -> None:
    await gemini_embedder(gemini_stub).embed([f"chunk {n}" for n in range(250)])
    sizes = sorted(len(r.body["requests"]) for r in gemini_stub.requests_for("batchEmbedContents"))
    assert sizes == [50, 100, 100]


async def test_vectors_are_normalised_when_gemini_returns_longer_ones(gemini_stub: Any) -> None:
    gemini_stub.reply_json(
        {"embeddings": [{"values": [3.0, 4.0, 0.0, 0.0]}, {"values": [0.0, 0.0, 0.0, 2.0]}]}
    )
    vectors = await gemini_embedder(gemini_stub, dimension=4).embed(["a", "b"])
    assert vectors == [pytest.approx([0.6, 0.8, 0.0, 0.0]), pytest.approx([0.0, 0.0, 0.0, 1.0])]


async def test_blank_texts_get_zero_vectors_without_a_request_when_mixed(gemini_stub: Any) -> None:
    vectors = await gemini_embedder(gemini_stub, dimension=4).embed(["", "tap leaking", "  "])
    assert vectors[0] == vectors[2] == [0.0, 0.0, 0.0, 0.0]
    [request] = gemini_stub.requests_for("batchEmbedContents")
    assert [r["content"]["parts"][0]["text"] for r in request.body["requests"]] == ["tap leaking"]


@pytest.mark.parametrize("status", [429, 503])
async def test_the_call_is_retried_when_gemini_is_busy(gemini_stub: Any, status: int) -> None:
    gemini_stub.reply_error(status, retry_after=0)
    vectors = await gemini_embedder(gemini_stub).embed(["pest control"])
    assert len(vectors[0]) == 16
    assert len(gemini_stub.requests_for("batchEmbedContents")) == 2


async def test_a_retryable_error_is_raised_when_gemini_stays_unavailable(gemini_stub: Any) -> None:
    for _ in range(3):
        gemini_stub.reply_error(503, retry_after=0)
    with pytest.raises(AIServiceError) as failed:
        await gemini_embedder(gemini_stub).embed(["pest control"])
    assert failed.value.retryable
    assert "503" in failed.value.detail
    assert len(gemini_stub.requests_for("batchEmbedContents")) == 3


async def test_a_final_error_is_raised_without_retry_when_the_request_is_refused(gemini_stub: Any) -> None:
    gemini_stub.reply_error(400, "Request contains an invalid argument.")
    with pytest.raises(AIServiceError) as failed:
        await gemini_embedder(gemini_stub).embed(["x"])
    assert not failed.value.retryable
    assert len(gemini_stub.requests_for("batchEmbedContents")) == 1


async def test_an_error_is_raised_when_the_reply_is_malformed_json(gemini_stub: Any) -> None:
    gemini_stub.reply_raw(b'{"embeddings": [{"values": [0.1, ')
    with pytest.raises(AIServiceError):
        await gemini_embedder(gemini_stub).embed(["x"])


async def test_an_error_is_raised_when_the_reply_has_the_wrong_shape(gemini_stub: Any) -> None:
    gemini_stub.reply_json({"embeddings": [{"values": [1.0, 0.0]}]})
    with pytest.raises(AIServiceError, match="expected 2 vectors"):
        await gemini_embedder(gemini_stub, dimension=2).embed(["a", "b"])


async def test_a_retryable_error_is_raised_when_gemini_does_not_answer_in_time(gemini_stub: Any) -> None:
    for _ in range(3):
        gemini_stub.reply_json({"embeddings": [{"values": [1.0, 0.0]}]}, delay=1.5)
    client = make_gemini_client(gemini_stub.api_key, base_url=gemini_stub.base_url, timeout_seconds=5)
    embedder = GeminiEmbedder(client, dimension=2, retry=FAST_RETRY, timeout_seconds=0.3)
    with pytest.raises(AIServiceError) as failed:
        await embedder.embed(["slow"])
    assert failed.value.retryable
    assert "timed out" in failed.value.detail
