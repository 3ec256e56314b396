"""The knowledge base when the embedder cannot answer: search degrades to keywords, vector-only search and
uploads are 503 problems with Retry-After, and nothing half-made is stored."""

import asyncio
from collections.abc import AsyncIterator, Sequence
from typing import Any

import pytest
from dishka import Provider, Scope, provide
from dishka.integrations.litestar import LitestarProvider
from litestar import Litestar
from litestar.testing import AsyncTestClient

from application.ai.ports import AIServiceError, Embedder, EmbeddingTask
from application.knowledge.commands.ingest_library import IngestLibraryHandler
from entrypoints.http.app import create_app
from entrypoints.ioc.container import make_container
from entrypoints.ioc.http import HttpIdentityProvider
from tests.conftest import DatabaseFactory, _seed, migrated, run_async
from tests.e2e.conftest import assert_problem, make_settings
from tests.e2e.ops_support import DEMO, DEMO_PASSWORD, OPS, bearer
from tests.knowledge_fakes import HashingEmbedder


class _SwitchableEmbedder(HashingEmbedder):
    """Works until `down` is set; then fails like an unreachable model service."""

    async def embed(
        self, texts: Sequence[str], *, task: EmbeddingTask = EmbeddingTask.DOCUMENT
    ) -> list[list[float]]:
        if self.down:
            raise AIServiceError("gemini embeddings", "503 Service Unavailable", retryable=True)
        return await super().embed(texts, task=task)


EMBEDDER = _SwitchableEmbedder()


class _EmbedderProvider(Provider):
    scope = Scope.APP

    @provide
    def embedder(self) -> Embedder:
        return EMBEDDER


@pytest.fixture(scope="module")
def own_database(sqlite_databases: DatabaseFactory) -> str:
    """A seeded database of this module's own: its documents are embedded by the fake model only."""
    url = migrated(sqlite_databases.sqlite())
    run_async(lambda: _seed(url))
    return url


@pytest.fixture
async def client(own_database: str) -> AsyncIterator[AsyncTestClient[Litestar]]:
    settings = make_settings(database_url=own_database)
    container = make_container(settings, LitestarProvider(), HttpIdentityProvider(), _EmbedderProvider())
    EMBEDDER.down = False
    async with AsyncTestClient(app=create_app(settings, container=container)) as test_client:
        yield test_client


async def _ingest(client: AsyncTestClient[Litestar]) -> None:
    container: Any = client.app.state.dishka_container

    async def work() -> None:
        async with container() as scope:
            await (await scope.get(IngestLibraryHandler)).execute()

    await asyncio.to_thread(client.blocking_portal.call, work)


async def test_hybrid_search_answers_from_keywords_when_the_embedder_is_down(
    client: AsyncTestClient[Litestar],
) -> None:
    await _ingest(client)
    EMBEDDER.down = True

    response = await client.get("/api/v1/knowledge/search", params={"q": "termite treatment warranty"})

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["vectorAvailable"] is False
    assert body["items"][0]["documentSlug"] == "rework-and-warranty"


async def test_vector_search_and_uploads_are_503_with_retry_after_when_the_embedder_is_down(
    client: AsyncTestClient[Litestar],
) -> None:
    await _ingest(client)
    EMBEDDER.down = True
    login = await client.post(f"{OPS}/auth/login", json={"email": DEMO["admin"], "password": DEMO_PASSWORD})
    admin = bearer(login.json()["accessToken"])

    searched = await client.get("/api/v1/knowledge/search", params={"q": "termite", "mode": "vector"})
    uploaded = await client.post(
        f"{OPS}/documents", files={"file": ("outage-notes.md", b"# Outage\n\nText.")}, headers=admin
    )
    listed = await client.get(f"{OPS}/documents", headers=admin)

    for response in (searched, uploaded):
        body = assert_problem(response, 503, "dependency_unavailable")
        assert body["dependency"] == "gemini embeddings"
        assert response.headers["retry-after"]
    assert "outage-notes" not in {d["slug"] for d in listed.json()["items"]}
