"""Staff sign-in over HTTP: login, refusals, lockout, refresh, logout, self-registration, and tokens that
never cross between customers and staff."""

from collections.abc import AsyncIterator

import pytest

from domain.staff.catalog import ROLES
from tests.e2e.conftest import assert_problem
from tests.e2e.ops_support import DEMO_PASSWORD, OPS, PROFILES, Member, Ops, bearer, ops_app, unique_email

AGENT_PERMISSIONS = next(sorted(perms) for code, _, _, _, perms in ROLES if code == "support_agent")


@pytest.fixture(scope="module", params=PROFILES)
async def ops(request: pytest.FixtureRequest) -> AsyncIterator[Ops]:
    async with ops_app(request) as app:
        yield app


@pytest.fixture(scope="module")
async def agent(ops: Ops) -> Member:
    return await ops.member("support_agent", name="Kavya Menon")


@pytest.fixture(scope="module")
async def admin_token(ops: Ops) -> str:
    return await ops.demo_token("admin")


async def test_login_returns_tokens_and_the_staff_profile_when_the_password_is_right(
    ops: Ops, agent: Member, admin_token: str
) -> None:
    response = await ops.client.post(
        f"{OPS}/auth/login",
        json={"email": agent.email.upper(), "password": agent.password},
        headers={"User-Agent": "ops-console/1.0"},
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["tokenType"] == "Bearer"
    assert body["expiresIn"] == 900
    assert body["staff"] == {
        "id": agent.id,
        "name": "Kavya Menon",
        "email": agent.email,
        "role": "support_agent",
        "level": 40,
        "permissions": AGENT_PERMISSIONS,
    }
    sessions = await ops.sessions_of(agent.id, body["accessToken"])
    current = next(s for s in sessions if s["current"])
    assert current["live"]
    assert current["userAgent"] == "ops-console/1.0"
    assert current["ip"]
    profile = (await ops.client.get(f"{OPS}/staff/{agent.id}", headers=bearer(admin_token))).json()
    assert profile["lastLoginAt"] is not None
    [entry, *_] = await ops.activity(admin_token, action="auth.login", staffId=agent.id)
    assert entry["succeeded"]
    assert entry["after"] == {"session": current["id"]}


@pytest.mark.parametrize(
    ("email", "password"),
    [
        (None, "Wrong#Password1"),
        ("nobody.at.all@nexora-test.in", DEMO_PASSWORD),
        ("not-an-email", DEMO_PASSWORD),
    ],
)
async def test_login_fails_with_401_and_says_nothing_more_when_email_or_password_is_wrong(
    ops: Ops, agent: Member, email: str | None, password: str
) -> None:
    response = await ops.client.post(
        f"{OPS}/auth/login", json={"email": email or agent.email, "password": password}
    )

    problem = assert_problem(response, 401, "invalid_credentials")
    assert problem["detail"] == "the email/mobile or password is wrong"
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    ("status", "phrase"),
    [("pending", "waiting for approval"), ("suspended", "suspended"), ("deactivated", "deactivated")],
)
async def test_login_is_refused_with_403_and_the_reason_when_the_account_is_not_active(
    ops: Ops, status: str, phrase: str
) -> None:
    if status == "pending":
        member = Member(id=0, email=unique_email("pending"), role="read_only")
        registered = await ops.client.post(
            f"{OPS}/auth/register",
            json={"name": "Anil Kapoor", "email": member.email, "password": member.password},
        )
        assert registered.status_code == 202
    else:
        member = await ops.member("analyst", status=status)

    response = await ops.client.post(
        f"{OPS}/auth/login", json={"email": member.email, "password": member.password}
    )

    problem = assert_problem(response, 403, "account_not_active")
    assert phrase in problem["detail"]


async def test_login_answers_429_with_retry_after_when_failures_repeat(ops: Ops) -> None:
    email = unique_email("locked")
    for _ in range(5):
        failed = await ops.client.post(
            f"{OPS}/auth/login", json={"email": email, "password": "Wrong#Password1"}
        )
        assert failed.status_code == 401

    response = await ops.client.post(
        f"{OPS}/auth/login", json={"email": email, "password": "Wrong#Password1"}
    )

    problem = assert_problem(response, 429, "rate_limited")
    assert int(response.headers["retry-after"]) > 0
    assert problem["retryAfter"] == int(response.headers["retry-after"])


async def test_login_answers_400_when_the_body_is_incomplete(ops: Ops) -> None:
    response = await ops.client.post(f"{OPS}/auth/login", json={"email": "x@nexora.in"})
    assert_problem(response, 400, "invalid_request")


async def test_refresh_rotates_and_a_reused_refresh_token_ends_the_session_when_replayed(
    ops: Ops, agent: Member
) -> None:
    first = await ops.login(agent.email)

    rotated = await ops.client.post(f"{OPS}/auth/refresh", json={"refreshToken": first["refreshToken"]})
    assert rotated.status_code == 200, rotated.text
    assert rotated.json()["staff"]["id"] == agent.id
    replayed = await ops.client.post(f"{OPS}/auth/refresh", json={"refreshToken": first["refreshToken"]})

    assert_problem(replayed, 401, "unauthenticated")
    after = await ops.client.get(
        f"{OPS}/staff/{agent.id}/sessions", headers=bearer(rotated.json()["accessToken"])
    )
    assert_problem(after, 401, "unauthenticated")


async def test_logout_ends_the_session_in_store_and_database_at_once_when_signed_out(
    ops: Ops, agent: Member, admin_token: str
) -> None:
    signed = await ops.login(agent.email)
    token = signed["accessToken"]
    session_id = next(s["id"] for s in await ops.sessions_of(agent.id, token) if s["current"])

    response = await ops.client.post(f"{OPS}/auth/logout", headers=bearer(token))

    assert response.status_code == 204
    assert_problem(
        await ops.client.get(f"{OPS}/staff/{agent.id}/sessions", headers=bearer(token)),
        401,
        "unauthenticated",
    )
    refresh = await ops.client.post(f"{OPS}/auth/refresh", json={"refreshToken": signed["refreshToken"]})
    assert_problem(refresh, 401, "unauthenticated")
    row = next(s for s in await ops.sessions_of(agent.id, admin_token) if s["id"] == session_id)
    assert row["revokedAt"] is not None
    assert not row["live"]
    [entry, *_] = await ops.activity(admin_token, action="auth.logout", staffId=agent.id)
    assert entry["targetId"] == session_id


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic YWxhZGRpbjpvcGVu"}]
)
async def test_ops_endpoints_answer_401_when_the_token_is_missing_or_bad(
    ops: Ops, headers: dict[str, str]
) -> None:
    for method, path in (("GET", "/staff"), ("POST", "/auth/logout"), ("GET", "/activity")):
        response = await ops.client.request(method, OPS + path, headers=headers)
        assert_problem(response, 401, "unauthenticated")


async def test_customer_token_is_refused_with_401_when_used_on_ops_endpoints(ops: Ops) -> None:
    token = await ops.customer_token()
    for method, path in (("GET", "/staff"), ("GET", "/roles"), ("POST", "/auth/logout")):
        response = await ops.client.request(method, OPS + path, headers=bearer(token))
        assert_problem(response, 401, "unauthenticated")


async def test_staff_token_is_refused_with_401_when_used_on_customer_endpoints(
    ops: Ops, admin_token: str
) -> None:
    response = await ops.client.post("/api/v1/auth/logout", headers=bearer(admin_token))
    assert_problem(response, 401, "unauthenticated")


async def test_registration_answers_the_same_whether_or_not_the_email_is_taken(
    ops: Ops, agent: Member, admin_token: str
) -> None:
    new_email = unique_email("applicant")
    fresh = await ops.client.post(
        f"{OPS}/auth/register",
        json={
            "name": "Farah Khan",
            "email": new_email,
            "password": agent.password,
            "phone": "+91 98450 55555",
        },
    )
    taken = await ops.client.post(
        f"{OPS}/auth/register",
        json={"name": "Someone Else", "email": agent.email, "password": agent.password},
    )

    assert (fresh.status_code, taken.status_code) == (202, 202)
    assert fresh.json() == taken.json()
    pending = await ops.client.get(
        f"{OPS}/staff", params={"status": "pending", "limit": 100}, headers=bearer(admin_token)
    )
    mine = [m for m in pending.json()["items"] if m["email"] == new_email]
    assert [(m["role"], m["status"], m["phone"]) for m in mine] == [("read_only", "pending", "+919845055555")]
    unchanged = (await ops.client.get(f"{OPS}/staff/{agent.id}", headers=bearer(admin_token))).json()
    assert (unchanged["name"], unchanged["status"]) == ("Kavya Menon", "active")
    outcomes = [e["succeeded"] for e in await ops.activity(admin_token, action="staff.register", limit=2)]
    assert outcomes == [False, True]


async def test_registration_answers_400_when_the_password_is_weak(ops: Ops) -> None:
    response = await ops.client.post(
        f"{OPS}/auth/register",
        json={"name": "Farah Khan", "email": unique_email("weak"), "password": "short1"},
    )
    assert_problem(response, 400, "weak_password")
