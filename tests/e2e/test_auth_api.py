"""Customer sign-up, sign-in, refresh, sign-out and password reset over HTTP, with the attacks they must
withstand. Runs in both profiles (embedded and MariaDB + Redis)."""

import time
import uuid
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select

from adapters.persistence import tables
from adapters.persistence.engine import create_engine
from entrypoints.settings import Settings
from tests.e2e.conftest import assert_problem

Client = AsyncTestClient[Litestar]
PASSWORD = "Mango-Lassi-42"


def unique_email() -> str:
    return f"user.{uuid.uuid4().hex[:12]}@example.in"


def unique_phone() -> str:
    return f"+9170{uuid.uuid4().int % 10**8:08d}"


async def register(client: Client, **fields: Any) -> dict[str, Any]:
    body = {"name": "Ananya Iyer", "password": PASSWORD, "email": unique_email(), **fields}
    response = await client.post("/api/v1/auth/register", json=body)
    assert response.status_code == 201, response.text
    return {**response.json(), "_email": body.get("email"), "_phone": body.get("phone")}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_sign_up_returns_tokens_and_the_account_when_details_are_valid(client: Client) -> None:
    phone = unique_phone()
    body = await register(client, phone=f"{phone[3:8]} {phone[8:]}")
    assert body["tokenType"] == "Bearer"
    assert body["expiresIn"] == 15 * 60
    assert body["accessToken"].count(".") == 2
    assert body["refreshToken"] != body["accessToken"]
    assert body["user"]["email"] == body["_email"]
    assert body["user"]["phone"] == phone
    assert body["user"]["emailVerified"] is False


@pytest.mark.parametrize(
    ("changes", "status", "code"),
    [
        ({"password": "short1"}, 400, "weak_password"),
        ({"password": "onlyletterslong"}, 400, "weak_password"),
        ({"password": "password1234"}, 400, "weak_password"),
        ({"email": "not-an-email"}, 400, "invalid_email"),
        ({"email": None, "phone": "12345"}, 400, "invalid_phone_number"),
        ({"email": None}, 400, "invalid_input"),
        ({"name": "A"}, 400, "invalid_name"),
        ({"unexpected": 1}, 400, "invalid_request"),
    ],
)
async def test_sign_up_is_refused_with_a_clear_problem_when_input_is_bad(
    client: Client, changes: dict[str, Any], status: int, code: str
) -> None:
    body = {"name": "Ananya Iyer", "password": PASSWORD, "email": unique_email(), **changes}
    assert_problem(await client.post("/api/v1/auth/register", json=body), status, code)


async def test_sign_up_with_a_taken_email_is_a_conflict_that_names_no_detail_when_repeated(
    client: Client,
) -> None:
    first = await register(client)
    response = await client.post(
        "/api/v1/auth/register", json={"name": "Someone Else", "password": PASSWORD, "email": first["_email"]}
    )
    body = assert_problem(response, 409, "account_exists")
    assert first["_email"] not in body["detail"]


async def test_sign_in_works_with_email_or_any_mobile_format_when_the_password_is_right(
    client: Client,
) -> None:
    phone = unique_phone()
    account = await register(client, phone=phone)
    for identifier in (account["_email"].upper(), phone, phone[3:], f"0{phone[3:]}"):
        response = await client.post(
            "/api/v1/auth/login", json={"identifier": identifier, "password": PASSWORD}
        )
        assert response.status_code == 200, (identifier, response.text)
        assert response.json()["user"]["id"] == account["user"]["id"]


async def test_wrong_password_and_unknown_account_get_the_same_answer_when_signing_in(client: Client) -> None:
    account = await register(client)
    wrong = await client.post(
        "/api/v1/auth/login", json={"email": account["_email"], "password": "Wrong-pass-99"}
    )
    unknown = await client.post("/api/v1/auth/login", json={"email": unique_email(), "password": PASSWORD})
    a, b = (
        assert_problem(wrong, 401, "invalid_credentials"),
        assert_problem(unknown, 401, "invalid_credentials"),
    )
    assert a["detail"] == b["detail"]
    assert wrong.headers["www-authenticate"].startswith("Bearer")


async def test_repeated_failures_lock_sign_in_with_retry_after_even_for_the_right_password(
    client: Client,
) -> None:
    account = await register(client)
    for _ in range(5):
        response = await client.post(
            "/api/v1/auth/login", json={"email": account["_email"], "password": "Nope-12345"}
        )
        assert response.status_code == 401
    locked = await client.post("/api/v1/auth/login", json={"email": account["_email"], "password": PASSWORD})
    body = assert_problem(locked, 429, "rate_limited")
    assert int(locked.headers["retry-after"]) > 0
    assert body["retryAfter"] == int(locked.headers["retry-after"])


async def test_refresh_rotates_and_a_replayed_refresh_token_signs_out_the_family_when_reused(
    client: Client,
) -> None:
    account = await register(client)
    first = await client.post("/api/v1/auth/refresh", json={"refreshToken": account["refreshToken"]})
    assert first.status_code == 200
    rotated = first.json()
    assert rotated["refreshToken"] != account["refreshToken"]
    replay = await client.post("/api/v1/auth/refresh", json={"refreshToken": account["refreshToken"]})
    assert_problem(replay, 401, "unauthenticated")
    after = await client.post("/api/v1/auth/refresh", json={"refreshToken": rotated["refreshToken"]})
    assert_problem(after, 401, "unauthenticated")
    assert_problem(
        await client.post("/api/v1/auth/logout", headers=bearer(rotated["accessToken"])),
        401,
        "unauthenticated",
    )


async def test_logout_revokes_the_access_and_refresh_tokens_of_the_session_when_called(
    client: Client,
) -> None:
    account = await register(client)
    other = (
        await client.post("/api/v1/auth/login", json={"email": account["_email"], "password": PASSWORD})
    ).json()
    assert (
        await client.post("/api/v1/auth/logout", headers=bearer(account["accessToken"]))
    ).status_code == 204
    assert_problem(
        await client.post("/api/v1/auth/logout", headers=bearer(account["accessToken"])),
        401,
        "unauthenticated",
    )
    refresh = await client.post("/api/v1/auth/refresh", json={"refreshToken": account["refreshToken"]})
    assert_problem(refresh, 401, "unauthenticated")
    assert (await client.post("/api/v1/auth/logout", headers=bearer(other["accessToken"]))).status_code == 204


@pytest.mark.parametrize(
    "header",
    [None, "Bearer", "Basic dXNlcjpwYXNz", "Bearer not.a.jwt", "Token abc"],
)
async def test_protected_endpoint_answers_401_when_credentials_are_missing_or_malformed(
    client: Client, header: str | None
) -> None:
    headers = {"Authorization": header} if header else {}
    response = await client.post("/api/v1/auth/logout", headers=headers)
    assert_problem(response, 401, "unauthenticated")


async def test_refresh_token_is_refused_as_an_access_token_when_presented(client: Client) -> None:
    account = await register(client)
    assert_problem(
        await client.post("/api/v1/auth/logout", headers=bearer(account["refreshToken"])),
        401,
        "unauthenticated",
    )
    refresh_with_access = await client.post(
        "/api/v1/auth/refresh", json={"refreshToken": account["accessToken"]}
    )
    assert_problem(refresh_with_access, 401, "unauthenticated")


async def _reset_token(settings: Settings, destination: str) -> str:
    engine = create_engine(settings.database_url)
    try:
        async with engine.connect() as conn:
            rows = (
                await conn.execute(select(tables.outbox.c.payload).order_by(tables.outbox.c.id.desc()))
            ).all()
    finally:
        await engine.dispose()
    for (payload,) in rows:
        if payload["to"] == destination and payload["template"] == "password_reset":
            return str(payload["data"]["token"])
    raise AssertionError(f"no reset message for {destination}")


async def test_password_reset_replaces_the_password_and_signs_out_everywhere_when_confirmed(
    client: Client, profile_settings: Settings
) -> None:
    account = await register(client)
    unknown = await client.post("/api/v1/auth/password-reset", json={"identifier": unique_email()})
    known = await client.post("/api/v1/auth/password-reset", json={"identifier": account["_email"]})
    assert unknown.status_code == known.status_code == 202
    assert unknown.json() == known.json()
    token = await _reset_token(profile_settings, account["_email"])
    new_password = "Filter-Coffee-77"
    confirm = await client.post(
        "/api/v1/auth/password-reset/confirm", json={"token": token, "newPassword": new_password}
    )
    assert confirm.status_code == 204, confirm.text
    again = await client.post(
        "/api/v1/auth/password-reset/confirm", json={"token": token, "newPassword": new_password}
    )
    assert_problem(again, 401, "unauthenticated")
    assert_problem(
        await client.post("/api/v1/auth/logout", headers=bearer(account["accessToken"])),
        401,
        "unauthenticated",
    )
    old = await client.post("/api/v1/auth/login", json={"email": account["_email"], "password": PASSWORD})
    assert_problem(old, 401, "invalid_credentials")
    new = await client.post("/api/v1/auth/login", json={"email": account["_email"], "password": new_password})
    assert new.status_code == 200


async def test_password_reset_with_a_made_up_token_is_refused_when_confirmed(client: Client) -> None:
    response = await client.post(
        "/api/v1/auth/password-reset/confirm",
        json={"token": "made-up-token", "newPassword": "Filter-Coffee-77"},
    )
    assert_problem(response, 401, "unauthenticated")


async def test_sign_in_takes_about_as_long_for_unknown_accounts_when_timed(client: Client) -> None:
    account = await register(client)

    async def timed(email: str) -> float:
        started = time.perf_counter()
        await client.post("/api/v1/auth/login", json={"email": email, "password": "Wrong-pass-99"})
        return time.perf_counter() - started

    known = min([await timed(account["_email"]) for _ in range(3)])
    unknown = min([await timed(unique_email()) for _ in range(3)])
    assert unknown > known * 0.5, (known, unknown)
