"""One suite for the KnowledgeRepository port: the in-memory fake, SQLite and MariaDB must agree."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.persistence.customer_repository import SqlaUnitOfWork
from adapters.persistence.engine import create_engine, create_session_factory
from adapters.persistence.knowledge_repository import SqlaKnowledgeRepository
from application.common.ports import UnitOfWork
from application.knowledge.errors import DocumentBusy
from application.knowledge.ports import KnowledgeRepository, NewDocument
from domain.knowledge.chunking import ChunkDraft
from domain.knowledge.document import DocumentKind
from tests.knowledge_fakes import InMemoryKnowledgeRepository
from tests.staff_fakes import FakeTransaction

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


class Store:
    def __init__(self, repository: KnowledgeRepository, uow: UnitOfWork, engine: AsyncEngine | None) -> None:
        self.repository, self.uow, self.engine = repository, uow, engine


@pytest.fixture(params=["fake", "sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
async def store(request: pytest.FixtureRequest) -> AsyncIterator[Store]:
    if request.param == "fake":
        tx = FakeTransaction()
        yield Store(InMemoryKnowledgeRepository(tx), tx, None)
        return
    engine = create_engine(request.getfixturevalue(f"seeded_{request.param}_url"))
    session = create_session_factory(engine)()
    try:
        yield Store(SqlaKnowledgeRepository(session), SqlaUnitOfWork(session), engine)
    finally:
        await session.close()
        await engine.dispose()


def doc(slug: str, checksum: str = "a" * 64) -> NewDocument:
    return NewDocument(slug, "Care Guide", DocumentKind.GUIDE, "body", checksum)


def drafts(*texts: str, heading: str = "Pets") -> list[ChunkDraft]:
    return [ChunkDraft(n, heading, text, 0, len(text)) for n, text in enumerate(texts)]


def new_slug() -> str:
    return f"contract-{uuid.uuid4().hex[:10]}"


async def test_a_saved_document_loads_back_with_its_chunks_in_order_when_committed(store: Store) -> None:
    slug = new_slug()
    saved = await store.repository.save(doc(slug), drafts("Keep pets away.", "Ventilate."), now=NOW)
    await store.uow.commit()

    found = await store.repository.document(slug)

    assert found is not None
    assert (found.id, found.version, found.checksum, found.embedded) == (saved.id, 1, "a" * 64, False)
    assert found.chunk_ids == saved.chunk_ids
    assert len(saved.chunk_ids) == 2
    chunks = {c.id: c for c in await store.repository.chunks(list(saved.chunk_ids))}
    first = chunks[saved.chunk_ids[0]]
    assert (first.document_slug, first.document_title, first.heading, first.text) == (
        slug,
        "Care Guide",
        "Pets",
        "Keep pets away.",
    )
    assert await store.repository.document(new_slug()) is None


async def test_saving_a_slug_again_replaces_its_chunks_and_bumps_the_version(store: Store) -> None:
    slug = new_slug()
    old = await store.repository.save(doc(slug), drafts("Old one.", "Old two."), now=NOW)
    await store.uow.commit()
    version_before = await store.repository.corpus_version()

    new = await store.repository.save(doc(slug, "b" * 64), drafts("New text."), now=NOW)
    await store.uow.commit()

    found = await store.repository.document(slug)
    assert found is not None
    assert (found.version, found.checksum, found.chunk_ids) == (2, "b" * 64, new.chunk_ids)
    assert new.id == old.id
    leftovers = await store.repository.chunks(list(old.chunk_ids))  # SQLite may reuse a freed id
    assert {c.text for c in leftovers} <= {"New text."}
    assert [c.text for c in await store.repository.chunks(list(new.chunk_ids))] == ["New text."]
    assert await store.repository.corpus_version() != version_before
    listed = {d.slug: d for d in await store.repository.documents()}
    assert (listed[slug].version, listed[slug].chunks, listed[slug].title) == (2, 1, "Care Guide")


async def test_chunks_count_as_embedded_once_marked(store: Store) -> None:
    slug = new_slug()
    saved = await store.repository.save(doc(slug), drafts("One.", "Two."), now=NOW)
    await store.uow.commit()
    await store.repository.mark_embedded(saved.chunk_ids[:1], model="m")
    await store.uow.commit()
    partly = await store.repository.document(slug)
    await store.repository.mark_embedded(saved.chunk_ids, model="m")
    await store.uow.commit()
    fully = await store.repository.document(slug)
    assert partly is not None
    assert fully is not None
    assert (partly.embedded, fully.embedded) == (False, True)


async def test_the_corpus_holds_title_and_heading_with_each_chunk(store: Store) -> None:
    slug = new_slug()
    saved = await store.repository.save(doc(slug), drafts("Keep pets away."), now=NOW)
    await store.uow.commit()
    corpus = {e.chunk_id: e.text for e in await store.repository.corpus()}
    assert corpus[saved.chunk_ids[0]] == "Care Guide > Pets\nKeep pets away."


async def test_a_document_larger_than_a_text_column_is_stored_with_all_its_chunks(store: Store) -> None:
    slug = new_slug()
    body = "₹ refund " * 20_000  # 220,000 bytes of UTF-8
    big = NewDocument(slug, "Big", DocumentKind.GUIDE, body, "c" * 64)
    saved = await store.repository.save(
        big, drafts(*(body[n : n + 1000] for n in range(0, 50_000, 1000))), now=NOW
    )
    await store.uow.commit()
    stored = await store.repository.chunks(list(saved.chunk_ids))
    assert len(stored) == 50
    assert "".join(c.text for c in sorted(stored, key=lambda c: c.id)) == body[:50_000]


async def test_unknown_chunk_ids_are_left_out_and_an_uncommitted_save_is_invisible(store: Store) -> None:
    assert await store.repository.chunks([10**9]) == []
    assert await store.repository.chunks([]) == []
    slug = new_slug()
    await store.repository.save(doc(slug), drafts("Draft."), now=NOW)
    await store.uow.rollback()
    assert await store.repository.document(slug) is None


@pytest.mark.parametrize("backend_name", ["sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
async def test_two_simultaneous_adds_of_a_slug_leave_one_document_never_two(
    request: pytest.FixtureRequest, backend_name: str
) -> None:
    """MariaDB serialises them (the second waits on the first's row and becomes version 2); SQLite's second
    writer hits the unique slug and is told the document is busy (409)."""
    engine = create_engine(request.getfixturevalue(f"seeded_{backend_name}_url"))
    factory = create_session_factory(engine)
    slug = new_slug()
    first, second = factory(), factory()
    try:
        await SqlaKnowledgeRepository(first).save(doc(slug), drafts("First."), now=NOW)
        racing = asyncio.create_task(
            SqlaKnowledgeRepository(second).save(doc(slug), drafts("Second."), now=NOW)
        )
        await asyncio.sleep(0.3)
        await first.commit()
        try:
            saved = await racing
        except DocumentBusy:
            expected = (1, ["First."])
        else:
            await second.commit()
            assert saved.version == 2
            expected = (2, ["Second."])
        found = await SqlaKnowledgeRepository(first).document(slug)
        assert found is not None
        texts = [c.text for c in await SqlaKnowledgeRepository(first).chunks(list(found.chunk_ids))]
        assert (found.version, texts) == expected
    finally:
        await first.close()
        await second.close()
        await engine.dispose()
