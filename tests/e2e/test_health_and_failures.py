"""Health endpoints, and what clients see when a dependency is down: a clear 503, never a hang or a trace."""

import time

import pytest
from dishka import Provider, Scope, provide
from litestar.testing import AsyncTestClient

from application.catalog.ports import CatalogReader
from entrypoints.http.app import create_app
from entrypoints.ioc.container import make_container
from tests.conftest import DatabaseFactory
from tests.e2e.conftest import assert_problem, make_settings

DEAD_MYSQL = "mysql+asyncmy://root@127.0.0.1:1/nexora"
DEAD_REDIS = "redis://127.0.0.1:1/0"


async def test_live_is_ok_when_the_process_is_up(embedded_client: AsyncTestClient) -> None:  # type: ignore[type-arg]
    response = await embedded_client.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_ready_lists_each_dependency_when_all_are_up(client: AsyncTestClient) -> None:  # type: ignore[type-arg]
    response = await client.get("/health/ready")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["down"] == []
    names = {c["name"] for c in body["checks"]}
    assert "database" in names


@pytest.mark.redis
@pytest.mark.mariadb
async def test_ready_checks_redis_too_when_running_the_production_profile(
    seeded_mariadb_url: str, redis_url: str
) -> None:
    settings = make_settings(env="production", database_url=seeded_mariadb_url, redis_url=redis_url)
    async with AsyncTestClient(app=create_app(settings)) as client:
        body = (await client.get("/health/ready")).json()
    assert {c["name"]: c["ok"] for c in body["checks"]} == {"database": True, "redis": True}


async def test_ready_is_503_naming_redis_when_redis_is_down(seeded_sqlite_url: str) -> None:
    settings = make_settings(database_url=seeded_sqlite_url, redis_url=DEAD_REDIS)
    async with AsyncTestClient(app=create_app(settings)) as client:
        started = time.monotonic()
        response = await client.get("/health/ready")
        assert time.monotonic() - started < 5
    assert response.status_code == 503
    assert response.headers["retry-after"]
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["down"] == ["redis"]


async def test_ready_is_503_naming_the_database_when_it_is_down() -> None:
    async with AsyncTestClient(app=create_app(make_settings(database_url=DEAD_MYSQL))) as client:
        response = await client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["down"] == ["database"]


async def test_ready_is_503_when_the_schema_is_not_migrated(sqlite_databases: DatabaseFactory) -> None:
    settings = make_settings(database_url=sqlite_databases.sqlite())
    async with AsyncTestClient(app=create_app(settings)) as client:
        response = await client.get("/health/ready")
    assert response.status_code == 503
    check = response.json()["checks"][0]
    assert "nexora db upgrade" in check["detail"]


async def test_catalog_is_a_503_problem_with_retry_after_when_the_database_is_down() -> None:
    async with AsyncTestClient(app=create_app(make_settings(database_url=DEAD_MYSQL))) as client:
        started = time.monotonic()
        response = await client.get("/api/v1/services/categories")
        assert time.monotonic() - started < 10
    body = assert_problem(response, 503, "storage_unavailable")
    assert body["dependency"] == "database"
    assert response.headers["retry-after"] == "5"
    assert "Traceback" not in response.text


async def test_catalog_reads_still_succeed_when_redis_is_down(seeded_sqlite_url: str) -> None:
    settings = make_settings(database_url=seeded_sqlite_url, redis_url=DEAD_REDIS)
    async with AsyncTestClient(app=create_app(settings)) as client:
        response = await client.get("/api/v1/services/categories")
    assert response.status_code == 200
    assert len(response.json()["items"]) == 12


async def test_openapi_document_describes_the_catalog_endpoints_when_fetched(
    embedded_client: AsyncTestClient,  # type: ignore[type-arg]
) -> None:
    response = await embedded_client.get("/schema/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {
        "/api/v1/services/categories",
        "/api/v1/services/categories/{category_id}/subcategories",
        "/api/v1/services/subcategories/{subcategory_id}/rate-cards",
        "/health/live",
        "/health/ready",
    } <= set(paths)
    docs = await embedded_client.get("/schema")
    assert docs.status_code == 200
    assert "text/html" in docs.headers["content-type"]


async def test_docs_are_hidden_when_disabled(seeded_sqlite_url: str) -> None:
    settings = make_settings(database_url=seeded_sqlite_url, docs_enabled=False)
    async with AsyncTestClient(app=create_app(settings)) as client:
        assert (await client.get("/schema/openapi.json")).status_code == 404
        assert (await client.get("/schema")).status_code == 404


class _BrokenReader:
    async def list_categories(self) -> list[object]:
        raise RuntimeError("secret internals: password=hunter2")


class _BrokenCatalogProvider(Provider):
    scope = Scope.REQUEST

    @provide
    def reader(self) -> CatalogReader:
        return _BrokenReader()  # type: ignore[return-value]


async def test_unexpected_error_is_a_500_problem_without_internals_when_a_handler_crashes(
    seeded_sqlite_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings(database_url=seeded_sqlite_url)
    container = make_container(settings, _BrokenCatalogProvider())
    async with AsyncTestClient(app=create_app(settings, container=container)) as client:
        response = await client.get("/api/v1/services/categories", headers={"X-Request-ID": "crash-1"})
    body = assert_problem(response, 500, "internal_error")
    assert body["requestId"] == "crash-1"
    assert "secret" not in response.text
    assert "RuntimeError" not in response.text
