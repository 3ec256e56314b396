"""What the knowledge use cases return."""

from datetime import datetime
from typing import Literal

import msgspec

IngestStatus = Literal["created", "updated", "unchanged", "reindexed"]
SearchMode = Literal["hybrid", "keyword", "vector"]


class IngestResult(msgspec.Struct, frozen=True):
    slug: str
    title: str
    status: IngestStatus
    version: int
    chunks: int


class DocumentView(msgspec.Struct, frozen=True):
    id: int
    slug: str
    title: str
    kind: str
    version: int
    chunks: int
    updated_at: datetime


class KnowledgeHit(msgspec.Struct, frozen=True):
    chunk_id: int
    document_slug: str
    document_title: str
    heading: str
    text: str
    score: float


class KnowledgeSearchResult(msgspec.Struct, frozen=True):
    query: str
    mode: SearchMode
    items: list[KnowledgeHit]
    vector_available: bool = True
