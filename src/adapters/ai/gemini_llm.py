"""The production LanguageModel: Gemini through google-genai's async client.

Each tier maps to a configured model. Every call has a timeout and retries (429, 5xx, timeouts) with
exponential backoff and jitter; each call's tokens and cost are recorded; temperature-0 replies are cached.
"""

import asyncio
from collections.abc import AsyncIterator, Mapping
from typing import Any, TypeVar

from google import genai
from google.genai import types

from adapters.ai.circuit_breaker import CircuitBreaker
from adapters.ai.json_schema import decode_reply, response_schema
from adapters.ai.metering import Meter
from adapters.ai.response_cache import CachedReply, ResponseCache
from adapters.ai.retry import RetryPolicy, classify, with_retries
from application.ai.ports import AIServiceError, CallStatus, Generation, ModelTier, Prompt

T = TypeVar("T")
SERVICE = "gemini"


def make_gemini_client(
    api_key: str, *, base_url: str | None = None, timeout_seconds: float = 30.0
) -> genai.Client:
    """A google-genai client (REST, API version v1); `base_url` points it at a proxy or a local stub."""
    options = types.HttpOptions(base_url=base_url, timeout=int(timeout_seconds * 1000))
    return genai.Client(api_key=api_key, http_options=options)


class GeminiLlm:
    def __init__(
        self,
        client: genai.Client,
        *,
        models: Mapping[ModelTier, str],
        meter: Meter,
        cache: ResponseCache,
        retry: RetryPolicy,
        timeout_seconds: float,
        deadline_seconds: float = 15.0,
        breaker: CircuitBreaker | None = None,
    ) -> None:
        """`timeout_seconds` bounds each attempt, `deadline_seconds` the whole call with its retries; the
        breaker (one per instance unless given) fails calls fast while Gemini keeps failing."""
        self._client, self._models, self._meter, self._cache = client, dict(models), meter, cache
        self._retry, self._timeout, self._deadline = retry, timeout_seconds, deadline_seconds
        self._breaker = breaker or CircuitBreaker(SERVICE)

    async def generate(self, prompt: Prompt, *, tier: ModelTier = ModelTier.STRONG) -> Generation:
        return await self._generate(prompt, tier, None)

    async def generate_structured(
        self, prompt: Prompt, schema: type[T], *, tier: ModelTier = ModelTier.LIGHT
    ) -> T:
        generation = await self._generate(prompt, tier, response_schema(schema))
        return decode_reply(generation.text, schema, service=SERVICE)

    async def stream(self, prompt: Prompt, *, tier: ModelTier = ModelTier.STRONG) -> AsyncIterator[str]:
        """Retries only until the first piece arrives; a failure after that raises AIServiceError."""
        model, started = self._models[tier], self._meter.start()
        usage: types.GenerateContentResponseUsageMetadata | None = None
        try:
            first, rest = await self._breaker.call(
                lambda: with_retries(
                    lambda: self._open_stream(model, prompt), service=SERVICE, policy=self._retry
                ),
                deadline_seconds=self._deadline,
            )
            async for chunk in _guarded(rest, first):
                usage = chunk.usage_metadata or usage
                if chunk.text:
                    yield chunk.text
        except AIServiceError:
            await self._meter.record(
                started, model=model, tier=tier, purpose=prompt.purpose, status=CallStatus.ERROR
            )
            raise
        tokens_in, tokens_out = _tokens(usage)
        await self._meter.record(
            started,
            model=model,
            tier=tier,
            purpose=prompt.purpose,
            input_tokens=tokens_in,
            output_tokens=tokens_out,
        )

    async def _open_stream(
        self, model: str, prompt: Prompt
    ) -> tuple[types.GenerateContentResponse | None, AsyncIterator[types.GenerateContentResponse]]:
        """The stream and its first chunk: the request is only sent when the first chunk is read, so errors
        such as 429 surface here, inside the retries."""
        chunks = await self._client.aio.models.generate_content_stream(
            model=model, contents=_contents(prompt), config=_config(prompt, None)
        )
        iterator = aiter(chunks)
        async with asyncio.timeout(self._timeout):
            try:
                return await anext(iterator), iterator
            except StopAsyncIteration:
                return None, iterator

    async def _generate(self, prompt: Prompt, tier: ModelTier, schema: dict[str, Any] | None) -> Generation:
        model, started = self._models[tier], self._meter.start()
        key = self._cache.key(model, prompt, schema)
        cached = await self._cache.get(key)
        if cached is not None:
            await self._meter.record(started, model=model, tier=tier, purpose=prompt.purpose, cached=True)
            return Generation(text=cached.text, usage=self._meter.usage(model, 0, 0), cached=True)
        try:
            response = await self._breaker.call(
                lambda: with_retries(
                    lambda: self._call(model, prompt, schema), service=SERVICE, policy=self._retry
                ),
                deadline_seconds=self._deadline,
            )
            text = _text(response)
        except AIServiceError:
            await self._meter.record(
                started, model=model, tier=tier, purpose=prompt.purpose, status=CallStatus.ERROR
            )
            raise
        tokens_in, tokens_out = _tokens(response.usage_metadata)
        await self._meter.record(
            started,
            model=model,
            tier=tier,
            purpose=prompt.purpose,
            input_tokens=tokens_in,
            output_tokens=tokens_out,
        )
        await self._cache.put(key, CachedReply(text=text, input_tokens=tokens_in, output_tokens=tokens_out))
        return Generation(text=text, usage=self._meter.usage(model, tokens_in, tokens_out))

    async def _call(
        self, model: str, prompt: Prompt, schema: dict[str, Any] | None
    ) -> types.GenerateContentResponse:
        async with asyncio.timeout(self._timeout):
            return await self._client.aio.models.generate_content(
                model=model, contents=_contents(prompt), config=_config(prompt, schema)
            )


async def _guarded(rest: AsyncIterator[T], first: T | None) -> AsyncIterator[T]:
    """The first chunk, then the rest; library and transport errors while reading, as AIServiceError."""
    if first is not None:
        yield first
    try:
        async for chunk in rest:
            yield chunk
    except Exception as exc:
        failure = classify(exc)
        if failure is None:
            raise
        raise AIServiceError(SERVICE, f"stream broke: {failure.detail}", retryable=failure.retryable) from exc


def _contents(prompt: Prompt) -> list[types.Content]:
    return [types.Content(role=turn.role.value, parts=[types.Part(text=turn.text)]) for turn in prompt.turns]


def _config(prompt: Prompt, schema: dict[str, Any] | None) -> types.GenerateContentConfig:
    return types.GenerateContentConfig(
        system_instruction=prompt.system,
        temperature=prompt.temperature,
        max_output_tokens=prompt.max_output_tokens,
        response_mime_type="application/json" if schema is not None else None,
        response_json_schema=schema,
    )


def _text(response: types.GenerateContentResponse) -> str:
    """The reply's text; a reply without any (blocked, empty) is an error, not an empty answer."""
    candidates = response.candidates or []
    parts = (candidates[0].content.parts or []) if candidates and candidates[0].content else []
    text = "".join(part.text or "" for part in parts if not part.thought)
    if not text:
        reason = candidates[0].finish_reason if candidates else None
        blocked = response.prompt_feedback.block_reason if response.prompt_feedback else None
        raise AIServiceError(SERVICE, f"empty reply (finish reason {reason or blocked or 'none'})")
    return text


def _tokens(usage: types.GenerateContentResponseUsageMetadata | None) -> tuple[int, int]:
    if usage is None:
        return 0, 0
    produced = (usage.candidates_token_count or 0) + (usage.thoughts_token_count or 0)
    return usage.prompt_token_count or 0, produced
