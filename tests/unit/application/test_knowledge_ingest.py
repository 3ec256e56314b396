"""Ingesting documents into the knowledge base: permission, checksum no-ops, atomic replacement of chunks and
vectors, refusals that leave nothing behind."""

import pytest

from adapters.knowledge.library import PackagedPolicyLibrary
from adapters.knowledge.parsers import FileDocumentParser
from application.ai.ports import AIServiceError
from application.common.errors import DependencyUnavailable
from application.identity.actors import SystemActor
from application.identity.errors import Forbidden
from application.knowledge.commands.ingest_document import IngestDocument, IngestDocumentHandler
from application.knowledge.commands.ingest_library import IngestLibraryHandler
from application.knowledge.ports import namespace_for
from application.knowledge.queries.search_knowledge import SearchKnowledgeQuery
from application.staff.audit import Audit, Origin
from domain.knowledge.document import MAX_DOCUMENT_BYTES, DocumentKind
from domain.knowledge.errors import DocumentTooLarge, UnreadableDocument, UnsupportedDocumentType
from tests.catalog_admin_fakes import staff_actor
from tests.knowledge_fakes import HashingEmbedder, InMemoryVectorIndex, KnowledgeWorld

SYSTEM = SystemActor()
NAMESPACE = namespace_for(HashingEmbedder.model)
GUIDE_V1 = b"# Pet Care Guide\n\n## Before the visit\n\nKeep pets in another room during pest control.\n"
GUIDE_V2 = b"# Pet Care Guide\n\n## Before the visit\n\nMove aquariums out before fumigation starts.\n"


def upload(data: bytes = GUIDE_V1, filename: str = "pet-care.md") -> IngestDocument:
    return IngestDocument(filename=filename, data=data, kind=DocumentKind.GUIDE, origin=Origin(ip="10.0.0.1"))


async def test_a_new_document_is_stored_chunked_embedded_and_logged_when_an_admin_uploads_it() -> None:
    world = KnowledgeWorld()

    result = await world.ingest.execute(upload(), actor=staff_actor("admin"))

    assert (result.slug, result.title, result.status, result.version, result.chunks) == (
        "pet-care",
        "Pet Care Guide",
        "created",
        1,
        1,
    )
    stored = await world.repository.document("pet-care")
    assert stored is not None
    assert stored.embedded
    assert await world.vectors.count(namespace=NAMESPACE) == 1
    [entry] = world.log.entries
    assert (entry.action, entry.target_id, entry.staff_id, entry.ip) == (
        "documents.ingest",
        "pet-care",
        2,
        "10.0.0.1",
    )
    assert entry.after is not None
    assert entry.after["status"] == "created"


async def test_uploading_the_same_file_again_changes_nothing_when_its_checksum_matches() -> None:
    world = KnowledgeWorld()
    await world.ingest.execute(upload(), actor=SYSTEM)
    calls, before = world.embedder.calls, await world.repository.document("pet-care")

    again = await world.ingest.execute(upload(), actor=SYSTEM)

    assert (again.status, again.version) == ("unchanged", 1)
    assert world.embedder.calls == calls
    assert await world.repository.document("pet-care") == before


async def test_a_changed_file_replaces_its_chunks_and_vectors_so_search_finds_only_the_new_text() -> None:
    world = KnowledgeWorld()
    first = await world.ingest.execute(upload(), actor=SYSTEM)

    second = await world.ingest.execute(upload(GUIDE_V2), actor=SYSTEM)

    assert (first.status, second.status, second.version) == ("created", "updated", 2)
    assert await world.vectors.count(namespace=NAMESPACE) == second.chunks
    for mode in ("keyword", "vector", "hybrid"):
        found = await world.search.execute(SearchKnowledgeQuery("pets room aquariums fumigation", mode=mode))
        assert [h.text for h in found.items] == ["Move aquariums out before fumigation starts."], mode


async def test_an_upload_is_refused_and_logged_when_the_member_lacks_documents_manage() -> None:
    world = KnowledgeWorld()

    with pytest.raises(Forbidden):
        await world.ingest.execute(upload(), actor=staff_actor("ops_manager"))

    assert await world.repository.document("pet-care") is None
    assert world.log.actions() == [("documents.ingest", False)]


@pytest.mark.parametrize(
    ("cmd", "error"),
    [
        (upload(b"x" * (MAX_DOCUMENT_BYTES + 1), "big.txt"), DocumentTooLarge),
        (upload(b"\x89PNG\r\n\x1a\n\x00", "photo.png"), UnsupportedDocumentType),
        (upload(b"MZ\x90\x00\x03", "policy.pdf"), UnsupportedDocumentType),
        (upload(b"   \n", "blank.txt"), UnreadableDocument),
    ],
)
async def test_bad_files_are_refused_and_leave_nothing_behind(
    cmd: IngestDocument, error: type[Exception]
) -> None:
    world = KnowledgeWorld()
    with pytest.raises(error):
        await world.ingest.execute(cmd, actor=SYSTEM)
    assert await world.repository.documents() == []
    assert await world.vectors.count(namespace=NAMESPACE) == 0
    assert world.tx.commits == 0


async def test_nothing_is_stored_when_the_embedder_is_down_and_a_later_upload_works() -> None:
    world = KnowledgeWorld()
    world.embedder.down = True
    with pytest.raises(DependencyUnavailable):
        await world.ingest.execute(upload(), actor=SYSTEM)
    assert await world.repository.document("pet-care") is None

    world.embedder.down = False
    assert (await world.ingest.execute(upload(), actor=SYSTEM)).status == "created"


async def test_a_document_whose_vectors_were_not_written_is_reindexed_when_uploaded_again() -> None:
    world = KnowledgeWorld()

    async def broken(*args: object, **kwargs: object) -> None:
        raise AIServiceError("vector index", "down")

    upsert = world.vectors.upsert
    world.vectors.upsert = broken  # type: ignore[method-assign]
    with pytest.raises(DependencyUnavailable):
        await world.ingest.execute(upload(), actor=SYSTEM)
    stored = await world.repository.document("pet-care")
    assert stored is not None
    assert not stored.embedded

    world.vectors.upsert = upsert  # type: ignore[method-assign]
    again = await world.ingest.execute(upload(), actor=SYSTEM)
    assert again.status == "reindexed"
    assert await world.vectors.count(namespace=NAMESPACE) == again.chunks


async def test_the_shipped_policies_are_ingested_once_and_then_left_alone() -> None:
    world = KnowledgeWorld()

    first = await world.library.execute()
    second = await world.library.execute()

    slugs = {
        "cancellation-and-refund",
        "privacy-policy",
        "rework-and-warranty",
        "safety-and-damage",
        "terms-of-service",
    }
    assert {r.slug for r in first} == slugs
    assert {r.status for r in first} == {"created"}
    assert {r.status for r in second} == {"unchanged"}
    assert all(d.kind == "policy" for d in await world.repository.documents())
    assert [(e.after or {}).get("status") for e in world.log.entries] == ["created"] * 5, (
        "reruns are not logged"
    )


async def test_switching_the_vector_store_re_embeds_every_document_into_the_new_store() -> None:
    world = KnowledgeWorld()
    await world.library.execute()
    pinecone = InMemoryVectorIndex(location="pinecone:https://nexora-abc.svc.pinecone.io")
    switched = IngestLibraryHandler(
        PackagedPolicyLibrary(),
        IngestDocumentHandler(
            FileDocumentParser(),
            world.repository,
            world.embedder,
            pinecone,
            world.tx,
            Audit(world.log, world.tx, world.clock),
            world.clock,
        ),
    )

    moved = await switched.execute()
    again = await switched.execute()

    assert {r.status for r in moved} == {"updated"}
    chunks = sum(d.chunks for d in await world.repository.documents())
    assert await pinecone.count(namespace=NAMESPACE) == chunks > 0
    assert {r.status for r in again} == {"unchanged"}


async def test_a_file_named_only_in_devanagari_gets_a_slug_from_its_title_or_a_stable_digest() -> None:
    world = KnowledgeWorld()

    titled = await world.ingest.execute(
        upload(b"# Refund Rules\n\nRefunds reach the card in 5-7 days.\n", filename="नीति.md"), actor=SYSTEM
    )
    hindi = b"# \xe0\xa4\xa8\xe0\xa5\x80\xe0\xa4\xa4\xe0\xa4\xbf\n\nText.\n"
    first = await world.ingest.execute(upload(hindi, filename="सुरक्षा.md"), actor=SYSTEM)
    again = await world.ingest.execute(upload(hindi + b"More.\n", filename="सुरक्षा.md"), actor=SYSTEM)

    assert titled.slug == "refund-rules"
    assert first.slug.startswith("document-")
    assert (again.slug, again.status, again.version) == (first.slug, "updated", 2)
