"""Fakes of the AI platform ports for tests."""

from collections.abc import AsyncIterator
from typing import TypeVar

from adapters.ai.json_schema import decode_reply
from application.ai.ports import Generation, LlmCall, ModelTier, Prompt, Usage

T = TypeVar("T")


class RecordingUsage:
    """A UsageRecorder that keeps every call in a list."""

    def __init__(self) -> None:
        self.calls: list[LlmCall] = []

    async def record(self, call: LlmCall) -> None:
        self.calls.append(call)


class ScriptedLlm:
    """A LanguageModel whose structured replies are scripted as JSON text, decoded like a real adapter does;
    every prompt it got is kept."""

    def __init__(self, *replies: str) -> None:
        self.replies = list(replies)
        self.prompts: list[Prompt] = []
        self.tiers: list[ModelTier] = []

    async def generate(self, prompt: Prompt, *, tier: ModelTier = ModelTier.STRONG) -> Generation:
        self.prompts.append(prompt)
        self.tiers.append(tier)
        return Generation(text=self.replies.pop(0), usage=Usage(model="scripted"))

    async def generate_structured(
        self, prompt: Prompt, schema: type[T], *, tier: ModelTier = ModelTier.LIGHT
    ) -> T:
        text = (await self.generate(prompt, tier=tier)).text
        return decode_reply(text, schema, service="scripted")

    async def stream(self, prompt: Prompt, *, tier: ModelTier = ModelTier.STRONG) -> AsyncIterator[str]:
        yield (await self.generate(prompt, tier=tier)).text
