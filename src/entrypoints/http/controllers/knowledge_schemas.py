"""HTTP schemas of the knowledge base: search results, documents and ingestion outcomes."""

from datetime import datetime
from typing import Annotated

import msgspec

from entrypoints.http.schemas import Schema


class KnowledgeHitOut(Schema):
    chunk_id: int
    document_slug: Annotated[str, msgspec.Meta(examples=["cancellation-and-refund"])]
    document_title: str
    heading: Annotated[str, msgspec.Meta(description="Section path, e.g. 'Refund windows by category'")]
    text: str
    score: Annotated[float, msgspec.Meta(description="Reciprocal-rank-fusion score; higher is better")]


class KnowledgeSearchOut(Schema):
    query: str
    mode: str
    items: list[KnowledgeHitOut]
    vector_available: bool


class IngestOut(Schema):
    slug: str
    title: str
    status: Annotated[str, msgspec.Meta(description="created, updated, unchanged or reindexed")]
    version: int
    chunks: int


class DocumentOut(Schema):
    id: int
    slug: str
    title: str
    kind: str
    version: int
    chunks: int
    updated_at: datetime


class DocumentListOut(Schema):
    items: list[DocumentOut]
