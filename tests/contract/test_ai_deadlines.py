"""The production AI adapters against local stubs that accept a request and answer late: each call ends by
its overall deadline (retries included), and after repeated failures the circuit breaker fails fast without
sending anything, until its cool-down ends."""

import time
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta

import pytest

from adapters.ai.circuit_breaker import CircuitBreaker
from adapters.ai.gemini_embedder import GeminiEmbedder
from adapters.ai.gemini_llm import GeminiLlm, make_gemini_client
from adapters.ai.metering import Meter, PriceTable
from adapters.ai.pinecone_index import PineconeVectorIndex, make_pinecone_index
from adapters.ai.response_cache import ResponseCache
from adapters.ai.retry import RetryPolicy
from adapters.cache.memory import InMemoryCache
from application.ai.ports import AIServiceError, ModelTier, Prompt
from tests.ai_fakes import RecordingUsage
from tests.fakes import FakeClock
from tests.stubs.gemini_stub import GeminiStub
from tests.stubs.pinecone_stub import PineconeStub

RETRY = RetryPolicy(max_attempts=4, base_delay=0.01, max_delay=0.05)
V = [1.0, 0.0, 0.0, 0.0]


def _llm(stub: GeminiStub, breaker: CircuitBreaker | None = None) -> GeminiLlm:
    client = make_gemini_client(stub.api_key, base_url=stub.base_url, timeout_seconds=2)
    return GeminiLlm(
        client,
        models={ModelTier.LIGHT: "light", ModelTier.STRONG: "strong"},
        meter=Meter(RecordingUsage(), FakeClock(), PriceTable({})),
        cache=ResponseCache(InMemoryCache(), timedelta(0)),
        retry=RETRY,
        timeout_seconds=2,
        deadline_seconds=1.0,
        breaker=breaker,
    )


@pytest.fixture
def pinecone_stub() -> Iterator[PineconeStub]:
    with PineconeStub(dimension=4) as running:
        yield running


@pytest.fixture
async def pinecone(pinecone_stub: PineconeStub) -> AsyncIterator[PineconeVectorIndex]:
    index = PineconeVectorIndex(
        make_pinecone_index(pinecone_stub.host, pinecone_stub.api_key, timeout_seconds=5),
        deadline_seconds=1.0,
        breaker=CircuitBreaker("pinecone", failure_threshold=2, cooldown_seconds=60),
    )
    yield index
    await index.close()


async def test_a_model_call_ends_by_its_deadline_when_gemini_accepts_but_never_answers(
    gemini_stub: GeminiStub,
) -> None:
    for _ in range(4):
        gemini_stub.reply_text("late", delay=4)
    started = time.monotonic()

    with pytest.raises(AIServiceError) as failed:
        await _llm(gemini_stub).generate(Prompt.of("hello"))

    assert time.monotonic() - started < 3.0
    assert failed.value.retryable
    assert "within 1 s" in failed.value.detail


async def test_model_calls_fail_fast_without_a_request_when_the_breaker_is_open_then_a_trial_closes_it(
    gemini_stub: GeminiStub,
) -> None:
    clock = FakeSeconds()
    llm = _llm(gemini_stub, CircuitBreaker("gemini", failure_threshold=2, cooldown_seconds=30, clock=clock))
    for _ in range(8):
        gemini_stub.reply_error(503, retry_after=0)
    for _ in range(2):
        with pytest.raises(AIServiceError):
            await llm.generate(Prompt.of("hello"))
    sent = len(gemini_stub.requests)

    with pytest.raises(AIServiceError) as fast:
        await llm.generate(Prompt.of("hello"))
    assert len(gemini_stub.requests) == sent
    assert fast.value.retry_after_seconds == pytest.approx(30)

    clock.now += 31
    assert gemini_stub.pending() == 0
    gemini_stub.reply_text("back again")
    assert (await llm.generate(Prompt.of("hello"))).text == "back again"
    assert (await llm.generate(Prompt.of("hello again"))).text == "stub reply"


async def test_an_embedding_batch_ends_by_its_deadline_when_gemini_hangs(gemini_stub: GeminiStub) -> None:
    for _ in range(4):
        gemini_stub.reply_json({"embeddings": []}, delay=4, action="batchEmbedContents")
    client = make_gemini_client(gemini_stub.api_key, base_url=gemini_stub.base_url, timeout_seconds=2)
    embedder = GeminiEmbedder(client, dimension=16, retry=RETRY, timeout_seconds=2, deadline_seconds=1.0)
    started = time.monotonic()

    with pytest.raises(AIServiceError):
        await embedder.embed(["pest control"])

    assert time.monotonic() - started < 3.0


async def test_a_pinecone_query_ends_by_its_deadline_and_then_the_breaker_fails_fast(
    pinecone_stub: PineconeStub, pinecone: PineconeVectorIndex
) -> None:
    for _ in range(4):
        pinecone_stub.reply_slowly(4, path="/query")
    started = time.monotonic()
    for _ in range(2):
        with pytest.raises(AIServiceError):
            await pinecone.query(V, top_k=3, namespace="ns")
    slow = time.monotonic() - started
    sent = len(pinecone_stub.requests_to("/query"))

    started = time.monotonic()
    with pytest.raises(AIServiceError) as fast:
        await pinecone.query(V, top_k=3, namespace="ns")

    assert slow < 4.0
    assert time.monotonic() - started < 0.5
    assert "failing fast" in fast.value.detail
    assert len(pinecone_stub.requests_to("/query")) == sent


class FakeSeconds:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now
