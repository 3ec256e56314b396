"""Searching the knowledge base (Nexora's policies and guides): hybrid keyword + vector search."""

from typing import Annotated, Literal

from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, get
from litestar.params import FromQuery, Parameter

from application.knowledge.queries.search_knowledge import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_QUERY_CHARS,
    SearchKnowledge,
    SearchKnowledgeQuery,
)
from entrypoints.http.ai_rate_limit import public_ai_rate_limit
from entrypoints.http.controllers.knowledge_schemas import KnowledgeSearchOut
from entrypoints.http.schemas import to_schema


class KnowledgeController(Controller):
    path = "/api/v1/knowledge"
    guards = [public_ai_rate_limit]  # may call a paid model: per-client limit
    tags = ["knowledge"]

    @get("/search", summary="Search the policies and guides (BM25 + vectors, fused by reciprocal rank)")
    @inject
    async def search(
        self,
        handler: FromDishka[SearchKnowledge],
        q: FromQuery[
            Annotated[str, Parameter(description=f"What to look for, 1 to {MAX_QUERY_CHARS} chars")]
        ],
        limit: FromQuery[Annotated[int, Parameter(description=f"Results, 1 to {MAX_LIMIT}")]] = DEFAULT_LIMIT,
        mode: FromQuery[
            Annotated[Literal["hybrid", "keyword", "vector"], Parameter(description="Retriever(s) to use")]
        ] = "hybrid",
    ) -> KnowledgeSearchOut:
        result = await handler.execute(SearchKnowledgeQuery(text=q, limit=limit, mode=mode))
        return to_schema(result, KnowledgeSearchOut)
