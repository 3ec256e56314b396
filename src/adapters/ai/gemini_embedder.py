"""The production Embedder: `gemini-embedding-001` through google-genai's async client.

Texts go in requests of at most 100 (`:batchEmbedContents`), with the task type the model was trained for
(RETRIEVAL_DOCUMENT for stored chunks, RETRIEVAL_QUERY for searches) and the configured output dimension.
Below 3072 dimensions Gemini's vectors are not unit length, so every vector is normalised here.
"""

import asyncio
from collections.abc import Sequence

import numpy as np
from google import genai
from google.genai import types

from adapters.ai.circuit_breaker import CircuitBreaker
from adapters.ai.retry import RetryPolicy, with_retries
from adapters.ai.unit_vectors import unit_rows
from application.ai.ports import AIServiceError, EmbeddingTask

SERVICE = "gemini embeddings"
MAX_BATCH = 100
TASK_TYPES = {EmbeddingTask.DOCUMENT: "RETRIEVAL_DOCUMENT", EmbeddingTask.QUERY: "RETRIEVAL_QUERY"}


class GeminiEmbedder:
    def __init__(
        self,
        client: genai.Client,
        *,
        model: str = "gemini-embedding-001",
        dimension: int = 768,
        retry: RetryPolicy | None = None,
        timeout_seconds: float = 10.0,
        deadline_seconds: float = 15.0,
        max_concurrency: int = 4,
        breaker: CircuitBreaker | None = None,
    ) -> None:
        """`timeout_seconds` bounds each attempt, `deadline_seconds` each batch with its retries."""
        self._client, self._model, self._dimension = client, model, dimension
        self._retry = retry or RetryPolicy()
        self._timeout, self._deadline = timeout_seconds, deadline_seconds
        self._breaker = breaker or CircuitBreaker(SERVICE)
        self._slots = asyncio.Semaphore(max_concurrency)

    @property
    def model(self) -> str:
        return f"{self._model}-{self._dimension}"

    @property
    def dimension(self) -> int:
        return self._dimension

    async def embed(
        self, texts: Sequence[str], *, task: EmbeddingTask = EmbeddingTask.DOCUMENT
    ) -> list[list[float]]:
        """Batches are sent concurrently (a few at a time); AIServiceError when one fails after retries or
        the reply does not hold one vector of the configured dimension per text."""
        sent = [i for i, text in enumerate(texts) if text.strip()]  # Gemini refuses empty content
        batches = [[texts[i] for i in sent[j : j + MAX_BATCH]] for j in range(0, len(sent), MAX_BATCH)]
        results = await asyncio.gather(*(self._embed_batch(batch, task) for batch in batches))
        vectors = [[0.0] * self._dimension for _ in texts]
        for i, vector in zip(sent, (v for batch in results for v in batch), strict=True):
            vectors[i] = vector
        return vectors

    async def _embed_batch(self, texts: list[str], task: EmbeddingTask) -> list[list[float]]:
        async with self._slots:
            response = await self._breaker.call(
                lambda: with_retries(lambda: self._call(texts, task), service=SERVICE, policy=self._retry),
                deadline_seconds=self._deadline,
            )
        embeddings = response.embeddings or []
        values = [embedding.values or [] for embedding in embeddings]
        if len(values) != len(texts) or any(len(v) != self._dimension for v in values):
            raise AIServiceError(
                SERVICE, f"expected {len(texts)} vectors of {self._dimension} values, got another shape"
            )
        vectors: list[list[float]] = unit_rows(np.asarray(values, dtype=np.float32)).tolist()
        return vectors

    async def _call(self, texts: list[str], task: EmbeddingTask) -> types.EmbedContentResponse:
        config = types.EmbedContentConfig(task_type=TASK_TYPES[task], output_dimensionality=self._dimension)
        async with asyncio.timeout(self._timeout):
            return await self._client.aio.models.embed_content(
                model=self._model,
                contents=texts,
                config=config,
            )
