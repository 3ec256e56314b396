"""The offline embedder: WordLlama's 256-dimension weights, shipped inside the wordllama wheel.

Nothing is downloaded: the weights and the tokenizer are read from the installed package folder and
`disable_download=True` turns a missing file into an error instead of a Hugging Face request.
"""

import asyncio
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from adapters.ai.unit_vectors import unit_rows
from application.ai.ports import AIServiceError, EmbeddingTask

MODEL = "wordllama-l2-supercat-256"
DIMENSION = 256
_OFF_LOOP_ABOVE = 32  # texts; smaller batches take well under a millisecond


@functools.cache
def load_wordllama() -> Any:
    """The WordLlama model read from the package's own weights and tokenizer folders (no network); loaded
    once per process and shared (the embedder and the intent model use the same one; it is stateless)."""
    try:
        import wordllama
        from wordllama import WordLlama

        return WordLlama.load(
            config="l2_supercat",
            dim=DIMENSION,
            cache_dir=Path(wordllama.__file__).parent,
            disable_download=True,
        )
    except (ImportError, OSError, ValueError) as exc:
        raise AIServiceError("wordllama", f"the shipped weights could not be loaded: {exc}") from exc


class WordLlamaEmbedder:
    """Unit-length 256-float vectors for texts; the task is ignored (the model is symmetric).

    The model loads once, on first use, off the event loop; batches larger than a few dozen texts are also
    embedded off the loop, at most `max_concurrency` at a time.
    """

    def __init__(self, *, max_concurrency: int = 2, batch_size: int = 256) -> None:
        self._model: Any = None
        self._load_lock = asyncio.Lock()
        self._slots = asyncio.Semaphore(max_concurrency)
        self._batch_size = batch_size

    @property
    def model(self) -> str:
        return MODEL

    @property
    def dimension(self) -> int:
        return DIMENSION

    async def embed(
        self, texts: Sequence[str], *, task: EmbeddingTask = EmbeddingTask.DOCUMENT
    ) -> list[list[float]]:
        if not texts:
            return []
        model = await self._loaded()
        batch = list(texts)
        if len(batch) <= _OFF_LOOP_ABOVE:
            return self._embed_now(model, batch)
        async with self._slots:
            return await asyncio.to_thread(self._embed_now, model, batch)

    async def _loaded(self) -> Any:
        if self._model is None:
            async with self._load_lock:
                if self._model is None:
                    self._model = await asyncio.to_thread(load_wordllama)
        return self._model

    def _embed_now(self, model: Any, texts: list[str]) -> list[list[float]]:
        vectors = np.asarray(model.embed(texts, norm=False, batch_size=self._batch_size), dtype=np.float32)
        vectors = vectors.reshape(len(texts), DIMENSION)
        rows: list[list[float]] = unit_rows(vectors).tolist()
        return rows
