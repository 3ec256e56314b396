"""The public model-backed endpoints in Gemini mode when Gemini fails or hangs: clear 503 problems, bounded
latency, a circuit breaker that fails fast, and a per-client rate limit (429) on the paid endpoints."""

import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from entrypoints.http.app import create_app
from entrypoints.settings import Settings
from tests.e2e.conftest import assert_problem, forget_rate_limits, make_settings
from tests.stubs.gemini_stub import GeminiStub

Client = AsyncTestClient[Litestar]
NLP = ("intents", "entities", "sentiment")


@pytest.fixture
def gemini_settings(seeded_sqlite_url: str, gemini_stub: GeminiStub) -> Callable[..., Settings]:
    def build(**values: Any) -> Settings:
        values.setdefault("llm_max_attempts", 2)
        return make_settings(
            database_url=seeded_sqlite_url,
            llm_provider="gemini",
            gemini_api_key=gemini_stub.api_key,
            gemini_base_url=gemini_stub.base_url,
            llm_cache_ttl_seconds=0,
            **values,
        )

    return build


@pytest.fixture
async def app_with() -> AsyncIterator[Callable[[Settings], Any]]:
    clients: list[Client] = []

    async def start(settings: Settings) -> Client:
        if settings.redis_url:
            await forget_rate_limits(settings.redis_url)
        client = AsyncTestClient(app=create_app(settings))
        clients.append(client)
        return await client.__aenter__()

    yield start
    for client in clients:
        await client.__aexit__(None, None, None)


async def _timed(call: Any) -> tuple[Any, float]:
    started = time.monotonic()
    response = await call
    return response, time.monotonic() - started


async def test_each_nlp_endpoint_answers_503_ai_unavailable_quickly_when_gemini_returns_503(
    gemini_settings: Callable[..., Settings], app_with: Callable[[Settings], Any], gemini_stub: GeminiStub
) -> None:
    client = await app_with(gemini_settings())
    for _ in range(20):
        gemini_stub.reply_error(503, "The model is overloaded.")

    for path in NLP:
        response, took = await _timed(
            client.post(f"/api/v1/nlp/{path}", json={"text": "AC repair kal subah"})
        )

        body = assert_problem(response, 503, "ai_unavailable")
        assert body["dependency"] == "gemini"
        assert "gemini" in body["detail"]
        assert "503" in body["detail"]
        assert int(response.headers["retry-after"]) >= 1
        assert took < 5, (path, took)


async def test_a_hung_gemini_costs_at_most_the_deadline_then_the_breaker_fails_fast(
    gemini_settings: Callable[..., Settings], app_with: Callable[[Settings], Any], gemini_stub: GeminiStub
) -> None:
    settings = gemini_settings(
        llm_timeout_seconds=0.5,
        llm_deadline_seconds=1.0,
        ai_breaker_failures=2,
        ai_breaker_cooldown_seconds=60,
    )
    client = await app_with(settings)
    for _ in range(8):
        gemini_stub.reply_text('{"intents": []}', delay=5)

    timings = []
    for _ in range(2):
        response, took = await _timed(client.post("/api/v1/nlp/intents", json={"text": "book a plumber"}))
        assert_problem(response, 503, "ai_unavailable")
        timings.append(took)
    sent = len(gemini_stub.requests)
    response, fast = await _timed(client.post("/api/v1/nlp/sentiment", json={"text": "great service"}))

    assert max(timings) < 3.0, timings
    body = assert_problem(response, 503, "ai_unavailable")
    assert "failing fast" in body["detail"]
    assert int(response.headers["retry-after"]) > 30
    assert fast < 1.0
    assert len(gemini_stub.requests) == sent, "an open breaker sends nothing"


async def test_knowledge_search_answers_from_keywords_within_its_budget_when_embeddings_hang(
    gemini_settings: Callable[..., Settings], app_with: Callable[[Settings], Any], gemini_stub: GeminiStub
) -> None:
    client = await app_with(gemini_settings(knowledge_vector_budget_seconds=1.0))
    for _ in range(4):
        gemini_stub.reply_json({"embeddings": []}, delay=6, action="batchEmbedContents")

    response, took = await _timed(client.get("/api/v1/knowledge/search", params={"q": "termite warranty"}))

    assert response.status_code == 200, response.text
    assert response.json()["vectorAvailable"] is False
    assert took < 3.5


async def test_searches_that_keep_giving_up_on_hung_embeddings_open_the_breaker_then_answer_at_once(
    gemini_settings: Callable[..., Settings], app_with: Callable[[Settings], Any], gemini_stub: GeminiStub
) -> None:
    client = await app_with(
        gemini_settings(
            knowledge_vector_budget_seconds=0.5, ai_breaker_failures=2, ai_breaker_cooldown_seconds=60
        )
    )
    for _ in range(6):
        gemini_stub.reply_json({"embeddings": []}, delay=6, action="batchEmbedContents")
    for _ in range(2):
        response, took = await _timed(client.get("/api/v1/knowledge/search", params={"q": "refund"}))
        assert response.json()["vectorAvailable"] is False
        assert took < 2.5
    sent = len(gemini_stub.requests)

    response, took = await _timed(client.get("/api/v1/knowledge/search", params={"q": "rework warranty"}))

    assert response.status_code == 200, response.text
    assert response.json()["vectorAvailable"] is False
    assert took < 0.4, "the open breaker answers without waiting for the budget"
    assert len(gemini_stub.requests) == sent, "an open breaker sends nothing"


@pytest.mark.parametrize(
    "profile", ["embedded", pytest.param("production", marks=[pytest.mark.mariadb, pytest.mark.redis])]
)
async def test_public_model_endpoints_answer_429_with_retry_after_when_a_client_exceeds_the_limit(
    profile: str, request: pytest.FixtureRequest, app_with: Callable[[Settings], Any]
) -> None:
    database = "seeded_sqlite_url" if profile == "embedded" else "seeded_mariadb_url"
    extra = {} if profile == "embedded" else {"redis_url": request.getfixturevalue("redis_url")}
    settings = make_settings(
        database_url=request.getfixturevalue(database), ai_rate_limit_per_minute=3, **extra
    )
    client = await app_with(settings)

    allowed = [
        await client.post("/api/v1/nlp/sentiment", json={"text": "good"}),
        await client.post("/api/v1/nlp/intents", json={"text": "hi"}),
        await client.get("/api/v1/knowledge/search", params={"q": "refund"}),
    ]
    refused = [
        await client.post("/api/v1/nlp/entities", json={"text": "plumber at 560034"}),
        await client.get("/api/v1/knowledge/search", params={"q": "refund"}),
    ]
    other = await client.get("/api/v1/services/categories")

    assert [r.status_code for r in allowed] == [200, 200, 200]
    for response in refused:
        body = assert_problem(response, 429, "rate_limited")
        assert 1 <= int(response.headers["retry-after"]) <= 60
        assert body["retryAfter"] == int(response.headers["retry-after"])
    assert other.status_code == 200, "other endpoints are not counted"
