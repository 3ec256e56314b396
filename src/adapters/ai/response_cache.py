"""A cache of deterministic model replies (temperature 0), keyed by model and a hash of the whole request."""

import hashlib
from datetime import timedelta

import msgspec

from application.ai.ports import Prompt
from application.common.ports import Cache

PREFIX = "llm:v1:"


class CachedReply(msgspec.Struct, frozen=True):
    text: str
    input_tokens: int
    output_tokens: int


class ResponseCache:
    """Only temperature-0 prompts are cached; a TTL of zero turns the cache off."""

    def __init__(self, cache: Cache, ttl: timedelta) -> None:
        self._cache, self._ttl = cache, ttl

    def key(self, model: str, prompt: Prompt, schema: object | None = None) -> str | None:
        if prompt.temperature != 0 or self._ttl <= timedelta(0):
            return None
        request = {
            "model": model,
            "system": prompt.system,
            "turns": [(turn.role.value, turn.text) for turn in prompt.turns],
            "max_output_tokens": prompt.max_output_tokens,
            "schema": schema,
        }
        digest = hashlib.sha256(msgspec.json.encode(request, order="sorted")).hexdigest()
        return f"{PREFIX}{model}:{digest}"

    async def get(self, key: str | None) -> CachedReply | None:
        raw = await self._cache.get(key) if key else None
        if raw is None:
            return None
        try:
            return msgspec.json.decode(raw, type=CachedReply)
        except msgspec.DecodeError:
            return None

    async def put(self, key: str | None, reply: CachedReply) -> None:
        if key:
            await self._cache.set(key, msgspec.json.encode(reply), ttl=self._ttl)
