"""Settings and wiring of the embedder and the vector index."""

import os
from pathlib import Path

import pytest

from adapters.ai.gemini_embedder import GeminiEmbedder
from adapters.ai.pinecone_index import PineconeVectorIndex
from adapters.ai.sql_vector_index import SqlaVectorIndex
from adapters.ai.wordllama_embedder import WordLlamaEmbedder
from application.ai.ports import Embedder, VectorIndex
from entrypoints.ioc.container import make_container
from entrypoints.settings import OFFLINE_EMBEDDING_DIMENSION, InvalidSettings, load_settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in list(os.environ):
        if name.startswith("NEXORA_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEXORA_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'vectors.db'}")
    return tmp_path


def test_pinecone_refuses_to_start_when_its_key_or_host_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEXORA_VECTOR_PROVIDER", "pinecone")
    monkeypatch.setenv("NEXORA_PINECONE_INDEX_HOST", "https://nexora-abc.svc.pinecone.io")
    with pytest.raises(InvalidSettings) as caught:
        load_settings()
    assert "NEXORA_PINECONE_API_KEY" in str(caught.value)


def test_pinecone_host_without_scheme_is_refused_when_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEXORA_PINECONE_INDEX_HOST", "nexora-abc.svc.pinecone.io")
    with pytest.raises(InvalidSettings) as caught:
        load_settings()
    assert "NEXORA_PINECONE_INDEX_HOST" in str(caught.value)


def test_pinecone_key_is_hidden_when_settings_are_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEXORA_PINECONE_API_KEY", "pcsk_secret_value")
    assert "pcsk_secret_value" not in repr(load_settings())


def test_gemini_embeddings_refuse_to_start_when_no_gemini_key_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEXORA_EMBEDDING_PROVIDER", "gemini")
    with pytest.raises(InvalidSettings) as caught:
        load_settings()
    assert "NEXORA_GEMINI_API_KEY" in str(caught.value)


def test_embeddings_follow_the_language_model_when_left_on_auto(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().resolved_embedding_provider == "offline"
    monkeypatch.setenv("NEXORA_LLM_PROVIDER", "gemini")
    monkeypatch.setenv("NEXORA_GEMINI_API_KEY", "g-key")
    assert load_settings().resolved_embedding_provider == "gemini"
    monkeypatch.setenv("NEXORA_EMBEDDING_PROVIDER", "offline")
    assert load_settings().resolved_embedding_provider == "offline"


async def test_offline_adapters_are_wired_when_nothing_is_configured() -> None:
    container = make_container(load_settings())
    try:
        assert isinstance(await container.get(Embedder), WordLlamaEmbedder)
        assert isinstance(await container.get(VectorIndex), SqlaVectorIndex)
    finally:
        await container.close()


async def test_gemini_and_pinecone_are_wired_when_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEXORA_EMBEDDING_PROVIDER", "gemini")
    monkeypatch.setenv("NEXORA_GEMINI_API_KEY", "g-key")
    monkeypatch.setenv("NEXORA_EMBEDDING_DIMENSION", "1536")
    monkeypatch.setenv("NEXORA_VECTOR_PROVIDER", "pinecone")
    monkeypatch.setenv("NEXORA_PINECONE_API_KEY", "pc-key")
    monkeypatch.setenv("NEXORA_PINECONE_INDEX_HOST", "http://127.0.0.1:9")
    container = make_container(load_settings())
    try:
        embedder = await container.get(Embedder)
        assert isinstance(embedder, GeminiEmbedder)
        assert embedder.dimension == 1536
        assert isinstance(await container.get(VectorIndex), PineconeVectorIndex)
    finally:
        await container.close()


def test_offline_embeddings_with_pinecone_refuse_to_start_when_the_dimension_differs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEXORA_VECTOR_PROVIDER", "pinecone")
    monkeypatch.setenv("NEXORA_PINECONE_API_KEY", "pcsk_key")
    monkeypatch.setenv("NEXORA_PINECONE_INDEX_HOST", "https://nexora-abc.svc.pinecone.io")
    with pytest.raises(InvalidSettings) as caught:
        load_settings()
    assert "NEXORA_EMBEDDING_DIMENSION=768" in str(caught.value)
    assert "256" in str(caught.value)

    monkeypatch.setenv("NEXORA_EMBEDDING_DIMENSION", "256")
    assert load_settings().embedding_dimension == WordLlamaEmbedder().dimension == OFFLINE_EMBEDDING_DIMENSION
