"""The knowledge base: file parsing, the SQL store of documents and chunks, the per-process keyword index,
the shipped policies, and the use cases (the embedder and vector index come from the AI provider)."""

from dishka import Provider, Scope, provide, provide_all

from adapters.knowledge.bm25 import Bm25ScorerFactory
from adapters.knowledge.library import PackagedPolicyLibrary
from adapters.knowledge.parsers import FileDocumentParser
from adapters.persistence.knowledge_repository import SqlaKnowledgeRepository
from application.ai.ports import Embedder, VectorIndex
from application.knowledge.commands.ingest_document import IngestDocumentHandler
from application.knowledge.commands.ingest_library import IngestLibraryHandler
from application.knowledge.keyword_index import KeywordIndex
from application.knowledge.ports import (
    DocumentLibrary,
    DocumentParser,
    KeywordScorerFactory,
    KnowledgeRepository,
)
from application.knowledge.queries.evaluate_retrieval import EvaluateRetrieval
from application.knowledge.queries.list_documents import ListDocuments
from application.knowledge.queries.search_knowledge import SearchKnowledge
from entrypoints.settings import Settings


class KnowledgeProvider(Provider):
    scope = Scope.APP

    parser = provide(FileDocumentParser, provides=DocumentParser)
    library = provide(PackagedPolicyLibrary, provides=DocumentLibrary)
    scorer_factory = provide(Bm25ScorerFactory, provides=KeywordScorerFactory)
    keyword_index = provide(KeywordIndex)
    repository = provide(SqlaKnowledgeRepository, provides=KnowledgeRepository, scope=Scope.REQUEST)

    @provide(scope=Scope.REQUEST)
    def search(
        self,
        repository: KnowledgeRepository,
        keywords: KeywordIndex,
        embedder: Embedder,
        vectors: VectorIndex,
        settings: Settings,
    ) -> SearchKnowledge:
        return SearchKnowledge(
            repository, keywords, embedder, vectors, settings.knowledge_vector_budget_seconds
        )

    handlers = provide_all(
        IngestDocumentHandler,
        IngestLibraryHandler,
        ListDocuments,
        EvaluateRetrieval,
        scope=Scope.REQUEST,
    )
