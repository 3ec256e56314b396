"""The Gemini LanguageModel against a local server speaking Gemini's REST protocol, through the real
google-genai client: the requests it sends, and how it handles replies, errors, retries, usage and cache."""

from datetime import timedelta
from decimal import Decimal

import msgspec
import pytest

from adapters.ai.gemini_llm import GeminiLlm, make_gemini_client
from adapters.ai.metering import Meter, PriceTable
from adapters.ai.response_cache import ResponseCache
from adapters.ai.retry import RetryPolicy
from adapters.cache.memory import InMemoryCache
from application.ai.ports import AIServiceError, CallStatus, ModelTier, Prompt, Role, Turn
from tests.ai_fakes import RecordingUsage
from tests.fakes import FakeClock
from tests.stubs.gemini_stub import GeminiStub, StubReply, generate_body

LIGHT, STRONG = "gemini-2.5-flash-lite", "gemini-2.5-flash"
PRICES = {STRONG: (Decimal("0.30"), Decimal("2.50")), LIGHT: (Decimal("0.10"), Decimal("0.40"))}


class Verdict(msgspec.Struct):
    label: str
    confidence: float


class Harness:
    def __init__(
        self, stub: GeminiStub, *, attempts: int = 3, timeout: float = 5.0, api_key: str | None = None
    ) -> None:
        self.stub, self.usage, self.cache = stub, RecordingUsage(), InMemoryCache()
        client = make_gemini_client(api_key or stub.api_key, base_url=stub.base_url, timeout_seconds=timeout)
        self.llm = GeminiLlm(
            client,
            models={ModelTier.LIGHT: LIGHT, ModelTier.STRONG: STRONG},
            meter=Meter(self.usage, FakeClock(), PriceTable(PRICES)),
            cache=ResponseCache(self.cache, timedelta(hours=1)),
            retry=RetryPolicy(max_attempts=attempts, base_delay=0.01, max_delay=0.05),
            timeout_seconds=timeout,
        )


@pytest.fixture
def gemini(gemini_stub: GeminiStub) -> Harness:
    return Harness(gemini_stub)


async def test_generate_sends_model_key_contents_and_config_when_asked_for_a_reply(gemini: Harness) -> None:
    gemini.stub.reply_text("Namaste! How can I help?", input_tokens=20, output_tokens=7)
    prompt = Prompt(
        turns=(Turn(Role.USER, "hi"), Turn(Role.MODEL, "Hello!"), Turn(Role.USER, "AC kharab hai")),
        system="You are Nexora's assistant.",
        temperature=0.3,
        max_output_tokens=256,
    )

    generation = await gemini.llm.generate(prompt)

    assert generation.text == "Namaste! How can I help?"
    assert not generation.cached
    [request] = gemini.stub.requests
    assert request.path == f"/v1/models/{STRONG}:generateContent"
    assert request.header("x-goog-api-key") == gemini.stub.api_key
    assert request.body["contents"] == [
        {"role": "user", "parts": [{"text": "hi"}]},
        {"role": "model", "parts": [{"text": "Hello!"}]},
        {"role": "user", "parts": [{"text": "AC kharab hai"}]},
    ]
    assert request.body["systemInstruction"]["parts"] == [{"text": "You are Nexora's assistant."}]
    assert request.body["generationConfig"] == {"temperature": 0.3, "maxOutputTokens": 256}


async def test_generate_uses_the_light_model_when_the_light_tier_is_asked(gemini: Harness) -> None:
    await gemini.llm.generate(Prompt.of("hello"), tier=ModelTier.LIGHT)

    assert gemini.stub.requests[0].model == LIGHT


async def test_structured_output_sends_the_json_schema_and_decodes_the_struct_when_the_reply_fits(
    gemini: Harness,
) -> None:
    gemini.stub.reply_text('{"label": "complaint", "confidence": 0.91}')

    verdict = await gemini.llm.generate_structured(Prompt.of("technician broke my tap"), Verdict)

    assert verdict == Verdict(label="complaint", confidence=0.91)
    config = gemini.stub.requests[0].body["generationConfig"]
    assert config["responseMimeType"] == "application/json"
    schema = config["responseJsonSchema"]
    assert schema["type"] == "object"
    assert set(schema["required"]) == {"label", "confidence"}
    assert schema["properties"]["confidence"] == {"type": "number"}
    assert gemini.stub.requests[0].model == LIGHT


async def test_structured_output_raises_ai_service_error_when_the_reply_does_not_match_the_schema(
    gemini: Harness,
) -> None:
    gemini.stub.reply_text('{"label": 42}')

    with pytest.raises(AIServiceError, match="does not match Verdict"):
        await gemini.llm.generate_structured(Prompt.of("x"), Verdict)


async def test_stream_yields_the_pieces_and_records_usage_when_the_server_sends_sse(gemini: Harness) -> None:
    gemini.stub.reply_stream(
        ["Your booking ", "is confirmed ", "for tomorrow."], input_tokens=30, output_tokens=9
    )

    pieces = [piece async for piece in gemini.llm.stream(Prompt.of("status?", purpose="reply"))]

    assert pieces == ["Your booking ", "is confirmed ", "for tomorrow."]
    [request] = gemini.stub.requests
    assert request.path == f"/v1/models/{STRONG}:streamGenerateContent"
    assert request.query == {"alt": ["sse"]}
    [call] = gemini.usage.calls
    assert (call.input_tokens, call.output_tokens, call.purpose) == (30, 9, "reply")
    assert call.cost_usd == Decimal("0.000032")  # 30 * 0.30/1M + 9 * 2.50/1M = 0.0000315, to the micro-dollar


async def test_stream_retries_when_the_server_is_busy_before_the_first_piece(gemini: Harness) -> None:
    gemini.stub.reply_error(429, retry_after=0)
    gemini.stub.reply_stream(["ok"])

    pieces = [piece async for piece in gemini.llm.stream(Prompt.of("x"))]

    assert pieces == ["ok"]
    assert len(gemini.stub.requests) == 2


async def test_generate_retries_and_succeeds_when_the_first_reply_is_429(gemini: Harness) -> None:
    gemini.stub.reply_error(429, "quota", retry_after=0.2)
    gemini.stub.reply_text("done")

    generation = await gemini.llm.generate(Prompt.of("x"))

    assert generation.text == "done"
    assert len(gemini.stub.requests) == 2
    assert gemini.usage.calls[-1].status is CallStatus.OK
    assert gemini.usage.calls[-1].latency_ms >= 200  # waited as Retry-After asked


async def test_generate_raises_a_retryable_error_when_503_outlasts_the_attempts(gemini: Harness) -> None:
    for _ in range(3):
        gemini.stub.reply_error(503, "overloaded")

    with pytest.raises(AIServiceError) as caught:
        await gemini.llm.generate(Prompt.of("x"))

    assert caught.value.retryable
    assert "503" in caught.value.detail
    assert len(gemini.stub.requests) == 3
    assert [c.status for c in gemini.usage.calls] == [CallStatus.ERROR]


async def test_generate_does_not_retry_when_the_request_is_refused_with_400(gemini: Harness) -> None:
    gemini.stub.reply_error(400, "bad schema")

    with pytest.raises(AIServiceError) as caught:
        await gemini.llm.generate(Prompt.of("x"))

    assert not caught.value.retryable
    assert len(gemini.stub.requests) == 1


async def test_generate_raises_ai_service_error_when_the_api_key_is_wrong(gemini_stub: GeminiStub) -> None:
    harness = Harness(gemini_stub, api_key="another-key")

    with pytest.raises(AIServiceError, match="400"):
        await harness.llm.generate(Prompt.of("x"))


async def test_generate_raises_ai_service_error_when_the_body_is_malformed_json(gemini: Harness) -> None:
    gemini.stub.reply_raw(b'{"candidates": [')

    with pytest.raises(AIServiceError, match="malformed"):
        await gemini.llm.generate(Prompt.of("x"))


async def test_generate_raises_ai_service_error_when_the_reply_has_no_text(gemini: Harness) -> None:
    gemini.stub.reply_json({"candidates": [{"finishReason": "SAFETY", "index": 0}]})

    with pytest.raises(AIServiceError, match="SAFETY"):
        await gemini.llm.generate(Prompt.of("x"))


async def test_generate_times_out_and_retries_then_fails_when_the_server_hangs(
    gemini_stub: GeminiStub,
) -> None:
    harness = Harness(gemini_stub, attempts=2, timeout=0.3)
    gemini_stub.reply_text("late", delay=1.0)
    gemini_stub.reply_text("late again", delay=1.0)

    with pytest.raises(AIServiceError, match="timed out after 2 attempts"):
        await harness.llm.generate(Prompt.of("x"))


async def test_usage_is_recorded_with_tokens_and_cost_of_the_model_when_a_call_succeeds(
    gemini: Harness,
) -> None:
    gemini.stub.reply_text("ok", input_tokens=1_000, output_tokens=200)

    generation = await gemini.llm.generate(Prompt.of("x", purpose="reply"))

    [call] = gemini.usage.calls
    assert (call.model, call.tier, call.purpose, call.cached) == (STRONG, ModelTier.STRONG, "reply", False)
    assert (call.input_tokens, call.output_tokens) == (1_000, 200)
    assert call.cost_usd == Decimal("0.000800")  # 1000 * 0.30/1M + 200 * 2.50/1M
    assert generation.usage.cost_usd == pytest.approx(0.0008)


async def test_second_deterministic_call_is_served_from_the_cache_without_a_request(gemini: Harness) -> None:
    gemini.stub.reply_text('{"label": "greeting", "confidence": 1.0}')
    prompt = Prompt.of("hello", temperature=0.0)

    first = await gemini.llm.generate_structured(prompt, Verdict)
    second = await gemini.llm.generate_structured(prompt, Verdict)

    assert first == second
    assert len(gemini.stub.requests) == 1
    assert [c.cached for c in gemini.usage.calls] == [False, True]
    assert gemini.usage.calls[1].cost_usd == 0


async def test_calls_with_temperature_above_zero_are_not_cached(gemini: Harness) -> None:
    prompt = Prompt.of("tell me a joke", temperature=0.7)

    await gemini.llm.generate(prompt)
    await gemini.llm.generate(prompt)

    assert len(gemini.stub.requests) == 2


async def test_the_v1beta_path_is_served_by_the_stub_too(gemini_stub: GeminiStub) -> None:
    from google import genai
    from google.genai import types

    client = genai.Client(
        api_key=gemini_stub.api_key,
        http_options=types.HttpOptions(base_url=gemini_stub.base_url, api_version="v1beta"),
    )
    response = await client.aio.models.generate_content(model=LIGHT, contents="hi")

    assert response.text == "stub reply"
    assert gemini_stub.requests[0].path == f"/v1beta/models/{LIGHT}:generateContent"


async def test_stream_raises_ai_service_error_when_a_later_chunk_is_malformed(gemini: Harness) -> None:
    gemini.stub.enqueue(StubReply(sse=[generate_body("Hello "), "{not json"], action="streamGenerateContent"))

    pieces: list[str] = []

    async def read() -> None:
        async for piece in gemini.llm.stream(Prompt.of("x")):
            pieces.append(piece)  # noqa: PERF401 (the pieces before the failure are what we check)

    with pytest.raises(AIServiceError, match="stream broke: malformed reply"):
        await read()

    assert pieces == ["Hello "]
    assert [c.status for c in gemini.usage.calls] == [CallStatus.ERROR]
