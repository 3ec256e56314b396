"""The offline LanguageModel (embedded default): a small deterministic engine, not a neural model.

- `generate` / `stream`: an extractive or templated reply (see adapters/ai/extractive.py): sentences of the
  context supplied in the prompt that best match the question, else a fixed reply chosen by intent.
- `generate_structured`: fills the Struct by field name from the offline NLP services, so callers that ask a
  model for intents, sentiment or entities get real answers offline. Field-name convention:
  `intents` (list of {intent, confidence}), `intent` and `confidence` (the best one), `sentiment` (-1..1),
  `entities` (application.nlp.ports.Entities as data), `reply`/`answer`/`text`/`response`/`message`/`summary`
  (the extractive reply). Any other field gets its default, or an empty value of its type.
The same prompt always gives the same output. Token counts are word counts; cost is zero.
"""

import time
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import msgspec
from msgspec import inspect

from adapters.ai.extractive import compose, split_prompt
from adapters.ai.metering import Meter
from application.ai.ports import AIServiceError, Generation, ModelTier, Prompt, Usage
from application.common.ports import Clock
from application.nlp.ports import EntityExtractor, Intent, IntentClassifier, SentimentAnalyzer

T = TypeVar("T")
MODEL = "offline-extractive-v1"
SERVICE = "offline-llm"
REPLY_FIELDS = frozenset({"reply", "answer", "text", "response", "message", "summary"})


class OfflineLlm:
    def __init__(
        self,
        *,
        intents: IntentClassifier | None = None,
        sentiment: SentimentAnalyzer | None = None,
        entities: EntityExtractor | None = None,
        clock: Clock | None = None,
        meter: Meter | None = None,
    ) -> None:
        self._intents, self._sentiment, self._entities = intents, sentiment, entities
        self._clock, self._meter = clock, meter

    @property
    def model(self) -> str:
        return MODEL

    async def generate(self, prompt: Prompt, *, tier: ModelTier = ModelTier.STRONG) -> Generation:
        started = time.perf_counter()
        text = await self.reply_text(prompt)
        usage = Usage(model=MODEL, input_tokens=_words(prompt), output_tokens=len(text.split()))
        await self._record(started, prompt, tier, usage.output_tokens)
        return Generation(text=text, usage=usage)

    async def stream(self, prompt: Prompt, *, tier: ModelTier = ModelTier.STRONG) -> AsyncIterator[str]:
        """The reply of `generate`, a word at a time (spaces kept, so the pieces join back exactly)."""
        words = (await self.generate(prompt, tier=tier)).text.split(" ")
        for index, word in enumerate(words):
            yield word if index == len(words) - 1 else word + " "

    async def generate_structured(
        self, prompt: Prompt, schema: type[T], *, tier: ModelTier = ModelTier.LIGHT
    ) -> T:
        started = time.perf_counter()
        info = inspect.type_info(schema)
        if not isinstance(info, inspect.StructType):
            raise AIServiceError(SERVICE, f"structured output needs a msgspec Struct, got {schema!r}")
        question = split_prompt(prompt)
        data = await _fill(info, _Values(self, prompt, question.text))
        try:
            result = msgspec.convert(data, schema, strict=False)
        except msgspec.ValidationError as exc:
            raise AIServiceError(SERVICE, f"cannot fill {schema.__name__}: {exc}") from exc
        await self._record(started, prompt, tier, len(msgspec.json.encode(data).split()))
        return result

    async def reply_text(self, prompt: Prompt) -> str:
        """The extractive or templated reply (see adapters/ai/extractive.py)."""
        question = split_prompt(prompt)
        ranked = await self._intents.classify(question.text) if self._intents and question.text else []
        return compose(question, ranked[0].intent if ranked else None)

    async def _record(self, started: float, prompt: Prompt, tier: ModelTier, output_tokens: int) -> None:
        if self._meter is not None:
            await self._meter.record(
                started,
                model=MODEL,
                tier=tier,
                purpose=prompt.purpose,
                input_tokens=_words(prompt),
                output_tokens=output_tokens,
            )

    def _now(self) -> datetime:
        return self._clock.now() if self._clock is not None else datetime.now(UTC)


class _Values:
    """What the offline services say about the question, computed once and only when a field asks."""

    def __init__(self, llm: OfflineLlm, prompt: Prompt, text: str) -> None:
        self._llm, self._prompt, self._text = llm, prompt, text
        self._memo: dict[str, Any] = {}

    async def get(self, name: str) -> tuple[bool, Any]:
        producer = self._producers().get(name.lower())
        if producer is None:
            return False, None
        if name not in self._memo:
            self._memo[name] = await producer()
        return True, self._memo[name]

    def _producers(self) -> dict[str, Callable[[], Awaitable[Any]]]:
        llm = self._llm
        producers: dict[str, Callable[[], Awaitable[Any]]] = dict.fromkeys(REPLY_FIELDS, self._reply)
        if llm._intents is not None:
            producers |= {
                "intents": self._ranked,
                "intent": self._top_intent,
                "confidence": self._top_confidence,
            }
        if llm._sentiment is not None:
            producers["sentiment"] = self._feeling
        if llm._entities is not None:
            producers["entities"] = self._found
        return producers

    async def _reply(self) -> str:
        return await self._llm.reply_text(self._prompt)

    async def _ranked(self) -> list[dict[str, Any]]:
        assert self._llm._intents is not None
        scores = await self._llm._intents.classify(self._text) if self._text else []
        ranked = [{"intent": s.intent.value, "confidence": s.confidence} for s in scores]
        return ranked or [{"intent": Intent.OUT_OF_SCOPE.value, "confidence": 1.0}]

    async def _top_intent(self) -> str:
        return str((await self._ranked())[0]["intent"])

    async def _top_confidence(self) -> float:
        return float((await self._ranked())[0]["confidence"])

    async def _feeling(self) -> float:
        assert self._llm._sentiment is not None
        return await self._llm._sentiment.sentiment(self._text)

    async def _found(self) -> Any:
        assert self._llm._entities is not None
        return msgspec.to_builtins(await self._llm._entities.extract(self._text, now=self._llm._now()))


async def _fill(info: inspect.StructType, values: _Values) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field in info.fields:
        known, value = await values.get(field.name)
        if known:
            data[field.encode_name] = value
        elif field.required:
            data[field.encode_name] = await _empty(field.type, values)
    return data


SIMPLE_EMPTY: tuple[tuple[type[inspect.Type] | tuple[type[inspect.Type], ...], Any], ...] = (
    (inspect.StrType, ""),
    (inspect.IntType, 0),
    (inspect.FloatType, 0.0),
    (inspect.BoolType, False),
    (inspect.DictType, {}),
    ((inspect.ListType, inspect.SetType, inspect.FrozenSetType, inspect.VarTupleType), []),
)


async def _empty(kind: inspect.Type, values: _Values) -> Any:
    """The neutral value of a type: "", 0, False, [], {}, None, the first enum/literal value, a filled
    Struct."""
    if isinstance(kind, inspect.UnionType):
        return None if kind.includes_none else await _empty(kind.types[0], values)
    if isinstance(kind, inspect.StructType):
        return await _fill(kind, values)
    if isinstance(kind, inspect.EnumType | inspect.LiteralType):
        return next(iter(kind.cls)).value if isinstance(kind, inspect.EnumType) else kind.values[0]
    return next((value for kinds, value in SIMPLE_EMPTY if isinstance(kind, kinds)), None)


def _words(prompt: Prompt) -> int:
    return sum(len(turn.text.split()) for turn in prompt.turns) + len((prompt.system or "").split())
