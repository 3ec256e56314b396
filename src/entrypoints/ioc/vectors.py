"""Embeddings and the vector index: offline WordLlama and the SQL index by default; Gemini embeddings
(NEXORA_EMBEDDING_PROVIDER, `auto` follows NEXORA_LLM_PROVIDER) and Pinecone (NEXORA_VECTOR_PROVIDER)."""

from collections.abc import AsyncIterator

from dishka import Provider, Scope, provide
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.ai.sql_vector_index import SqlaVectorIndex
from adapters.ai.wordllama_embedder import WordLlamaEmbedder
from application.ai.ports import Embedder, VectorIndex
from entrypoints.ioc.ai import breaker_for
from entrypoints.settings import Settings


class VectorsProvider(Provider):
    scope = Scope.APP

    @provide
    async def embedder(self, settings: Settings) -> AsyncIterator[Embedder]:
        if settings.resolved_embedding_provider == "offline":
            yield WordLlamaEmbedder()
            return
        from adapters.ai.gemini_embedder import GeminiEmbedder  # loaded only when used
        from adapters.ai.gemini_llm import make_gemini_client
        from adapters.ai.retry import RetryPolicy

        assert settings.gemini_api_key is not None  # enforced by Settings
        client = make_gemini_client(
            settings.gemini_api_key.get_secret_value(),
            base_url=settings.gemini_base_url,
            timeout_seconds=settings.llm_timeout_seconds,
        )
        yield GeminiEmbedder(
            client,
            model=settings.embedding_model,
            dimension=settings.embedding_dimension,
            retry=RetryPolicy(max_attempts=settings.llm_max_attempts),
            timeout_seconds=settings.llm_timeout_seconds,
            deadline_seconds=settings.llm_deadline_seconds,
            breaker=breaker_for(
                "gemini embeddings", settings, slow_call_seconds=settings.knowledge_vector_budget_seconds
            ),
        )
        await client.aio.aclose()

    @provide
    async def vector_index(self, settings: Settings, engine: AsyncEngine) -> AsyncIterator[VectorIndex]:
        if settings.vector_provider == "local":
            yield SqlaVectorIndex(engine)
            return
        from adapters.ai.pinecone_index import (  # loaded only when used
            PineconeVectorIndex,
            make_pinecone_index,
        )

        assert settings.pinecone_api_key is not None  # both enforced by Settings
        assert settings.pinecone_index_host is not None
        index = PineconeVectorIndex(
            make_pinecone_index(
                settings.pinecone_index_host,
                settings.pinecone_api_key.get_secret_value(),
                timeout_seconds=settings.pinecone_timeout_seconds,
            ),
            deadline_seconds=settings.pinecone_deadline_seconds,
            breaker=breaker_for(
                "pinecone", settings, slow_call_seconds=settings.knowledge_vector_budget_seconds
            ),
            location=f"pinecone:{settings.pinecone_index_host}",
        )
        yield index
        await index.close()
