"""Staff management over HTTP as an administrator: the directory, create, change, suspend, deactivate,
approve, re-role, sessions, roles, permissions, and the activity line each change leaves."""

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest

from domain.staff.catalog import PERMISSIONS, ROLES
from tests.e2e.conftest import assert_problem
from tests.e2e.ops_support import MEMBER_PASSWORD, OPS, PROFILES, Ops, bearer, ops_app, unique_email


@pytest.fixture(scope="module", params=PROFILES)
async def ops(request: pytest.FixtureRequest) -> AsyncIterator[Ops]:
    async with ops_app(request) as app:
        yield app


@pytest.fixture(scope="module")
async def admin(ops: Ops) -> dict[str, str]:
    return bearer(await ops.demo_token("admin"))


async def last_activity(ops: Ops, admin: dict[str, str], action: str, target: object) -> dict[str, Any]:
    [entry, *_] = await ops.activity(admin["Authorization"][7:], action=action, targetId=str(target))
    return entry


async def test_directory_pages_and_filters_when_listing(ops: Ops, admin: dict[str, str]) -> None:
    first = (await ops.client.get(f"{OPS}/staff", params={"limit": 2}, headers=admin)).json()
    second = (await ops.client.get(f"{OPS}/staff", params={"limit": 2, "offset": 2}, headers=admin)).json()
    admins = (await ops.client.get(f"{OPS}/staff", params={"role": "super_admin"}, headers=admin)).json()

    assert [m["id"] for m in first["items"]] == [1, 2]
    assert [m["id"] for m in second["items"]] == [3, 4]
    assert first["total"] >= 5
    assert (first["limit"], second["offset"]) == (2, 2)
    assert "aarav.mehta@nexora.in" in [m["email"] for m in admins["items"]]
    assert {m["role"] for m in admins["items"]} == {"super_admin"}


@pytest.mark.parametrize(
    "params", [{"limit": 101}, {"limit": 0}, {"offset": -1}, {"status": "retired"}, {"role": "janitor"}]
)
async def test_directory_answers_400_when_a_filter_or_page_is_invalid(
    ops: Ops, admin: dict[str, str], params: dict[str, Any]
) -> None:
    response = await ops.client.get(f"{OPS}/staff", params=params, headers=admin)
    assert response.status_code == 400, response.text


async def test_member_detail_shows_the_roles_permissions_and_404_when_unknown(
    ops: Ops, admin: dict[str, str]
) -> None:
    rohit = (await ops.client.get(f"{OPS}/staff/5", headers=admin)).json()
    missing = await ops.client.get(f"{OPS}/staff/99999", headers=admin)

    assert (rohit["email"], rohit["role"], rohit["level"]) == ("rohit.sharma@nexora.in", "support_agent", 40)
    granted = next(perms for code, _, _, _, perms in ROLES if code == "support_agent")
    assert sorted(rohit["permissions"]) == sorted(granted)
    assert_problem(missing, 404, "not_found")


async def test_roles_and_permissions_mirror_the_catalog_when_listed(ops: Ops, admin: dict[str, str]) -> None:
    roles = (await ops.client.get(f"{OPS}/roles", headers=admin)).json()["items"]
    permissions = (await ops.client.get(f"{OPS}/permissions", headers=admin)).json()["items"]

    assert [(r["code"], r["level"], sorted(r["permissions"])) for r in roles] == sorted(
        ((code, level, sorted(perms)) for code, _, level, _, perms in ROLES), key=lambda r: -r[1]
    )
    assert {(p["code"], p["module"]) for p in permissions} == {(c, m) for c, m, _ in PERMISSIONS}


async def test_admin_creates_a_member_who_can_sign_in_and_the_change_is_logged(
    ops: Ops, admin: dict[str, str]
) -> None:
    email = unique_email("created")
    request_id = f"test-{uuid.uuid4().hex}"
    response = await ops.client.post(
        f"{OPS}/staff",
        json={"name": "Kavya  Menon", "email": email, "role": "senior_agent", "password": MEMBER_PASSWORD},
        headers={**admin, "X-Request-ID": request_id},
    )

    assert response.status_code == 201, response.text
    created = response.json()
    assert (created["name"], created["status"], created["role"], created["approvedById"]) == (
        "Kavya Menon",
        "active",
        "senior_agent",
        2,
    )
    assert (await ops.login(email))["staff"]["role"] == "senior_agent"
    entry = await last_activity(ops, admin, "staff.create", created["id"])
    assert (entry["staffId"], entry["requestId"], entry["succeeded"]) == (2, request_id, True)
    assert entry["after"]["role"] == "senior_agent"


@pytest.mark.parametrize(
    ("change", "status", "code"),
    [
        ({"email": "rohit.sharma@nexora.in"}, 409, "account_exists"),
        ({"role": "janitor"}, 400, "invalid_input"),
        ({"password": "weakpass"}, 400, "weak_password"),
        ({"phone": "12345"}, 400, "invalid_phone_number"),
        ({"role": "admin"}, 403, "forbidden"),
        ({"extra": True}, 400, "invalid_request"),
    ],
)
async def test_create_is_refused_with_the_right_problem_when_something_is_wrong(
    ops: Ops, admin: dict[str, str], change: dict[str, Any], status: int, code: str
) -> None:
    body = {
        "name": "Kavya Menon",
        "email": unique_email("refused"),
        "role": "analyst",
        "password": MEMBER_PASSWORD,
    }
    response = await ops.client.post(f"{OPS}/staff", json={**body, **change}, headers=admin)
    assert_problem(response, status, code)


async def test_update_changes_only_what_is_sent_and_suspension_ends_sessions_at_once(
    ops: Ops, admin: dict[str, str]
) -> None:
    member = await ops.member("support_agent")
    token = await ops.token(member.email)

    renamed = await ops.client.patch(
        f"{OPS}/staff/{member.id}", json={"name": "Kavya R Menon", "phone": "09845012345"}, headers=admin
    )
    suspended = await ops.client.patch(
        f"{OPS}/staff/{member.id}", json={"status": "suspended"}, headers=admin
    )

    assert renamed.status_code == 200, renamed.text
    assert (renamed.json()["name"], renamed.json()["phone"], renamed.json()["status"]) == (
        "Kavya R Menon",
        "+919845012345",
        "active",
    )
    assert (suspended.json()["status"], suspended.json()["phone"]) == ("suspended", "+919845012345")
    assert_problem(
        await ops.client.get(f"{OPS}/staff/{member.id}/sessions", headers=bearer(token)),
        401,
        "unauthenticated",
    )
    refused = await ops.client.post(
        f"{OPS}/auth/login", json={"email": member.email, "password": member.password}
    )
    assert_problem(refused, 403, "account_not_active")
    entry = await last_activity(ops, admin, "staff.update", member.id)
    assert (entry["before"]["status"], entry["after"]["status"]) == ("active", "suspended")

    reactivated = await ops.client.patch(f"{OPS}/staff/{member.id}", json={"status": "active"}, headers=admin)
    assert reactivated.json()["status"] == "active"
    assert (await ops.login(member.email))["staff"]["id"] == member.id


@pytest.mark.parametrize(
    ("staff_id", "body", "status", "code"),
    [
        (99999, {"name": "X Y"}, 404, "not_found"),
        (5, {"status": "deleted"}, 400, "invalid_request"),
        (5, {"name": "X"}, 400, "invalid_name"),
        (1, {"name": "Not Aarav"}, 403, "forbidden"),
        (2, {"name": "Not Priya"}, 403, "forbidden"),
    ],
)
async def test_update_is_refused_when_unknown_invalid_or_not_below_the_admin(
    ops: Ops, admin: dict[str, str], staff_id: int, body: dict[str, Any], status: int, code: str
) -> None:
    response = await ops.client.patch(f"{OPS}/staff/{staff_id}", json=body, headers=admin)
    assert_problem(response, status, code)


async def test_deactivation_ends_the_members_access_at_once_and_is_final(
    ops: Ops, admin: dict[str, str]
) -> None:
    member = await ops.member("quality")
    token = await ops.token(member.email)

    response = await ops.client.delete(f"{OPS}/staff/{member.id}", headers=admin)

    assert response.status_code == 204
    assert_problem(
        await ops.client.get(f"{OPS}/staff/{member.id}/sessions", headers=bearer(token)),
        401,
        "unauthenticated",
    )
    assert (await ops.client.get(f"{OPS}/staff/{member.id}", headers=admin)).json()["status"] == "deactivated"
    assert all(s["revokedAt"] for s in await ops.sessions_of(member.id, admin["Authorization"][7:]))
    assert_problem(
        await ops.client.delete(f"{OPS}/staff/{member.id}", headers=admin), 422, "staff_deactivated"
    )
    assert_problem(await ops.client.delete(f"{OPS}/staff/99999", headers=admin), 404, "not_found")
    entry = await last_activity(ops, admin, "staff.deactivate", member.id)
    assert entry["after"]["sessions_ended"] == 1


async def test_pending_registration_is_approved_with_a_role_then_can_sign_in(
    ops: Ops, admin: dict[str, str]
) -> None:
    email = unique_email("applicant")
    await ops.client.post(
        f"{OPS}/auth/register", json={"name": "Farah Khan", "email": email, "password": MEMBER_PASSWORD}
    )
    pending = (
        await ops.client.get(f"{OPS}/staff", params={"status": "pending", "limit": 100}, headers=admin)
    ).json()
    staff_id = next(m["id"] for m in pending["items"] if m["email"] == email)

    approved = await ops.client.post(
        f"{OPS}/staff/{staff_id}/approve", json={"role": "analyst"}, headers=admin
    )

    assert approved.status_code == 200, approved.text
    assert (approved.json()["status"], approved.json()["role"], approved.json()["approvedById"]) == (
        "active",
        "analyst",
        2,
    )
    assert (await ops.login(email))["staff"]["permissions"]
    again = await ops.client.post(f"{OPS}/staff/{staff_id}/approve", json={"role": "analyst"}, headers=admin)
    assert_problem(again, 422, "not_pending_approval")
    assert (await last_activity(ops, admin, "staff.approve", staff_id))["after"]["status"] == "active"


async def test_role_change_applies_from_the_members_next_request(ops: Ops, admin: dict[str, str]) -> None:
    member = await ops.member("read_only")
    token = await ops.token(member.email)
    assert (await ops.client.get(f"{OPS}/roles", headers=bearer(token))).status_code == 200

    changed = await ops.client.put(f"{OPS}/staff/{member.id}/role", json={"role": "analyst"}, headers=admin)

    assert changed.json()["role"] == "analyst"
    assert_problem(await ops.client.get(f"{OPS}/roles", headers=bearer(token)), 403, "forbidden")
    entry = await last_activity(ops, admin, "staff.role_change", member.id)
    assert (entry["before"]["role"], entry["after"]["role"]) == ("read_only", "analyst")
    unknown = await ops.client.put(f"{OPS}/staff/99999/role", json={"role": "analyst"}, headers=admin)
    assert_problem(unknown, 404, "not_found")


async def test_admin_ends_a_members_session_at_once_and_unknown_sessions_are_404(
    ops: Ops, admin: dict[str, str]
) -> None:
    member = await ops.member("support_agent")
    token = await ops.token(member.email)
    [session] = await ops.sessions_of(member.id, token)

    response = await ops.client.delete(f"{OPS}/sessions/{session['id']}", headers=admin)

    assert response.status_code == 204
    assert_problem(
        await ops.client.get(f"{OPS}/staff/{member.id}/sessions", headers=bearer(token)),
        401,
        "unauthenticated",
    )
    assert_problem(
        await ops.client.delete(f"{OPS}/sessions/no-such-session", headers=admin), 404, "not_found"
    )
    entry = await last_activity(ops, admin, "session.revoke", session["id"])
    assert entry["after"] == {"staff_id": member.id, "own": False}


async def test_member_ends_their_own_other_session_without_staff_manage(ops: Ops) -> None:
    member = await ops.member("analyst")
    laptop = await ops.token(member.email)
    phone = await ops.token(member.email)
    phone_session = next(s["id"] for s in await ops.sessions_of(member.id, phone) if s["current"])

    response = await ops.client.delete(f"{OPS}/sessions/{phone_session}", headers=bearer(laptop))

    assert response.status_code == 204
    assert_problem(
        await ops.client.get(f"{OPS}/staff/{member.id}/sessions", headers=bearer(phone)),
        401,
        "unauthenticated",
    )
    assert (
        await ops.client.get(f"{OPS}/staff/{member.id}/sessions", headers=bearer(laptop))
    ).status_code == 200


async def test_activity_filters_by_acting_member_and_action_when_audited(
    ops: Ops, admin: dict[str, str]
) -> None:
    token = admin["Authorization"][7:]
    by_admin = await ops.activity(token, staffId=2, limit=100)
    logins = await ops.activity(token, action="auth.login", limit=5)
    paged = await ops.client.get(f"{OPS}/activity", params={"limit": 101}, headers=admin)

    assert by_admin
    assert {e["staffId"] for e in by_admin} == {2}
    assert {e["action"] for e in logins} == {"auth.login"}
    assert [e["id"] for e in logins] == sorted((e["id"] for e in logins), reverse=True)
    assert paged.status_code == 400


async def test_sessions_of_an_unknown_member_are_404_when_the_reader_has_staff_view(
    ops: Ops, admin: dict[str, str]
) -> None:
    member = await ops.member("read_only")
    response = await ops.client.get(
        f"{OPS}/staff/99999/sessions", headers=bearer(await ops.token(member.email))
    )
    assert_problem(response, 404, "not_found")
