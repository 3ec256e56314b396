"""Helpers for the ops API tests: one app per module and profile, staff members made through the real use
cases, sign-in over HTTP. Staff emails are unique per run (the seeded databases are shared)."""

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis

from application.identity.actors import SystemActor
from application.identity.tokens import TokenService
from application.staff.commands.create_staff import CreateStaff, CreateStaffHandler
from application.staff.commands.deactivate_staff import DeactivateStaff, DeactivateStaffHandler
from application.staff.commands.update_staff import UpdateStaff, UpdateStaffHandler
from entrypoints.http.app import create_app
from tests.e2e.conftest import make_settings

T = TypeVar("T")
OPS = "/api/v1/ops"
DEMO_PASSWORD = "Nexora@Ops2026"
MEMBER_PASSWORD = "Tide#Harbour2026"
PROFILES = ["embedded", pytest.param("production", marks=[pytest.mark.mariadb, pytest.mark.redis])]
DEMO = {
    "super_admin": "aarav.mehta@nexora.in",
    "admin": "priya.raghavan@nexora.in",
    "ops_manager": "imran.qureshi@nexora.in",
    "senior_agent": "sneha.kulkarni@nexora.in",
    "support_agent": "rohit.sharma@nexora.in",
}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def unique_email(prefix: str) -> str:
    return f"{prefix}.{uuid.uuid4().hex[:10]}@nexora-test.in"


@dataclass
class Member:
    id: int
    email: str
    role: str
    password: str = MEMBER_PASSWORD


async def _forget_ops_limits(redis_url: str) -> None:
    """Production tests share one Redis: drop earlier runs' staff sign-in and registration counters."""
    client = Redis.from_url(redis_url)
    try:
        for pattern in ("nexora:rate:ops-login*", "nexora:rate:staff-signup*"):
            async for key in client.scan_iter(match=pattern, count=500):
                await client.delete(key)
    finally:
        await client.aclose()


class Ops:
    """An ops API client over one app, with the app's container for setting up members."""

    def __init__(self, client: AsyncTestClient[Litestar]) -> None:
        self.client = client

    async def in_app(self, work: Callable[[Any], Awaitable[T]]) -> T:
        """Run `work(container)` on the app's own event loop (its pooled connections live there)."""

        async def call() -> T:
            return await work(self.client.app.state.dishka_container)

        return await asyncio.to_thread(self.client.blocking_portal.call, call)

    async def member(self, role: str, *, status: str = "active", name: str = "Test Member") -> Member:
        """A new member made by the CreateStaff use case as the system; suspended or deactivated after."""
        email = unique_email(role.replace("_", "-"))

        async def work(container: Any) -> int:
            async with container() as scope:
                handler = await scope.get(CreateStaffHandler)
                cmd = CreateStaff(name=name, email=email, role=role, password=MEMBER_PASSWORD)
                staff_id = (await handler.execute(cmd, actor=SystemActor())).id
            if status == "suspended":
                async with container() as scope:
                    update = await scope.get(UpdateStaffHandler)
                    await update.execute(
                        UpdateStaff(staff_id=staff_id, status="suspended"), actor=SystemActor()
                    )
            if status == "deactivated":
                async with container() as scope:
                    deactivate = await scope.get(DeactivateStaffHandler)
                    await deactivate.execute(DeactivateStaff(staff_id=staff_id), actor=SystemActor())
            return staff_id

        return Member(id=await self.in_app(work), email=email, role=role)

    async def customer_token(self, customer_id: int = 1) -> str:
        """A genuine customer access token (audience "customer") for a seeded customer."""

        async def work(container: Any) -> str:
            tokens = await container.get(TokenService)
            return (await tokens.issue(customer_id, "customer")).access_token

        return await self.in_app(work)

    async def login(self, email: str, password: str = MEMBER_PASSWORD) -> dict[str, Any]:
        response = await self.client.post(f"{OPS}/auth/login", json={"email": email, "password": password})
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def token(self, email: str, password: str = MEMBER_PASSWORD) -> str:
        return str((await self.login(email, password))["accessToken"])

    async def demo_token(self, role: str) -> str:
        return await self.token(DEMO[role], DEMO_PASSWORD)

    async def sessions_of(self, staff_id: int, token: str) -> list[dict[str, Any]]:
        response = await self.client.get(f"{OPS}/staff/{staff_id}/sessions", headers=bearer(token))
        assert response.status_code == 200, response.text
        items: list[dict[str, Any]] = response.json()["items"]
        return items

    async def activity(self, token: str, **filters: Any) -> list[dict[str, Any]]:
        response = await self.client.get(f"{OPS}/activity", params=filters, headers=bearer(token))
        assert response.status_code == 200, response.text
        items: list[dict[str, Any]] = response.json()["items"]
        return items


@asynccontextmanager
async def ops_app(request: pytest.FixtureRequest) -> AsyncIterator[Ops]:
    """The app of the fixture's profile (request.param), over the session's seeded database."""
    if request.param == "embedded":
        settings = make_settings(database_url=request.getfixturevalue("seeded_sqlite_url"))
    else:
        redis_url = request.getfixturevalue("redis_url")
        await _forget_ops_limits(redis_url)
        settings = make_settings(
            env="production",
            database_url=request.getfixturevalue("seeded_mariadb_url"),
            redis_url=redis_url,
        )
    async with AsyncTestClient(app=create_app(settings)) as client:
        yield Ops(client)
