"""In-memory fakes of the knowledge-base ports, and a world wiring the use cases over them."""

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from adapters.knowledge.bm25 import Bm25ScorerFactory, tokens
from adapters.knowledge.library import PackagedPolicyLibrary
from adapters.knowledge.parsers import FileDocumentParser
from application.ai.ports import AIServiceError, EmbeddingTask, MetadataValue, VectorMatch, VectorRecord
from application.knowledge.commands.ingest_document import IngestDocumentHandler
from application.knowledge.commands.ingest_library import IngestLibraryHandler
from application.knowledge.keyword_index import KeywordIndex
from application.knowledge.ports import (
    CorpusEntry,
    DocumentSummary,
    NewDocument,
    SavedDocument,
    StoredChunk,
    StoredDocument,
)
from application.knowledge.queries.search_knowledge import SearchKnowledge
from application.staff.audit import Audit
from domain.knowledge.chunking import ChunkDraft, index_text
from tests.fakes import FakeClock
from tests.staff_fakes import FakeTransaction, RecordingActivityLog


@dataclass
class _Doc:
    id: int
    doc: NewDocument
    version: int
    updated_at: datetime
    chunks: dict[int, tuple[ChunkDraft, str | None]] = field(default_factory=dict)


class InMemoryKnowledgeRepository:
    """KnowledgeRepository whose writes land on the fake transaction's commit."""

    def __init__(self, tx: FakeTransaction) -> None:
        self._tx = tx
        self.docs: dict[str, _Doc] = {}
        self._next_doc = 1
        self._next_chunk = 1

    async def document(self, slug: str) -> StoredDocument | None:
        d = self.docs.get(slug)
        if d is None:
            return None
        embedded = all(model is not None for _, model in d.chunks.values())
        return StoredDocument(d.id, slug, d.version, d.doc.checksum, tuple(d.chunks), embedded)

    async def save(self, doc: NewDocument, chunks: Sequence[ChunkDraft], *, now: datetime) -> SavedDocument:
        old = self.docs.get(doc.slug)
        doc_id = old.id if old else self._next_doc
        self._next_doc += 0 if old else 1
        ids = tuple(range(self._next_chunk, self._next_chunk + len(chunks)))
        self._next_chunk += len(chunks)
        version = old.version + 1 if old else 1
        stored = _Doc(doc_id, doc, version, now, {i: (c, None) for i, c in zip(ids, chunks, strict=True)})
        self._tx.later(lambda: self.docs.__setitem__(doc.slug, stored))
        return SavedDocument(doc_id, version, ids)

    async def mark_embedded(self, chunk_ids: Sequence[int], *, model: str) -> None:
        def apply() -> None:
            for d in self.docs.values():
                for cid in chunk_ids:
                    if cid in d.chunks:
                        d.chunks[cid] = (d.chunks[cid][0], model)

        self._tx.later(apply)

    async def documents(self) -> list[DocumentSummary]:
        return [
            DocumentSummary(d.id, s, d.doc.title, d.doc.kind.value, d.version, len(d.chunks), d.updated_at)
            for s, d in sorted(self.docs.items())
        ]

    async def chunks(self, ids: Sequence[int]) -> list[StoredChunk]:
        wanted = set(ids)
        return [
            StoredChunk(cid, d.doc.slug, d.doc.title, chunk.heading, chunk.text)
            for d in self.docs.values()
            for cid, (chunk, _) in d.chunks.items()
            if cid in wanted
        ]

    async def corpus_version(self) -> str:
        ids = [cid for d in self.docs.values() for cid in d.chunks]
        return f"{len(ids)}:{max(ids, default=0)}"

    async def corpus(self) -> list[CorpusEntry]:
        return [
            CorpusEntry(cid, index_text(d.doc.title, chunk.heading, chunk.text))
            for d in self.docs.values()
            for cid, (chunk, _) in d.chunks.items()
        ]


class HashingEmbedder:
    """Bag-of-stemmed-words hashed into 64 dimensions: similar wording gives similar vectors."""

    model = "fake-hash-64"
    dimension = 64

    def __init__(self) -> None:
        self.calls = 0
        self.down = False

    async def embed(
        self, texts: Sequence[str], *, task: EmbeddingTask = EmbeddingTask.DOCUMENT
    ) -> list[list[float]]:
        if self.down:
            raise AIServiceError("embedder", "down", retryable=True)
        self.calls += 1
        out = []
        for text in texts:
            vec = [0.0] * self.dimension
            for token in tokens(text):
                vec[int(hashlib.md5(token.encode()).hexdigest(), 16) % self.dimension] += 1.0
            norm = math.sqrt(sum(v * v for v in vec)) or 1.0
            out.append([v / norm for v in vec])
        return out


class InMemoryVectorIndex:
    def __init__(self, location: str = "memory") -> None:
        self.spaces: dict[str, dict[str, VectorRecord]] = {}
        self.location = location

    async def upsert(self, records: Sequence[VectorRecord], *, namespace: str) -> None:
        self.spaces.setdefault(namespace, {}).update({r.id: r for r in records})

    async def query(
        self,
        vector: Sequence[float],
        *,
        top_k: int,
        namespace: str,
        where: Mapping[str, MetadataValue] | None = None,
    ) -> list[VectorMatch]:
        scored = [
            VectorMatch(r.id, sum(a * b for a, b in zip(vector, r.values, strict=True)), r.metadata)
            for r in self.spaces.get(namespace, {}).values()
            if not where or all(r.metadata.get(k) == v for k, v in where.items())
        ]
        return sorted(scored, key=lambda m: -m.score)[:top_k]

    async def delete(self, ids: Sequence[str], *, namespace: str) -> None:
        for i in ids:
            self.spaces.get(namespace, {}).pop(i, None)

    async def count(self, *, namespace: str) -> int:
        return len(self.spaces.get(namespace, {}))


class KnowledgeWorld:
    """The knowledge use cases over the fakes and the real parser, chunker and BM25."""

    def __init__(self) -> None:
        self.tx = FakeTransaction()
        self.log = RecordingActivityLog(self.tx)
        self.clock = FakeClock()
        self.repository = InMemoryKnowledgeRepository(self.tx)
        self.embedder = HashingEmbedder()
        self.vectors = InMemoryVectorIndex()
        self.keywords = KeywordIndex(Bm25ScorerFactory())
        self.ingest = IngestDocumentHandler(
            FileDocumentParser(),
            self.repository,
            self.embedder,
            self.vectors,
            self.tx,
            Audit(self.log, self.tx, self.clock),
            self.clock,
        )
        self.library = IngestLibraryHandler(PackagedPolicyLibrary(), self.ingest)
        self.search = SearchKnowledge(self.repository, self.keywords, self.embedder, self.vectors)
