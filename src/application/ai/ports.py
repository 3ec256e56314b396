"""Ports of the AI platform: a language model, an embedder and a vector index.

Each has a production adapter (Gemini through google-genai, Pinecone) and an offline one that is the embedded
default. Structured output is described by a msgspec Struct type: adapters derive the JSON schema from it and
return a decoded instance.
"""

from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Protocol, TypeVar

T = TypeVar("T")

MetadataValue = str | int | float | bool


class ModelTier(StrEnum):
    """LIGHT for classification and extraction, STRONG for replies (the model of each tier is configured)."""

    LIGHT = "light"
    STRONG = "strong"


class Role(StrEnum):
    USER = "user"
    MODEL = "model"


@dataclass(frozen=True, slots=True)
class Turn:
    role: Role
    text: str


@dataclass(frozen=True, slots=True)
class Usage:
    """What one call cost: tokens by direction and the money from the configured prices (USD)."""

    model: str
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0


@dataclass(frozen=True, slots=True)
class Generation:
    text: str
    usage: Usage
    cached: bool = False


@dataclass(frozen=True, slots=True)
class Prompt:
    """What to ask: the conversation so far (last turn from the user) and an optional system instruction."""

    turns: Sequence[Turn]
    system: str | None = None
    temperature: float = 0.0
    max_output_tokens: int | None = None
    purpose: str = "general"  # what the call is for ("intents", "reply", ...): recorded with its usage

    @classmethod
    def of(
        cls, text: str, *, system: str | None = None, temperature: float = 0.0, purpose: str = "general"
    ) -> "Prompt":
        return cls(turns=(Turn(Role.USER, text),), system=system, temperature=temperature, purpose=purpose)


class LanguageModel(Protocol):
    async def generate(self, prompt: Prompt, *, tier: ModelTier = ModelTier.STRONG) -> Generation: ...

    async def generate_structured(
        self, prompt: Prompt, schema: type[T], *, tier: ModelTier = ModelTier.LIGHT
    ) -> T:
        """An instance of `schema` (a msgspec Struct) filled by the model; AIServiceError if it cannot."""
        ...

    def stream(self, prompt: Prompt, *, tier: ModelTier = ModelTier.STRONG) -> AsyncIterator[str]:
        """The reply's text in pieces as the model produces them."""
        ...


class CallStatus(StrEnum):
    OK = "ok"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class LlmCall:
    """One model call as recorded for cost accounting (a cache hit is a call with `cached` and no cost)."""

    model: str
    tier: ModelTier
    purpose: str
    input_tokens: int
    output_tokens: int
    cost_usd: Decimal
    latency_ms: int
    cached: bool
    status: CallStatus
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ModelUsage:
    """Calls of one model over a period, summed."""

    model: str
    calls: int
    cached_calls: int
    failed_calls: int
    input_tokens: int
    output_tokens: int
    cost_usd: Decimal
    avg_latency_ms: float


class UsageRecorder(Protocol):
    async def record(self, call: LlmCall) -> None:
        """Keep the call for accounting. Never raises: a failed write is logged and the reply still served."""
        ...


class UsageReport(Protocol):
    async def by_model(self, *, since: datetime | None = None) -> list[ModelUsage]:
        """Usage per model since `since` (all time when None), most expensive first."""
        ...


class EmbeddingTask(StrEnum):
    DOCUMENT = "document"
    QUERY = "query"


class Embedder(Protocol):
    """Texts to unit-length vectors (cosine = dot product). Vectors of different models are not comparable:
    keep one vector index namespace per `model` (e.g. f"knowledge:{embedder.model}"), so switching models
    never mixes them. Raises AIServiceError when the model cannot answer (after retries)."""

    @property
    def model(self) -> str:
        """A stable name of the model and its dimension, e.g. "wordllama-l2-supercat-256"."""
        ...

    @property
    def dimension(self) -> int: ...

    async def embed(
        self, texts: Sequence[str], *, task: EmbeddingTask = EmbeddingTask.DOCUMENT
    ) -> list[list[float]]:
        """One vector of `dimension` floats per text, in order (batched by the adapter). `task` lets models
        that distinguish stored documents from search queries embed each appropriately; an empty text may give
        an all-zero vector."""
        ...


@dataclass(frozen=True, slots=True)
class VectorRecord:
    id: str
    values: Sequence[float]
    metadata: Mapping[str, MetadataValue] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class VectorMatch:
    id: str
    score: float
    metadata: Mapping[str, MetadataValue] = field(default_factory=dict)


class VectorIndex(Protocol):
    """Vectors with scalar metadata by namespace (1-100 characters) and id (1-200 characters). All vectors of
    a namespace have one dimension. Invalid input (mixed dimensions, non-finite values, non-scalar metadata)
    and an unreachable service raise AIServiceError (`retryable` tells which); the local SQL index raises
    StorageUnavailable when the database is down."""

    @property
    def location(self) -> str:
        """Which store holds the vectors ("local", "pinecone:<index host>"): vectors written to one location
        are absent from another, so a switch must re-embed."""
        ...

    async def upsert(self, records: Sequence[VectorRecord], *, namespace: str) -> None:
        """Insert or replace (vector and metadata) by id; visible to queries of every process afterwards."""
        ...

    async def query(
        self,
        vector: Sequence[float],
        *,
        top_k: int,
        namespace: str,
        where: Mapping[str, MetadataValue] | None = None,
    ) -> list[VectorMatch]:
        """The `top_k` nearest records by cosine similarity, best first; `where` keeps records whose
        metadata equals every given value."""
        ...

    async def delete(self, ids: Sequence[str], *, namespace: str) -> None:
        """Remove these ids; unknown ids are ignored."""
        ...

    async def count(self, *, namespace: str) -> int:
        """Records in the namespace (0 for one never written)."""
        ...


class AIServiceError(Exception):
    """A model or index could not answer (after retries): callers show a clear message, never a trace.
    `retry_after_seconds` says when trying again may help (an open circuit breaker knows)."""

    def __init__(
        self, service: str, detail: str, *, retryable: bool = False, retry_after_seconds: float | None = None
    ) -> None:
        super().__init__(f"{service}: {detail}")
        self.service, self.detail, self.retryable = service, detail, retryable
        self.retry_after_seconds = retry_after_seconds
