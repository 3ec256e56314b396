"""One suite for the Embedder port: the hashing fake, offline WordLlama, and Gemini (the real google-genai
client against the local Gemini stub)."""

import math
from collections.abc import Iterator
from typing import Any

import pytest

from adapters.ai.gemini_embedder import GeminiEmbedder
from adapters.ai.gemini_llm import make_gemini_client
from adapters.ai.retry import RetryPolicy
from adapters.ai.wordllama_embedder import WordLlamaEmbedder
from application.ai.ports import Embedder, EmbeddingTask
from tests.vector_fakes import HashingEmbedder

FAST_RETRY = RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.02)
_WORDLLAMA = WordLlamaEmbedder()  # loads its weights once for the whole module


def gemini_embedder(stub: Any, dimension: int = 16) -> GeminiEmbedder:
    client = make_gemini_client(stub.api_key, base_url=stub.base_url, timeout_seconds=5)
    return GeminiEmbedder(client, dimension=dimension, retry=FAST_RETRY, timeout_seconds=5)


@pytest.fixture(params=["hashing", "wordllama", "gemini"])
def embedder(request: pytest.FixtureRequest) -> Iterator[Embedder]:
    if request.param == "hashing":
        yield HashingEmbedder()
    elif request.param == "wordllama":
        yield _WORDLLAMA
    else:
        yield gemini_embedder(request.getfixturevalue("gemini_stub"))


def _length(vector: list[float]) -> float:
    return math.sqrt(sum(v * v for v in vector))


async def test_each_text_gets_one_unit_vector_in_order_when_embedded(embedder: Embedder) -> None:
    texts = ["Book a plumber for a leaking tap", "AC not cooling", "kal subah safai chahiye"]
    vectors = await embedder.embed(texts)
    assert len(vectors) == 3
    assert all(len(v) == embedder.dimension for v in vectors)
    assert all(_length(v) == pytest.approx(1.0, abs=1e-4) for v in vectors)
    assert await embedder.embed([texts[1]]) == [pytest.approx(vectors[1], abs=1e-5)]


async def test_nothing_is_returned_when_no_texts_are_given(embedder: Embedder) -> None:
    assert await embedder.embed([], task=EmbeddingTask.QUERY) == []


async def test_large_batches_keep_their_order_when_split(embedder: Embedder) -> None:
    texts = [f"request number {n} for deep cleaning in sector {n % 7}" for n in range(230)]
    vectors = await embedder.embed(texts)
    assert len(vectors) == 230
    assert vectors[57] == pytest.approx((await embedder.embed([texts[57]]))[0], abs=1e-5)


async def test_model_names_the_dimension_when_asked(embedder: Embedder) -> None:
    assert embedder.model
    assert str(embedder.dimension) in embedder.model
