"""Privilege escalation over HTTP: nobody grants or manages at or above their own level, nobody changes
their own role, agents cannot manage staff, revoked sessions and customer tokens get nothing. Every refusal
leaves an activity line (succeeded = false) and changes nothing."""

from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.e2e.conftest import assert_problem
from tests.e2e.ops_support import MEMBER_PASSWORD, OPS, PROFILES, Member, Ops, bearer, ops_app, unique_email


@pytest.fixture(scope="module", params=PROFILES)
async def ops(request: pytest.FixtureRequest) -> AsyncIterator[Ops]:
    async with ops_app(request) as app:
        yield app


@pytest.fixture(scope="module")
async def cast(ops: Ops) -> dict[str, Member]:
    """Our own members, so a broken rule could never damage the demo staff other tests sign in as."""
    return {role: await ops.member(role) for role in ("admin", "ops_manager", "support_agent")}


@pytest.fixture(scope="module")
async def tokens(ops: Ops, cast: dict[str, Member]) -> dict[str, dict[str, str]]:
    return {role: bearer(await ops.token(member.email)) for role, member in cast.items()}


async def role_of(ops: Ops, staff_id: int, headers: dict[str, str]) -> str:
    return str((await ops.client.get(f"{OPS}/staff/{staff_id}", headers=headers)).json()["role"])


async def refusals(ops: Ops, auditor: dict[str, str], action: str, staff_id: int) -> list[dict[str, Any]]:
    """The refused attempts of `action` by member `staff_id`, as the activity log shows them."""
    response = await ops.client.get(
        f"{OPS}/activity", params={"action": action, "staffId": staff_id, "limit": 100}, headers=auditor
    )
    return [e for e in response.json()["items"] if not e["succeeded"]]


@pytest.mark.parametrize("role", ["admin", "ops_manager", "super_admin"])
async def test_ops_manager_cannot_grant_a_role_at_or_above_own_level(
    ops: Ops, cast: dict[str, Member], tokens: dict[str, dict[str, str]], role: str
) -> None:
    agent = cast["support_agent"]
    response = await ops.client.put(
        f"{OPS}/staff/{agent.id}/role", json={"role": role}, headers=tokens["ops_manager"]
    )

    problem = assert_problem(response, 403, "forbidden")
    assert problem["permission"] == "rule:grant_only_roles_below_own_level"
    assert await role_of(ops, agent.id, tokens["ops_manager"]) == "support_agent"


async def test_ops_manager_cannot_change_an_admin_when_re_roling_or_editing(
    ops: Ops, cast: dict[str, Member], tokens: dict[str, dict[str, str]]
) -> None:
    target = cast["admin"].id
    re_role = await ops.client.put(
        f"{OPS}/staff/{target}/role", json={"role": "analyst"}, headers=tokens["ops_manager"]
    )
    edit = await ops.client.patch(
        f"{OPS}/staff/{target}", json={"status": "suspended"}, headers=tokens["ops_manager"]
    )

    assert (
        assert_problem(re_role, 403, "forbidden")["permission"] == "rule:manage_only_members_below_own_level"
    )
    assert assert_problem(edit, 403, "forbidden")["permission"] == "staff.manage"
    assert await role_of(ops, target, tokens["ops_manager"]) == "admin"
    assert await refusals(ops, tokens["admin"], "staff.role_change", cast["ops_manager"].id)


async def test_ops_manager_cannot_approve_someone_into_a_role_above_their_level(
    ops: Ops, tokens: dict[str, dict[str, str]]
) -> None:
    email = unique_email("applicant")
    await ops.client.post(
        f"{OPS}/auth/register", json={"name": "Farah Khan", "email": email, "password": MEMBER_PASSWORD}
    )
    listed = await ops.client.get(
        f"{OPS}/staff", params={"status": "pending", "limit": 100}, headers=tokens["ops_manager"]
    )
    staff_id = next(m["id"] for m in listed.json()["items"] if m["email"] == email)

    for role in ("admin", "ops_manager", "super_admin"):
        response = await ops.client.post(
            f"{OPS}/staff/{staff_id}/approve", json={"role": role}, headers=tokens["ops_manager"]
        )
        assert_problem(response, 403, "forbidden")
    still = (await ops.client.get(f"{OPS}/staff/{staff_id}", headers=tokens["ops_manager"])).json()
    assert (still["status"], still["role"]) == ("pending", "read_only")

    allowed = await ops.client.post(
        f"{OPS}/staff/{staff_id}/approve", json={"role": "senior_agent"}, headers=tokens["ops_manager"]
    )
    assert (allowed.status_code, allowed.json()["role"]) == (200, "senior_agent")


async def test_nobody_changes_their_own_role_even_to_a_lower_one(
    ops: Ops, cast: dict[str, Member], tokens: dict[str, dict[str, str]]
) -> None:
    for role in ("ops_manager", "admin"):
        me = cast[role].id
        response = await ops.client.put(
            f"{OPS}/staff/{me}/role", json={"role": "read_only"}, headers=tokens[role]
        )
        assert assert_problem(response, 403, "forbidden")["permission"] == "rule:no_managing_oneself"
        assert await role_of(ops, me, tokens["admin"]) == role


async def test_admin_cannot_manage_a_super_admin_or_a_fellow_admin(
    ops: Ops, tokens: dict[str, dict[str, str]]
) -> None:
    for staff_id in (1, 2):  # Aarav (super admin) and Priya (admin) of the demo data
        deactivate = await ops.client.delete(f"{OPS}/staff/{staff_id}", headers=tokens["admin"])
        assert_problem(deactivate, 403, "forbidden")
    assert (await ops.client.get(f"{OPS}/staff/1", headers=tokens["admin"])).json()["status"] == "active"


async def test_support_agent_cannot_call_any_staff_manage_endpoint(
    ops: Ops, cast: dict[str, Member], tokens: dict[str, dict[str, str]]
) -> None:
    agent = tokens["support_agent"]
    target = cast["admin"].id
    calls = [
        (
            "POST",
            "/staff",
            {"name": "X Y", "email": unique_email("x"), "role": "read_only", "password": MEMBER_PASSWORD},
        ),
        ("PATCH", f"/staff/{target}", {"name": "X Y"}),
        ("DELETE", f"/staff/{target}", None),
        ("DELETE", "/sessions/someone-elses", None),
    ]
    for method, path, body in calls:
        response = await ops.client.request(method, OPS + path, json=body, headers=agent)
        assert assert_problem(response, 403, "forbidden")["permission"] == "staff.manage"
    assert await refusals(ops, tokens["admin"], "staff.create", cast["support_agent"].id)


async def test_customer_token_gets_401_on_every_kind_of_ops_endpoint(ops: Ops) -> None:
    customer = bearer(await ops.customer_token())
    for method, path in (
        ("GET", "/staff"),
        ("DELETE", "/staff/5"),
        ("PUT", "/staff/5/role"),
        ("GET", "/activity"),
    ):
        response = await ops.client.request(method, OPS + path, json={"role": "admin"}, headers=customer)
        assert_problem(response, 401, "unauthenticated")


async def test_session_revoked_by_an_admin_is_refused_with_401_at_once(
    ops: Ops, tokens: dict[str, dict[str, str]]
) -> None:
    victim = await ops.member("senior_agent")
    signed = await ops.login(victim.email)
    headers = bearer(signed["accessToken"])
    session = next(s for s in await ops.sessions_of(victim.id, signed["accessToken"]) if s["current"])

    assert (
        await ops.client.delete(f"{OPS}/sessions/{session['id']}", headers=tokens["admin"])
    ).status_code == 204

    assert_problem(
        await ops.client.get(f"{OPS}/staff/{victim.id}/sessions", headers=headers), 401, "unauthenticated"
    )
    refresh = await ops.client.post(f"{OPS}/auth/refresh", json={"refreshToken": signed["refreshToken"]})
    assert_problem(refresh, 401, "unauthenticated")
