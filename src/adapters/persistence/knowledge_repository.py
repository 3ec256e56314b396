"""Knowledge-base documents and chunks over SQLAlchemy Core (SQLite and MySQL/MariaDB)."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence import tables
from adapters.persistence.errors import storage_errors
from adapters.persistence.locking import hold_write_lock
from application.knowledge.errors import DocumentBusy
from application.knowledge.ports import (
    CorpusEntry,
    DocumentSummary,
    NewDocument,
    SavedDocument,
    StoredChunk,
    StoredDocument,
)
from domain.knowledge.chunking import ChunkDraft, index_text

TEXT_BYTES = 65_535  # a MySQL TEXT column; the chunks keep the whole text
_d = tables.documents.c
_c = tables.document_chunks.c


def fit_text(text: str, limit: int = TEXT_BYTES) -> str:
    """`text` cut to at most `limit` bytes of UTF-8, never inside a character."""
    data = text.encode()
    return text if len(data) <= limit else data[:limit].decode(errors="ignore")


class SqlaKnowledgeRepository:
    """The KnowledgeRepository port. `save` locks the document's row (MariaDB) while it swaps the chunks; two
    requests adding the same new slug at once: the second gets DocumentBusy (409)."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def document(self, slug: str) -> StoredDocument | None:
        async with storage_errors():
            row = (
                await self._session.execute(
                    select(_d.id, _d.version, _d.checksum).where(_d.slug == slug, _d.is_active.is_(True))
                )
            ).first()
            if row is None:
                return None
            chunks = (
                await self._session.execute(
                    select(_c.id, _c.embedding_model).where(_c.document_id == row.id).order_by(_c.ordinal)
                )
            ).all()
        embedded = all(c.embedding_model is not None for c in chunks)
        return StoredDocument(row.id, slug, row.version, row.checksum, tuple(c.id for c in chunks), embedded)

    async def save(self, doc: NewDocument, chunks: Sequence[ChunkDraft], *, now: datetime) -> SavedDocument:
        values: dict[str, Any] = {
            "title": doc.title,
            "kind": doc.kind.value,
            "body": fit_text(doc.body),
            "checksum": doc.checksum,
            "is_active": True,
            "updated_at": now,
        }
        await hold_write_lock(self._session)  # SQLite ignores FOR UPDATE: the version must not be lost
        async with storage_errors():
            row = (
                await self._session.execute(
                    select(_d.id, _d.version).where(_d.slug == doc.slug).with_for_update()
                )
            ).first()
            if row is None:
                inserted = insert(tables.documents).values(slug=doc.slug, version=1, created_at=now, **values)
                try:
                    result = cast(CursorResult[Any], await self._session.execute(inserted))
                except IntegrityError as exc:
                    await self._session.rollback()
                    raise DocumentBusy(doc.slug) from exc
                key = result.inserted_primary_key
                assert key is not None
                doc_id, version = int(key[0]), 1
            else:
                doc_id, version = row.id, row.version + 1
                await self._session.execute(
                    update(tables.documents).where(_d.id == doc_id).values(version=version, **values)
                )
                await self._session.execute(delete(tables.document_chunks).where(_c.document_id == doc_id))
            if chunks:
                await self._session.execute(
                    insert(tables.document_chunks),
                    [
                        {
                            "document_id": doc_id,
                            "ordinal": c.ordinal,
                            "heading": c.heading[:200],
                            "text": c.text,
                            "token_count": c.token_count,
                            "created_at": now,
                        }
                        for c in chunks
                    ],
                )
            ids = (
                await self._session.execute(
                    select(_c.id).where(_c.document_id == doc_id).order_by(_c.ordinal)
                )
            ).scalars()
            return SavedDocument(doc_id, version, tuple(ids))

    async def mark_embedded(self, chunk_ids: Sequence[int], *, model: str) -> None:
        if not chunk_ids:
            return
        async with storage_errors():
            await self._session.execute(
                update(tables.document_chunks).where(_c.id.in_(chunk_ids)).values(embedding_model=model[:80])
            )

    async def documents(self) -> list[DocumentSummary]:
        counts = (
            select(_c.document_id, func.count().label("n")).group_by(_c.document_id).subquery("chunk_counts")
        )
        query = (
            select(_d.id, _d.slug, _d.title, _d.kind, _d.version, _d.updated_at, counts.c.n)
            .outerjoin(counts, counts.c.document_id == _d.id)
            .where(_d.is_active.is_(True))
            .order_by(_d.slug)
        )
        async with storage_errors():
            rows = (await self._session.execute(query)).all()
        return [
            DocumentSummary(r.id, r.slug, r.title, r.kind, r.version, r.n or 0, r.updated_at) for r in rows
        ]

    async def chunks(self, ids: Sequence[int]) -> list[StoredChunk]:
        if not ids:
            return []
        query = (
            select(_c.id, _d.slug, _d.title, _c.heading, _c.text)
            .join(tables.documents, _d.id == _c.document_id)
            .where(_c.id.in_(list(ids)), _d.is_active.is_(True))
        )
        async with storage_errors():
            rows = (await self._session.execute(query)).all()
        return [StoredChunk(r.id, r.slug, r.title, r.heading, r.text) for r in rows]

    async def corpus_version(self) -> str:
        """Read from the few document rows, not the chunks: chunks change only in `save`, which adds a
        document or bumps its version."""
        query = select(
            func.count(_d.id), func.coalesce(func.max(_d.id), 0), func.coalesce(func.sum(_d.version), 0)
        ).where(_d.is_active.is_(True))
        async with storage_errors():
            count, top, versions = (await self._session.execute(query)).one()
        return f"{count}:{top}:{versions}"

    async def corpus(self) -> list[CorpusEntry]:
        query = (
            select(_c.id, _d.title, _c.heading, _c.text)
            .join(tables.documents, _d.id == _c.document_id)
            .where(_d.is_active.is_(True))
            .order_by(_c.id)
        )
        async with storage_errors():
            rows = (await self._session.execute(query)).all()
        return [CorpusEntry(r.id, index_text(r.title, r.heading, r.text)) for r in rows]
