"""The real app over HTTP, in both profiles: embedded (SQLite, in-process cache and jobs) and production
(MariaDB, Redis, arq)."""

from collections.abc import AsyncIterator
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis

from entrypoints.http.app import create_app
from entrypoints.settings import Settings

TEST_JWT_SECRET = "test-secret-" + "x" * 40


def make_settings(**values: Any) -> Settings:
    """Settings for tests: never read a developer's .env; a fixed token secret; no background SLA monitor
    (it would escalate the shared demo complaints as real time passes; tests/e2e/test_complaint_monitor.py
    turns it on)."""
    values.setdefault("jwt_secret", TEST_JWT_SECRET)
    values.setdefault("sla_monitor_enabled", False)
    return Settings(_env_file=None, log_level="WARNING", **values)  # type: ignore[call-arg]


@pytest.fixture(
    params=["embedded", pytest.param("production", marks=[pytest.mark.mariadb, pytest.mark.redis])]
)
def profile_settings(request: pytest.FixtureRequest) -> Settings:
    if request.param == "embedded":
        return make_settings(database_url=request.getfixturevalue("seeded_sqlite_url"))
    return make_settings(
        env="production",
        database_url=request.getfixturevalue("seeded_mariadb_url"),
        redis_url=request.getfixturevalue("redis_url"),
    )


async def forget_rate_limits(redis_url: str) -> None:
    """Rate-limit counters live in the shared Redis: each test starts with none (all see one client IP)."""
    client = Redis.from_url(redis_url)
    try:
        keys = [k async for k in client.scan_iter(match="nexora:rate:*")]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()


@pytest.fixture
async def client(profile_settings: Settings) -> AsyncIterator[AsyncTestClient[Litestar]]:
    if profile_settings.redis_url:
        await forget_rate_limits(profile_settings.redis_url)
    async with AsyncTestClient(app=create_app(profile_settings)) as test_client:
        yield test_client


@pytest.fixture
async def embedded_client(seeded_sqlite_url: str) -> AsyncIterator[AsyncTestClient[Litestar]]:
    async with AsyncTestClient(app=create_app(make_settings(database_url=seeded_sqlite_url))) as test_client:
        yield test_client


def assert_problem(response: Any, status: int, code: str) -> dict[str, Any]:
    """The response is an RFC 9457 problem with this status and code, carrying the request id."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["type"] == f"urn:nexora:problem:{code}"
    assert body["title"]
    assert body["detail"]
    assert body["requestId"] == response.headers["x-request-id"]
    return body
