"""Production runs several API processes behind a load balancer: revocation and rate limits must hold
across them. Two app instances share the real Redis and MariaDB here, as two processes would."""

import uuid
from collections.abc import AsyncIterator

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from entrypoints.http.app import create_app
from tests.e2e.conftest import assert_problem, forget_rate_limits, make_settings

pytestmark = [pytest.mark.mariadb, pytest.mark.redis]
PASSWORD = "Mango-Lassi-42"
Pair = tuple[AsyncTestClient[Litestar], AsyncTestClient[Litestar]]


@pytest.fixture
async def pair(seeded_mariadb_url: str, redis_url: str) -> AsyncIterator[Pair]:
    settings = make_settings(env="production", database_url=seeded_mariadb_url, redis_url=redis_url)
    await forget_rate_limits(redis_url)
    async with AsyncTestClient(app=create_app(settings)) as a, AsyncTestClient(app=create_app(settings)) as b:
        yield a, b


async def _register(client: AsyncTestClient[Litestar]) -> tuple[str, dict[str, str]]:
    email = f"twin.{uuid.uuid4().hex[:10]}@example.in"
    response = await client.post(
        "/api/v1/auth/register", json={"name": "Kabir Das", "email": email, "password": PASSWORD}
    )
    assert response.status_code == 201, response.text
    return email, response.json()


async def test_logout_on_one_process_revokes_the_token_on_the_other_when_shared_redis(pair: Pair) -> None:
    a, b = pair
    _, tokens = await _register(a)
    assert (
        await b.post("/api/v1/auth/logout", headers={"Authorization": f"Bearer {tokens['accessToken']}"})
    ).status_code == 204
    again = await a.post("/api/v1/auth/logout", headers={"Authorization": f"Bearer {tokens['accessToken']}"})
    assert_problem(again, 401, "unauthenticated")


async def test_refresh_replayed_on_the_other_process_revokes_the_family_when_shared_redis(pair: Pair) -> None:
    a, b = pair
    _, tokens = await _register(a)
    rotated = await a.post("/api/v1/auth/refresh", json={"refreshToken": tokens["refreshToken"]})
    assert rotated.status_code == 200
    replay = await b.post("/api/v1/auth/refresh", json={"refreshToken": tokens["refreshToken"]})
    assert_problem(replay, 401, "unauthenticated")
    current = await a.post("/api/v1/auth/refresh", json={"refreshToken": rotated.json()["refreshToken"]})
    assert_problem(current, 401, "unauthenticated")


async def test_lockout_counts_failures_from_both_processes_when_shared_redis(pair: Pair) -> None:
    a, b = pair
    email, _ = await _register(a)
    for client in (a, b, a, b, a):
        failed = await client.post("/api/v1/auth/login", json={"email": email, "password": "Wrong-pass-1"})
        assert failed.status_code == 401
    for client in (a, b):
        locked = await client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
        assert_problem(locked, 429, "rate_limited")


async def test_revocation_survives_an_api_restart_when_stored_in_redis(
    seeded_mariadb_url: str, redis_url: str
) -> None:
    settings = make_settings(env="production", database_url=seeded_mariadb_url, redis_url=redis_url)
    async with AsyncTestClient(app=create_app(settings)) as before_restart:
        _, tokens = await _register(before_restart)
        assert (
            await before_restart.post(
                "/api/v1/auth/logout", headers={"Authorization": f"Bearer {tokens['accessToken']}"}
            )
        ).status_code == 204
    async with AsyncTestClient(app=create_app(settings)) as after_restart:
        response = await after_restart.post(
            "/api/v1/auth/refresh", json={"refreshToken": tokens["refreshToken"]}
        )
        assert_problem(response, 401, "unauthenticated")
