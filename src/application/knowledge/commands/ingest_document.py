"""Ops (or the system) add a document to the knowledge base, or replace it with a new version."""

import asyncio
import hashlib

import msgspec

from application.ai.ports import Embedder, VectorIndex, VectorRecord
from application.common.errors import InvalidInput
from application.common.ports import Clock, UnitOfWork
from application.knowledge.ports import (
    DocumentParser,
    KnowledgeRepository,
    NewDocument,
    StoredDocument,
    ai_services,
    namespace_for,
    vector_id,
)
from application.knowledge.views import IngestResult, IngestStatus
from application.staff.access import Operator, actor_id, require
from application.staff.audit import Audit, Origin
from domain.knowledge.chunking import CHUNKING_VERSION, ChunkDraft, chunk_sections
from domain.knowledge.document import MAX_DOCUMENT_BYTES, DocumentKind, slugify
from domain.knowledge.errors import DocumentTooLarge, UnreadableDocument

MANAGE = "documents.manage"
ACTION = "documents.ingest"


class IngestDocument(msgspec.Struct, frozen=True):
    filename: str
    data: bytes
    kind: DocumentKind = DocumentKind.GUIDE
    slug: str | None = None
    origin: Origin = Origin()


class IngestDocumentHandler:
    """Needs documents.manage (refusals are logged). Parses the file (type judged by content), chunks it by
    headings and, unless the same file was already ingested with the same chunking, embedding model and
    vector store (checksum), embeds the chunks, replaces the document's chunks in one transaction and then
    swaps its vectors: new ones written, then those of chunks that are gone deleted (SQLite may reuse a freed
    chunk id, whose vector the upsert overwrites). Search joins vectors to chunks in SQL, so a vector whose
    chunk is gone is never returned. Raises DocumentTooLarge (413), UnsupportedDocumentType (415),
    UnreadableDocument (422), InvalidInput (400) without a file, DocumentBusy (409) when the same new slug
    is being added at the same moment, DependencyUnavailable (503) when the
    embedder or vector index cannot answer (before the commit nothing is stored; after it, the chunks are
    kept unembedded and the next upload of the same file re-indexes them)."""

    def __init__(
        self,
        parser: DocumentParser,
        repository: KnowledgeRepository,
        embedder: Embedder,
        vectors: VectorIndex,
        uow: UnitOfWork,
        audit: Audit,
        clock: Clock,
    ) -> None:
        self._parser = parser
        self._repository = repository
        self._embedder = embedder
        self._vectors = vectors
        self._uow = uow
        self._audit = audit
        self._clock = clock

    async def execute(self, cmd: IngestDocument, *, actor: Operator) -> IngestResult:
        async with self._audit.refusals(
            actor, action=ACTION, target_type="document", target_id=cmd.slug, origin=cmd.origin
        ):
            require(actor, MANAGE)
        if not cmd.filename:
            raise InvalidInput("file", "attach the document as the multipart form field 'file'")
        if len(cmd.data) > MAX_DOCUMENT_BYTES:
            raise DocumentTooLarge(len(cmd.data), MAX_DOCUMENT_BYTES)
        # Parsing a PDF or DOCX takes up to seconds of CPU: off the event loop.
        parsed = await asyncio.to_thread(self._parser.parse, cmd.data, filename=cmd.filename)
        slug = slugify(cmd.slug) if cmd.slug else _slug_of(cmd.filename, parsed.title)
        chunks = chunk_sections(parsed.sections)
        if not chunks:
            raise UnreadableDocument(f"{cmd.filename}: no text found to index")
        checksum = self._checksum(cmd)
        existing = await self._repository.document(slug)
        status = _status(existing, checksum)
        if status == "unchanged" and existing is not None:
            if actor_id(actor) is not None:  # a member's no-op upload is logged; the seed's reruns are not
                await self._log(actor, cmd, slug, status, existing.version, len(existing.chunk_ids))
                await self._uow.commit()
            return IngestResult(slug, parsed.title, status, existing.version, len(existing.chunk_ids))
        async with ai_services():
            values = await self._embedder.embed([c.index_text(parsed.title) for c in chunks])
        doc = NewDocument(slug, parsed.title[:200], cmd.kind, parsed.body, checksum)
        saved = await self._repository.save(doc, chunks, now=self._clock.now())
        await self._log(actor, cmd, slug, status, saved.version, len(chunks))
        await self._uow.commit()
        await self._swap_vectors(slug, chunks, saved.chunk_ids, values, existing)
        return IngestResult(slug, parsed.title, status, saved.version, len(chunks))

    def _checksum(self, cmd: IngestDocument) -> str:
        digest = hashlib.sha256(cmd.data)
        store = self._vectors.location
        digest.update(f"|{cmd.kind}|{CHUNKING_VERSION}|{self._embedder.model}|{store}".encode())
        return digest.hexdigest()

    async def _swap_vectors(
        self,
        slug: str,
        chunks: list[ChunkDraft],
        ids: tuple[int, ...],
        values: list[list[float]],
        existing: StoredDocument | None,
    ) -> None:
        records = [
            VectorRecord(vector_id(cid), vec, {"document": slug, "heading": chunk.heading})
            for cid, chunk, vec in zip(ids, chunks, values, strict=True)
        ]
        async with ai_services():
            await self._vectors.upsert(records, namespace=namespace_for(self._embedder.model))
        await self._repository.mark_embedded(ids, model=self._embedder.model)
        await self._uow.commit()
        stale = set(existing.chunk_ids) - set(ids) if existing is not None else set()
        if stale:
            namespace = namespace_for(self._embedder.model)
            async with ai_services():
                await self._vectors.delete([vector_id(i) for i in sorted(stale)], namespace=namespace)

    async def _log(
        self, actor: Operator, cmd: IngestDocument, slug: str, status: str, version: int, chunks: int
    ) -> None:
        after = {"status": status, "version": version, "chunks": chunks, "filename": cmd.filename[:200]}
        await self._audit.record(
            by=actor_id(actor),
            action=ACTION,
            target_type="document",
            target_id=slug,
            origin=cmd.origin,
            after=after,
        )


def _slug_of(filename: str, title: str) -> str:
    """From the file name, else the title; a name in a script without ASCII letters ("नीति.md") gets a
    stable slug from a digest of the name."""
    for name in (filename, title):
        try:
            return slugify(name)
        except UnreadableDocument:
            continue
    return "document-" + hashlib.sha256(filename.encode()).hexdigest()[:12]


def _status(existing: StoredDocument | None, checksum: str) -> IngestStatus:
    if existing is None:
        return "created"
    if existing.checksum != checksum:
        return "updated"
    return "unchanged" if existing.embedded else "reindexed"
