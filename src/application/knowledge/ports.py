"""Ports of the knowledge base: reading files, storing documents and chunks, and keyword scoring."""

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from application.ai.ports import AIServiceError
from application.common.errors import DependencyUnavailable
from domain.knowledge.chunking import ChunkDraft
from domain.knowledge.document import DocumentKind, ParsedDocument


def namespace_for(model: str) -> str:
    """The vector namespace of the knowledge chunks embedded by `model`: vectors of two models never mix,
    and switching models re-ingests (the checksum includes the model) into a fresh namespace."""
    return f"knowledge-{model}"


@asynccontextmanager
async def ai_services() -> AsyncIterator[None]:
    """An embedder or vector index that cannot answer becomes DependencyUnavailable (503, Retry-After)."""
    try:
        yield
    except AIServiceError as exc:
        raise DependencyUnavailable(exc.service, exc.detail) from exc


def vector_id(chunk_id: int) -> str:
    return f"chunk-{chunk_id}"


def chunk_id_of(vector: str) -> int | None:
    prefix, _, number = vector.partition("-")
    return int(number) if prefix == "chunk" and number.isdigit() else None


class DocumentParser(Protocol):
    def parse(self, data: bytes, *, filename: str) -> ParsedDocument:
        """Sections of a PDF, DOCX, Markdown or text file. The type is judged by the content (the name's
        extension must agree with it). Raises UnsupportedDocumentType or UnreadableDocument."""
        ...


@dataclass(frozen=True, slots=True)
class ShippedFile:
    filename: str
    data: bytes
    kind: DocumentKind


class DocumentLibrary(Protocol):
    def files(self) -> list[ShippedFile]:
        """The documents that ship with Nexora (its own policies), in a stable order."""
        ...


@dataclass(frozen=True, slots=True)
class StoredDocument:
    id: int
    slug: str
    version: int
    checksum: str
    chunk_ids: tuple[int, ...]
    embedded: bool  # every chunk's vector was written (embedding_model set)


@dataclass(frozen=True, slots=True)
class NewDocument:
    slug: str
    title: str
    kind: DocumentKind
    body: str
    checksum: str


@dataclass(frozen=True, slots=True)
class SavedDocument:
    id: int
    version: int
    chunk_ids: tuple[int, ...]  # in the order of the chunks given


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    id: int
    slug: str
    title: str
    kind: str
    version: int
    chunks: int
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class StoredChunk:
    id: int
    document_slug: str
    document_title: str
    heading: str
    text: str


@dataclass(frozen=True, slots=True)
class CorpusEntry:
    chunk_id: int
    text: str  # title, heading path and text: what keyword search scores


class KnowledgeRepository(Protocol):
    """Documents and their chunks in SQL. Writes join the current transaction (the use case commits).
    Raises StorageUnavailable when the store cannot be reached."""

    async def document(self, slug: str) -> StoredDocument | None: ...

    async def save(self, doc: NewDocument, chunks: Sequence[ChunkDraft], *, now: datetime) -> SavedDocument:
        """Add the document, or replace an existing one of the same slug (its version goes up, its old
        chunks are deleted and the new ones added in the same transaction); chunks start unembedded."""
        ...

    async def mark_embedded(self, chunk_ids: Sequence[int], *, model: str) -> None: ...

    async def documents(self) -> list[DocumentSummary]:
        """Active documents by slug, with their chunk counts."""
        ...

    async def chunks(self, ids: Sequence[int]) -> list[StoredChunk]:
        """Those of `ids` that exist in active documents (a vanished id is silently left out), any order."""
        ...

    async def corpus_version(self) -> str:
        """Changes whenever a chunk is added or removed (cheap: one aggregate query)."""
        ...

    async def corpus(self) -> list[CorpusEntry]:
        """Every chunk of every active document."""
        ...


class KeywordScorer(Protocol):
    def search(self, text: str, *, limit: int) -> list[tuple[int, float]]:
        """(chunk id, score) of the best `limit` chunks for `text`, best first; chunks sharing no term with
        the text are left out."""
        ...


class KeywordScorerFactory(Protocol):
    def build(self, corpus: Sequence[CorpusEntry]) -> KeywordScorer: ...
