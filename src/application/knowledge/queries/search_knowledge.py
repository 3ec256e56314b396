"""Hybrid search of the knowledge base: BM25 keywords and vector similarity, fused by reciprocal rank."""

import asyncio
import logging

import msgspec

from application.ai.ports import AIServiceError, Embedder, EmbeddingTask, VectorIndex
from application.common.errors import DependencyUnavailable
from application.knowledge.keyword_index import KeywordIndex
from application.knowledge.ports import KnowledgeRepository, chunk_id_of, namespace_for
from application.knowledge.views import KnowledgeHit, KnowledgeSearchResult, SearchMode
from domain.knowledge.errors import InvalidSearchQuery
from domain.knowledge.ranking import reciprocal_rank_fusion

MAX_QUERY_CHARS = 500
MAX_LIMIT = 20
DEFAULT_LIMIT = 5
CANDIDATES = 40
VECTOR_BUDGET_SECONDS = 2.5
log = logging.getLogger("nexora.knowledge")


class SearchKnowledgeQuery(msgspec.Struct, frozen=True):
    text: str
    limit: int = DEFAULT_LIMIT
    mode: SearchMode = "hybrid"


class SearchKnowledge:
    """Anyone may search (the documents are public policies). Raises InvalidSearchQuery (422) for a blank or
    over-long query or a limit outside 1..MAX_LIMIT, DependencyUnavailable (503) in vector mode when the
    embedder or index cannot answer. When the embedder or vector index is down or does not answer within
    `vector_budget_seconds`, hybrid search answers from keywords alone and says so
    (`vector_available=False`). Chunks whose document was replaced since their vector was written are
    dropped, never returned."""

    def __init__(
        self,
        repository: KnowledgeRepository,
        keywords: KeywordIndex,
        embedder: Embedder,
        vectors: VectorIndex,
        vector_budget_seconds: float = VECTOR_BUDGET_SECONDS,
    ) -> None:
        self._budget = vector_budget_seconds
        self._repository = repository
        self._keywords = keywords
        self._embedder = embedder
        self._vectors = vectors

    async def execute(self, query: SearchKnowledgeQuery) -> KnowledgeSearchResult:
        text = " ".join(query.text.split())
        if not text:
            raise InvalidSearchQuery("the query is empty")
        if len(text) > MAX_QUERY_CHARS:
            raise InvalidSearchQuery(f"the query is longer than {MAX_QUERY_CHARS} characters")
        if not 1 <= query.limit <= MAX_LIMIT:
            raise InvalidSearchQuery(f"limit must be between 1 and {MAX_LIMIT}")
        rankings: list[list[int]] = []
        vector_available = True
        if query.mode != "vector":
            scorer = await self._keywords.scorer(self._repository)
            rankings.append([cid for cid, _ in scorer.search(text, limit=CANDIDATES)])
        if query.mode != "keyword":
            try:
                rankings.append(await self._vector_ranking(text))
            except AIServiceError as exc:
                if query.mode == "vector":
                    raise DependencyUnavailable(exc.service, exc.detail) from exc
                log.warning("knowledge search without vectors: %s", exc)
                vector_available = False
        fused = reciprocal_rank_fusion(rankings)[: query.limit * 2]
        found = {c.id: c for c in await self._repository.chunks([cid for cid, _ in fused])}
        hits = [
            KnowledgeHit(cid, c.document_slug, c.document_title, c.heading, c.text, round(score, 6))
            for cid, score in fused
            if (c := found.get(cid)) is not None
        ]
        return KnowledgeSearchResult(text, query.mode, hits[: query.limit], vector_available)

    async def _vector_ranking(self, text: str) -> list[int]:
        try:
            async with asyncio.timeout(self._budget):
                return await self._nearest(text)
        except TimeoutError:
            raise AIServiceError("vector search", f"no answer within {self._budget:g} s") from None

    async def _nearest(self, text: str) -> list[int]:
        [vector] = await self._embedder.embed([text], task=EmbeddingTask.QUERY)
        matches = await self._vectors.query(
            vector, top_k=CANDIDATES, namespace=namespace_for(self._embedder.model)
        )
        return [cid for m in matches if (cid := chunk_id_of(m.id)) is not None]
