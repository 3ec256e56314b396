"""The production VectorIndex: a Pinecone serverless index through the pinecone SDK's async data-plane client.

Requests: `POST /vectors/upsert` (at most 100 vectors each, a few in flight), `POST /query` with metadata
filters translated to `{"field": {"$eq": value}}`, `POST /vectors/delete` (1000 ids each) and
`POST /describe_index_stats` for counts. 429, 5xx and connection failures are retried by the SDK's
transport (exponential backoff with jitter, Retry-After honoured); each operation also has a deadline.
Whatever still fails becomes AIServiceError.
"""

import asyncio
from collections.abc import Awaitable, Coroutine, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from pinecone import AsyncIndex
from pinecone.errors.exceptions import (
    ApiError,
    PineconeConnectionError,
    PineconeError,
    PineconeTimeoutError,
    ResponseParsingError,
)

from adapters.ai.circuit_breaker import CircuitBreaker
from adapters.ai.vector_validation import checked_namespace, checked_records
from application.ai.ports import AIServiceError, MetadataValue, VectorMatch, VectorRecord

T = TypeVar("T")
SERVICE = "pinecone"
UPSERT_BATCH = 100
DELETE_BATCH = 1000
RETRYABLE_STATUS = frozenset({408, 429, 500, 502, 503, 504})


def make_pinecone_index(host: str, api_key: str, *, timeout_seconds: float = 10.0) -> AsyncIndex:
    """The SDK's async client of one index; give the host with its scheme (a bare host means https)."""
    return AsyncIndex(host=host, api_key=api_key, timeout=timeout_seconds)


def pinecone_filter(where: Mapping[str, MetadataValue] | None) -> dict[str, Any] | None:
    """Equality on every key, in Pinecone's filter language."""
    if not where:
        return None
    clauses = [{key: {"$eq": value}} for key, value in where.items()]
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class PineconeVectorIndex:
    def __init__(
        self,
        index: AsyncIndex,
        *,
        deadline_seconds: float = 10.0,
        max_concurrency: int = 4,
        breaker: CircuitBreaker | None = None,
        location: str | None = None,
    ) -> None:
        """`deadline_seconds` bounds each operation with the SDK's retries; the breaker (one per instance
        unless given) fails operations fast while Pinecone keeps failing."""
        self._index = index
        self._deadline = deadline_seconds
        self._slots = asyncio.Semaphore(max_concurrency)
        self._breaker = breaker or CircuitBreaker(SERVICE)
        self._location = location or SERVICE

    @property
    def location(self) -> str:
        return self._location

    async def upsert(self, records: Sequence[VectorRecord], *, namespace: str) -> None:
        checked = checked_records(records, namespace)
        vectors = [
            {"id": r.id, "values": [float(v) for v in r.values], "metadata": dict(r.metadata)}
            for r in checked
        ]
        batches = [vectors[i : i + UPSERT_BATCH] for i in range(0, len(vectors), UPSERT_BATCH)]
        await asyncio.gather(*(self._upsert_batch(batch, namespace) for batch in batches))

    async def query(
        self,
        vector: Sequence[float],
        *,
        top_k: int,
        namespace: str,
        where: Mapping[str, MetadataValue] | None = None,
    ) -> list[VectorMatch]:
        checked_namespace(namespace)
        if top_k <= 0:
            return []
        response = await self._call(
            self._index.query(
                vector=[float(v) for v in vector],
                top_k=min(top_k, 10_000),
                namespace=namespace,
                filter=pinecone_filter(where),
                include_metadata=True,
                include_values=False,
            )
        )
        return [
            VectorMatch(id=m.id, score=float(m.score), metadata=dict(m.metadata or {}))
            for m in response.matches
        ]

    async def delete(self, ids: Sequence[str], *, namespace: str) -> None:
        checked_namespace(namespace)
        unique = list(dict.fromkeys(ids))
        for start in range(0, len(unique), DELETE_BATCH):
            await self._call(
                self._index.delete(ids=unique[start : start + DELETE_BATCH], namespace=namespace)
            )

    async def count(self, *, namespace: str) -> int:
        checked_namespace(namespace)
        stats = await self._call(self._index.describe_index_stats())
        summary = stats.namespaces.get(namespace)
        return int(summary.vector_count) if summary is not None else 0

    async def close(self) -> None:
        await self._index.close()

    async def _upsert_batch(self, batch: list[dict[str, Any]], namespace: str) -> None:
        async with self._slots:
            await self._call(self._index.upsert(vectors=batch, namespace=namespace))

    async def _call(self, operation: Coroutine[Any, Any, T]) -> T:
        try:
            return await self._breaker.call(lambda: _translated(operation), deadline_seconds=self._deadline)
        finally:
            operation.close()  # never awaited when the breaker is open


async def _translated(operation: Awaitable[T]) -> T:
    with pinecone_errors():
        return await operation


@contextmanager
def pinecone_errors() -> Iterator[None]:
    """SDK and transport failures as AIServiceError (retryable when trying later may help)."""
    try:
        yield
    except ApiError as exc:
        retryable = exc.status_code in RETRYABLE_STATUS
        raise AIServiceError(SERVICE, f"HTTP {exc.status_code}: {_short(exc)}", retryable=retryable) from exc
    except (PineconeTimeoutError, TimeoutError) as exc:
        raise AIServiceError(SERVICE, "timed out", retryable=True) from exc
    except PineconeConnectionError as exc:
        raise AIServiceError(SERVICE, f"unreachable: {_short(exc)}", retryable=True) from exc
    except ResponseParsingError as exc:
        raise AIServiceError(SERVICE, "malformed reply") from exc
    except PineconeError as exc:
        raise AIServiceError(SERVICE, _short(exc)) from exc


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
