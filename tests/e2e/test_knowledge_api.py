"""The knowledge base over HTTP in both profiles: uploads by ops (permission, size and type checks,
checksum no-ops, replacement), the document list, and hybrid search over the shipped policies.

The seeded database is shared by the whole test session: uploads here use unique slugs."""

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest

from application.knowledge.commands.ingest_library import IngestLibraryHandler
from domain.knowledge.document import MAX_DOCUMENT_BYTES
from tests.document_fixtures import docx_bytes, pdf_bytes
from tests.e2e.conftest import assert_problem
from tests.e2e.ops_support import OPS, PROFILES, Ops, bearer, ops_app

DOCUMENTS = f"{OPS}/documents"
SEARCH = "/api/v1/knowledge/search"
Headers = dict[str, str]


@pytest.fixture(scope="module", params=PROFILES)
async def ops(request: pytest.FixtureRequest) -> AsyncIterator[Ops]:
    async with ops_app(request) as app:

        async def ingest(container: Any) -> None:
            async with container() as scope:
                await (await scope.get(IngestLibraryHandler)).execute()

        await app.in_app(ingest)
        yield app


@pytest.fixture(scope="module")
async def admin_token(ops: Ops) -> str:
    return await ops.demo_token("admin")


@pytest.fixture(scope="module")
def admin(admin_token: str) -> Headers:
    return bearer(admin_token)


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


async def upload(ops: Ops, headers: Headers, filename: str, data: bytes, **form: str) -> Any:
    return await ops.client.post(DOCUMENTS, files={"file": (filename, data)}, data=form, headers=headers)


async def search(ops: Ops, q: str, **params: Any) -> dict[str, Any]:
    response = await ops.client.get(SEARCH, params={"q": q, **params})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_search_answers_a_policy_question_with_document_section_text_and_score(ops: Ops) -> None:
    body = await search(ops, "How many times can I reschedule a booking?", limit=3)

    assert (body["mode"], body["vectorAvailable"]) == ("hybrid", True)
    assert len(body["items"]) == 3
    top = body["items"][0]
    assert set(top) == {"chunkId", "documentSlug", "documentTitle", "heading", "text", "score"}
    assert (top["documentSlug"], top["heading"]) == ("cancellation-and-refund", "Rescheduling a booking")
    assert "at most 2 times per booking" in " ".join(top["text"].split())
    assert top["score"] >= body["items"][1]["score"] >= body["items"][2]["score"] > 0


@pytest.mark.parametrize("mode", ["keyword", "vector"])
async def test_search_with_one_retriever_still_finds_the_warranty_section(ops: Ops, mode: str) -> None:
    body = await search(ops, "termite treatment warranty period", mode=mode)
    assert body["mode"] == mode
    assert [h["documentSlug"] for h in body["items"][:3]].count("rework-and-warranty") >= 1


@pytest.mark.parametrize(
    "params", [{"q": "   "}, {"q": "x" * 501}, {"q": "refund", "limit": 0}, {"q": "refund", "limit": 50}]
)
async def test_search_refuses_blank_or_overlong_queries_and_bad_limits_with_422(
    ops: Ops, params: dict[str, Any]
) -> None:
    assert_problem(await ops.client.get(SEARCH, params=params), 422, "invalid_search_query")


async def test_search_without_q_or_with_an_unknown_mode_is_a_400(ops: Ops) -> None:
    assert_problem(await ops.client.get(SEARCH), 400, "invalid_request")
    assert_problem(
        await ops.client.get(SEARCH, params={"q": "refund", "mode": "magic"}), 400, "invalid_request"
    )


async def test_an_upload_is_created_then_a_no_op_then_replaced_and_search_follows(
    ops: Ops, admin: Headers, admin_token: str
) -> None:
    slug = unique("aquarium-care")
    v1 = f"# Aquarium Care {slug}\n\n## Feeding\n\nFeed the zebrafish {slug} twice a day.\n".encode()
    v2 = f"# Aquarium Care {slug}\n\n## Feeding\n\nFeed the guppies {slug} once a day.\n".encode()

    created = await upload(ops, admin, f"{slug}.md", v1, kind="guide")
    again = await upload(ops, admin, f"{slug}.md", v1, kind="guide")
    found_v1 = await search(ops, f"zebrafish {slug}", mode="keyword")
    changed = await upload(ops, admin, f"{slug}.md", v2, kind="guide")
    found_v2 = await search(ops, f"zebrafish guppies {slug}")

    assert created.status_code == 201, created.text
    assert created.json() == {
        "slug": slug,
        "title": f"Aquarium Care {slug}",
        "status": "created",
        "version": 1,
        "chunks": 1,
    }
    assert (again.status_code, again.json()["status"], again.json()["version"]) == (200, "unchanged", 1)
    assert found_v1["items"][0]["documentSlug"] == slug
    assert (changed.status_code, changed.json()["status"], changed.json()["version"]) == (200, "updated", 2)
    mine = [h["text"] for h in found_v2["items"] if h["documentSlug"] == slug]
    assert mine == [f"Feed the guppies {slug} once a day."]
    activity = await ops.activity(admin_token, action="documents.ingest")
    statuses = [a["after"]["status"] for a in activity if a["targetId"] == slug]
    assert sorted(statuses) == ["created", "unchanged", "updated"]


async def test_pdf_and_docx_uploads_become_searchable_sections(ops: Ops, admin: Headers) -> None:
    word = uuid.uuid4().hex[:8]
    pdf = pdf_bytes([("Ladder Guide", 20), ("Ladder safety", 15), (f"Use a fibreglass ladder {word}.", 11)])
    doc = docx_bytes("Geyser Guide", [("Geyser safety", f"Switch the geyser {word} off before repairs.")])

    pdf_response = await upload(ops, admin, "ladder.pdf", pdf, slug=unique("ladder"))
    docx_response = await upload(ops, admin, "geyser.docx", doc, slug=unique("geyser"))
    found = await search(ops, f"fibreglass ladder geyser {word}", mode="keyword")

    assert pdf_response.status_code == 201, pdf_response.text
    assert docx_response.status_code == 201, docx_response.text
    headings = {(h["documentTitle"], h["heading"]) for h in found["items"][:2]}
    assert headings == {("Ladder Guide", "Ladder safety"), ("Geyser Guide", "Geyser safety")}


async def test_a_large_handbook_is_taken_in_whole_and_its_last_section_is_found(
    ops: Ops, admin: Headers
) -> None:
    slug = unique("handbook")
    sections = [
        f"## Topic {n}\n\n" + f"Paragraph about topic {n} and its care rules. " * 60 for n in range(150)
    ]
    sections.append(f"## Closing {slug}\n\nThe last words mention the {slug} marker.")
    data = ("# Service Handbook\n\n" + "\n\n".join(sections)).encode()

    response = await upload(ops, admin, f"{slug}.md", data)
    found = await search(ops, f"marker {slug}", mode="keyword", limit=1)

    assert len(data) > 400_000
    assert response.status_code == 201, response.text
    assert response.json()["chunks"] > 300
    assert found["items"][0]["heading"] == f"Closing {slug}"


async def test_an_upload_without_a_token_is_a_401(ops: Ops) -> None:
    response = await upload(ops, {}, "x.md", b"# X\n\ntext")
    assert_problem(response, 401, "unauthenticated")


async def test_a_customer_token_is_refused_with_401_on_documents(ops: Ops) -> None:
    headers = bearer(await ops.customer_token())
    assert_problem(await upload(ops, headers, "x.md", b"# X\n\ntext"), 401, "unauthenticated")
    assert_problem(await ops.client.get(DOCUMENTS, headers=headers), 401, "unauthenticated")


async def test_an_upload_by_a_member_without_documents_manage_is_a_403_and_logged(
    ops: Ops, admin: Headers, admin_token: str
) -> None:
    member = await ops.member("ops_manager")
    headers = bearer(await ops.token(member.email))
    slug = unique("refused")

    response = await upload(ops, headers, f"{slug}.md", b"# Refused\n\nNot stored.")

    problem = assert_problem(response, 403, "forbidden")
    assert problem["permission"] == "documents.manage"
    listed = await ops.client.get(DOCUMENTS, headers=admin)
    assert slug not in {d["slug"] for d in listed.json()["items"]}
    refusals = await ops.activity(admin_token, action="documents.ingest", staffId=member.id)
    assert [a["succeeded"] for a in refusals] == [False]


async def test_a_file_over_the_size_limit_is_a_413(ops: Ops, admin: Headers) -> None:
    response = await upload(ops, admin, "big.txt", b"a " * (MAX_DOCUMENT_BYTES // 2 + 1))
    body = assert_problem(response, 413, "document_too_large")
    assert body["limit"] == MAX_DOCUMENT_BYTES


async def test_a_body_far_over_the_limit_is_refused_with_413_before_parsing(ops: Ops, admin: Headers) -> None:
    response = await upload(ops, admin, "huge.txt", b"a" * (MAX_DOCUMENT_BYTES * 2))
    assert_problem(response, 413, "payload_too_large")


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("policy.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"),
        ("notes.txt", b"%PDF-1.4 not text"),
        ("sheet.docx", b"PK\x03\x04 not a word file"),
    ],
)
async def test_content_of_the_wrong_type_is_a_415_whatever_the_name(
    ops: Ops, admin: Headers, filename: str, data: bytes
) -> None:
    assert_problem(await upload(ops, admin, filename, data), 415, "unsupported_document_type")


async def test_a_file_without_text_is_a_422_and_a_missing_file_a_400(ops: Ops, admin: Headers) -> None:
    assert_problem(await upload(ops, admin, "blank.md", b"\n\n   \n"), 422, "unreadable_document")
    response = await ops.client.post(DOCUMENTS, data={"kind": "guide"}, files={}, headers=admin)
    assert_problem(response, 400, "invalid_input")


async def test_documents_are_listed_for_members_with_documents_view_only(ops: Ops, admin: Headers) -> None:
    listed = await ops.client.get(DOCUMENTS, headers=admin)
    analyst = await ops.member("analyst")
    refused = await ops.client.get(DOCUMENTS, headers=bearer(await ops.token(analyst.email)))

    assert listed.status_code == 200, listed.text
    policies = {d["slug"]: d for d in listed.json()["items"] if d["kind"] == "policy"}
    assert set(policies) >= {
        "cancellation-and-refund",
        "privacy-policy",
        "rework-and-warranty",
        "safety-and-damage",
        "terms-of-service",
    }
    assert all(d["chunks"] > 0 for d in policies.values())
    assert_problem(refused, 403, "forbidden")
