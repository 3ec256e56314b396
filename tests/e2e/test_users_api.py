"""The signed-in customer's own account over HTTP (`/api/v1/users/me`): profile, password, deletion and
address book, with the attacks they must withstand. Runs in both profiles (embedded and MariaDB + Redis)."""

import time
import uuid
from typing import Any

import jwt
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis

from entrypoints.settings import Settings
from tests.e2e.conftest import TEST_JWT_SECRET, assert_problem

Client = AsyncTestClient[Litestar]
PASSWORD = "Mango-Lassi-42"
NEW_PASSWORD = "Filter-Coffee-77"
ME = "/api/v1/users/me"
ADDRESSES = f"{ME}/addresses"
HOME = {"label": "Home", "line1": "4B Prestige Acropolis", "pincode": "560034"}
PER_IP_COUNTERS = ("nexora:rate:signup-ip:testclient", "nexora:rate:login-ip:testclient")


@pytest.fixture(autouse=True)
async def _fresh_per_ip_counters(profile_settings: Settings) -> None:
    """Every test client request comes from "testclient", so the shared Redis's per-IP sign-up and sign-in
    limits count the whole session (and earlier runs): start each test here below them."""
    if profile_settings.redis_url:
        redis = Redis.from_url(profile_settings.redis_url)
        try:
            await redis.delete(*PER_IP_COUNTERS)
        finally:
            await redis.aclose()


def unique_email() -> str:
    return f"me.{uuid.uuid4().hex[:12]}@example.in"


def unique_phone() -> str:
    return f"+9171{uuid.uuid4().int % 10**8:08d}"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def register(client: Client, **fields: Any) -> dict[str, Any]:
    body = {"name": "Ananya Iyer", "password": PASSWORD, "email": unique_email(), **fields}
    response = await client.post("/api/v1/auth/register", json=body)
    assert response.status_code == 201, response.text
    account: dict[str, Any] = response.json()
    account["headers"] = bearer(account["accessToken"])
    account["email"] = body["email"]
    return account


async def add_address(client: Client, account: dict[str, Any], **fields: Any) -> dict[str, Any]:
    response = await client.post(ADDRESSES, json={**HOME, **fields}, headers=account["headers"])
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def login(client: Client, email: str, password: str) -> Any:
    return await client.post("/api/v1/auth/login", json={"email": email, "password": password})


def forged_token(subject: int, *, secret: str, algorithm: str = "HS256") -> str:
    now = time.time()
    payload = {
        "iss": "nexora",
        "sub": str(subject),
        "aud": "customer",
        "typ": "access",
        "jti": uuid.uuid4().hex,
        "fam": uuid.uuid4().hex,
        "iat": now,
        "exp": int(now) + 600,
    }
    return jwt.encode(payload, secret, algorithm=algorithm)


# --- profile -----------------------------------------------------------------------------------------


async def test_profile_shows_the_signed_in_account_in_camel_case_when_read(client: Client) -> None:
    phone = unique_phone()
    account = await register(client, phone=phone)
    response = await client.get(ME, headers=account["headers"])
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"id", "name", "email", "phone", "emailVerified", "phoneVerified", "lastLoginAt"}
    assert (body["id"], body["name"], body["email"], body["phone"]) == (
        account["user"]["id"],
        "Ananya Iyer",
        account["email"],
        phone,
    )
    assert body["emailVerified"] is False


ENDPOINTS = [
    ("GET", ME),
    ("PATCH", ME),
    ("DELETE", ME),
    ("PATCH", f"{ME}/password"),
    ("GET", ADDRESSES),
    ("POST", ADDRESSES),
    ("GET", f"{ADDRESSES}/1"),
    ("PATCH", f"{ADDRESSES}/1"),
    ("DELETE", f"{ADDRESSES}/1"),
]


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
async def test_every_endpoint_answers_401_when_the_token_is_missing_bad_or_forged(
    client: Client, method: str, path: str
) -> None:
    bodies = {"PATCH": {"name": "Someone"}, "POST": HOME}
    for headers in (
        {},
        {"Authorization": "Bearer not.a.jwt"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        bearer(forged_token(1, secret="another-secret-" + "z" * 40)),
        bearer(forged_token(1, secret="", algorithm="none")),
    ):
        response = await client.request(method, path, headers=headers, json=bodies.get(method))
        assert_problem(response, 401, "unauthenticated")
        assert response.headers["www-authenticate"].startswith("Bearer")


async def test_only_the_name_changes_when_only_the_name_is_patched(client: Client) -> None:
    account = await register(client)
    response = await client.patch(ME, json={"name": "  Ananya   R. Iyer "}, headers=account["headers"])
    assert response.status_code == 200, response.text
    assert response.json()["name"] == "Ananya R. Iyer"
    again = (await client.get(ME, headers=account["headers"])).json()
    assert (again["name"], again["email"], again["phone"]) == ("Ananya R. Iyer", account["email"], None)


async def test_new_email_is_unverified_and_signs_in_when_patched(client: Client) -> None:
    account = await register(client)
    new_email = unique_email()
    response = await client.patch(ME, json={"email": new_email.upper()}, headers=account["headers"])
    assert response.status_code == 200, response.text
    assert (response.json()["email"], response.json()["emailVerified"]) == (new_email, False)
    assert (await login(client, new_email, PASSWORD)).status_code == 200
    assert_problem(await login(client, account["email"], PASSWORD), 401, "invalid_credentials")


async def test_email_can_be_removed_but_not_the_last_contact_when_patched_with_null(client: Client) -> None:
    phone = unique_phone()
    account = await register(client, phone=phone)
    removed = await client.patch(ME, json={"email": None}, headers=account["headers"])
    assert removed.status_code == 200, removed.text
    assert (removed.json()["email"], removed.json()["phone"]) == (None, phone)
    refused = await client.patch(ME, json={"phone": None}, headers=account["headers"])
    assert_problem(refused, 422, "contact_required")
    assert (await client.get(ME, headers=account["headers"])).json()["phone"] == phone


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"name": None}, "invalid_request"),
        ({"name": ""}, "invalid_request"),
        ({"name": "A"}, "invalid_name"),
        ({"email": "not-an-email"}, "invalid_email"),
        ({"phone": "12345"}, "invalid_phone_number"),
        ({"emailVerified": True}, "invalid_request"),
        ({"id": 1}, "invalid_request"),
    ],
)
async def test_bad_profile_changes_are_a_400_problem_and_change_nothing_when_patched(
    client: Client, body: dict[str, Any], code: str
) -> None:
    account = await register(client)
    assert_problem(await client.patch(ME, json=body, headers=account["headers"]), 400, code)
    again = (await client.get(ME, headers=account["headers"])).json()
    assert (again["name"], again["email"], again["emailVerified"]) == ("Ananya Iyer", account["email"], False)


async def test_taken_email_or_mobile_is_a_409_conflict_when_patched(client: Client) -> None:
    phone = unique_phone()
    other = await register(client, phone=phone)
    account = await register(client)
    for body in ({"email": other["email"]}, {"phone": phone}):
        response = await client.patch(ME, json=body, headers=account["headers"])
        problem = assert_problem(response, 409, "account_exists")
        assert other["email"] not in problem["detail"]
    assert (await client.get(ME, headers=account["headers"])).json()["email"] == account["email"]


# --- password ----------------------------------------------------------------------------------------


async def test_password_change_returns_a_fresh_pair_and_signs_out_every_old_session_when_right(
    client: Client,
) -> None:
    account = await register(client)
    other_session = (await login(client, account["email"], PASSWORD)).json()
    response = await client.patch(
        f"{ME}/password",
        json={"currentPassword": PASSWORD, "newPassword": NEW_PASSWORD},
        headers=account["headers"],
    )
    assert response.status_code == 200, response.text
    fresh = response.json()
    assert (
        set(fresh) == set(other_session) == {"accessToken", "refreshToken", "tokenType", "expiresIn", "user"}
    )
    assert fresh["user"]["id"] == account["user"]["id"]
    for old in (account, other_session):
        assert_problem(await client.get(ME, headers=bearer(old["accessToken"])), 401, "unauthenticated")
        refresh = await client.post("/api/v1/auth/refresh", json={"refreshToken": old["refreshToken"]})
        assert_problem(refresh, 401, "unauthenticated")
    assert (await client.get(ME, headers=bearer(fresh["accessToken"]))).status_code == 200
    assert (
        await client.post("/api/v1/auth/refresh", json={"refreshToken": fresh["refreshToken"]})
    ).status_code == 200
    assert_problem(await login(client, account["email"], PASSWORD), 401, "invalid_credentials")
    assert (await login(client, account["email"], NEW_PASSWORD)).status_code == 200


async def test_password_change_is_refused_and_the_session_survives_when_the_current_password_is_wrong(
    client: Client,
) -> None:
    account = await register(client)
    response = await client.patch(
        f"{ME}/password",
        json={"currentPassword": "Wrong-pass-99", "newPassword": NEW_PASSWORD},
        headers=account["headers"],
    )
    assert_problem(response, 401, "invalid_credentials")
    assert (await client.get(ME, headers=account["headers"])).status_code == 200
    assert (await login(client, account["email"], PASSWORD)).status_code == 200


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"currentPassword": PASSWORD, "newPassword": "short1"}, "weak_password"),
        ({"currentPassword": PASSWORD, "newPassword": "password1234"}, "weak_password"),
        ({"currentPassword": PASSWORD}, "invalid_request"),
        ({"currentPassword": PASSWORD, "newPassword": NEW_PASSWORD, "extra": 1}, "invalid_request"),
    ],
)
async def test_bad_new_password_is_a_400_problem_and_the_old_one_still_works_when_patched(
    client: Client, body: dict[str, Any], code: str
) -> None:
    account = await register(client)
    assert_problem(await client.patch(f"{ME}/password", json=body, headers=account["headers"]), 400, code)
    assert (await login(client, account["email"], PASSWORD)).status_code == 200


async def test_new_password_holding_the_email_name_is_refused_when_patched(client: Client) -> None:
    account = await register(client)
    local = account["email"].split("@")[0]
    response = await client.patch(
        f"{ME}/password",
        json={"currentPassword": PASSWORD, "newPassword": f"{local}-Pass-1"},
        headers=account["headers"],
    )
    assert_problem(response, 400, "weak_password")


# --- deletion ----------------------------------------------------------------------------------------


async def test_deleted_account_refuses_its_old_tokens_and_sign_in_and_frees_its_email_when_deleted(
    client: Client,
) -> None:
    account = await register(client)
    address = await add_address(client, account)
    response = await client.delete(ME, headers=account["headers"])
    assert response.status_code == 204, response.text
    assert response.content == b""
    assert_problem(await client.get(ME, headers=account["headers"]), 401, "unauthenticated")
    assert_problem(
        await client.get(f"{ADDRESSES}/{address['id']}", headers=account["headers"]), 401, "unauthenticated"
    )
    assert_problem(await client.delete(ME, headers=account["headers"]), 401, "unauthenticated")
    refresh = await client.post("/api/v1/auth/refresh", json={"refreshToken": account["refreshToken"]})
    assert_problem(refresh, 401, "unauthenticated")
    assert_problem(await login(client, account["email"], PASSWORD), 401, "invalid_credentials")
    again = await register(client, email=account["email"])
    assert again["user"]["id"] != account["user"]["id"]
    assert (await client.get(ADDRESSES, headers=again["headers"])).json() == {"items": []}


# --- addresses ---------------------------------------------------------------------------------------


async def test_first_address_is_the_default_with_its_place_from_the_pincode_when_added(
    client: Client,
) -> None:
    account = await register(client)
    body = await add_address(client, account, landmark="Opposite Forum Mall", pincode=" 560 034 ")
    assert set(body) == {
        "id",
        "label",
        "line1",
        "line2",
        "landmark",
        "locality",
        "city",
        "state",
        "pincode",
        "isDefault",
    }
    assert (body["pincode"], body["locality"], body["city"], body["state"]) == (
        "560034",
        "Koramangala",
        "Bengaluru",
        "Karnataka",
    )
    assert (body["isDefault"], body["line2"], body["landmark"]) == (True, "", "Opposite Forum Mall")
    assert (await client.get(f"{ADDRESSES}/{body['id']}", headers=account["headers"])).json() == body


async def test_address_book_lists_live_addresses_and_moves_the_default_when_changed(client: Client) -> None:
    account = await register(client)
    home = await add_address(client, account, label="Home")
    office = await add_address(client, account, label="Office", pincode="400050", isDefault=True)
    parents = await add_address(client, account, label="Parents")
    listed = (await client.get(ADDRESSES, headers=account["headers"])).json()["items"]
    assert [(a["label"], a["isDefault"]) for a in listed] == [
        ("Home", False),
        ("Office", True),
        ("Parents", False),
    ]
    assert listed[1]["city"] == "Mumbai"

    removed = await client.delete(f"{ADDRESSES}/{office['id']}", headers=account["headers"])
    assert removed.status_code == 204
    listed = (await client.get(ADDRESSES, headers=account["headers"])).json()["items"]
    assert [(a["id"], a["isDefault"]) for a in listed] == [(home["id"], True), (parents["id"], False)]
    gone = await client.get(f"{ADDRESSES}/{office['id']}", headers=account["headers"])
    assert_problem(gone, 404, "address_not_found")
    again = await client.delete(f"{ADDRESSES}/{office['id']}", headers=account["headers"])
    assert_problem(again, 404, "address_not_found")


async def test_only_the_sent_fields_change_and_a_new_pincode_moves_the_place_when_patched(
    client: Client,
) -> None:
    account = await register(client)
    home = await add_address(client, account, line2="1st Block", landmark="Near Forum")
    response = await client.patch(
        f"{ADDRESSES}/{home['id']}", json={"pincode": "400050", "landmark": None}, headers=account["headers"]
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["label"], body["line1"], body["line2"], body["landmark"]) == (
        "Home",
        "4B Prestige Acropolis",
        "1st Block",
        "",
    )
    assert (body["pincode"], body["locality"], body["city"], body["state"]) == (
        "400050",
        "Bandra West",
        "Mumbai",
        "Maharashtra",
    )
    assert (await client.get(f"{ADDRESSES}/{home['id']}", headers=account["headers"])).json() == body


async def test_making_an_address_default_undefaults_the_other_and_clearing_it_is_refused_when_patched(
    client: Client,
) -> None:
    account = await register(client)
    home = await add_address(client, account, label="Home")
    office = await add_address(client, account, label="Office")
    made = await client.patch(
        f"{ADDRESSES}/{office['id']}", json={"isDefault": True}, headers=account["headers"]
    )
    assert made.json()["isDefault"] is True
    assert (await client.get(f"{ADDRESSES}/{home['id']}", headers=account["headers"])).json()[
        "isDefault"
    ] is False
    cleared = await client.patch(
        f"{ADDRESSES}/{office['id']}", json={"isDefault": False}, headers=account["headers"]
    )
    assert_problem(cleared, 422, "default_address_required")


async def test_unknown_pincode_is_a_422_problem_when_adding_or_moving_an_address(client: Client) -> None:
    account = await register(client)
    body = assert_problem(
        await client.post(ADDRESSES, json={**HOME, "pincode": "999999"}, headers=account["headers"]),
        422,
        "unknown_pincode",
    )
    assert "999999" in body["detail"]
    home = await add_address(client, account)
    moved = await client.patch(
        f"{ADDRESSES}/{home['id']}", json={"pincode": "999999"}, headers=account["headers"]
    )
    assert_problem(moved, 422, "unknown_pincode")
    assert (await client.get(ADDRESSES, headers=account["headers"])).json()["items"] == [home]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"pincode": "56003"}, "invalid_pincode"),
        ({"pincode": "056003"}, "invalid_pincode"),
        ({"pincode": "abcdef"}, "invalid_pincode"),
        ({"label": "   "}, "invalid_address"),
        ({"label": "x" * 41}, "invalid_request"),
        ({"line1": None}, "invalid_request"),
        ({"isDefault": "yes"}, "invalid_request"),
        ({"city": "Chennai"}, "invalid_request"),
        ({"id": 1}, "invalid_request"),
    ],
)
async def test_bad_address_input_is_a_400_problem_when_added_or_patched(
    client: Client, changes: dict[str, Any], code: str
) -> None:
    account = await register(client)
    assert_problem(
        await client.post(ADDRESSES, json={**HOME, **changes}, headers=account["headers"]), 400, code
    )
    home = await add_address(client, account)
    patched = await client.patch(f"{ADDRESSES}/{home['id']}", json=changes, headers=account["headers"])
    assert_problem(patched, 400, code)
    assert (await client.get(ADDRESSES, headers=account["headers"])).json()["items"] == [home]


async def test_missing_required_address_fields_are_a_400_problem_when_added(client: Client) -> None:
    account = await register(client)
    for missing in ("label", "line1", "pincode"):
        body = {k: v for k, v in HOME.items() if k != missing}
        assert_problem(
            await client.post(ADDRESSES, json=body, headers=account["headers"]), 400, "invalid_request"
        )


async def test_eleventh_address_is_a_422_problem_when_ten_are_saved(client: Client) -> None:
    account = await register(client)
    for n in range(10):
        await add_address(client, account, label=f"Place {n}")
    refused = await client.post(ADDRESSES, json={**HOME, "label": "One too many"}, headers=account["headers"])
    assert_problem(refused, 422, "too_many_addresses")
    assert len((await client.get(ADDRESSES, headers=account["headers"])).json()["items"]) == 10


@pytest.mark.parametrize("address_id", ["987654321", "0", "99999999999999999999"])
async def test_unknown_address_id_is_a_404_problem_when_requested(client: Client, address_id: str) -> None:
    account = await register(client)
    await add_address(client, account)
    for method, body in (("GET", None), ("PATCH", {"label": "x"}), ("DELETE", None)):
        response = await client.request(
            method, f"{ADDRESSES}/{address_id}", json=body, headers=account["headers"]
        )
        assert_problem(response, 404, "address_not_found")


async def test_non_numeric_address_id_is_a_404_problem_when_requested(client: Client) -> None:
    account = await register(client)
    assert_problem(await client.get(f"{ADDRESSES}/abc", headers=account["headers"]), 404, "not_found")


# --- attacks -----------------------------------------------------------------------------------------


async def test_another_customers_address_ids_are_404_for_every_operation_and_stay_untouched_when_tried(
    client: Client,
) -> None:
    attacker = await register(client)
    victim = await register(client)
    await add_address(client, attacker)
    target = await add_address(client, victim, label="Victim home", pincode="400050")
    unknown = await client.get(f"{ADDRESSES}/987654321", headers=attacker["headers"])
    unknown_problem = assert_problem(unknown, 404, "address_not_found")
    attempts = [
        ("GET", None),
        ("PATCH", {"label": "Mine now", "isDefault": True}),
        ("PATCH", {"pincode": "999999"}),
        ("PATCH", {"label": "   "}),
        ("DELETE", None),
    ]
    for method, body in attempts:
        response = await client.request(
            method, f"{ADDRESSES}/{target['id']}", json=body, headers=attacker["headers"]
        )
        problem = assert_problem(response, 404, "address_not_found")
        assert problem["detail"] == unknown_problem["detail"].replace("987654321", str(target["id"]))
        assert set(problem) == set(unknown_problem)
    assert (await client.get(f"{ADDRESSES}/{target['id']}", headers=victim["headers"])).json() == target
    assert target not in (await client.get(ADDRESSES, headers=attacker["headers"])).json()["items"]


async def test_a_token_only_ever_reaches_its_own_profile_when_another_accounts_id_is_tried(
    client: Client,
) -> None:
    attacker = await register(client)
    victim = await register(client)
    victim_id = victim["user"]["id"]
    assert (await client.get(ME, headers=attacker["headers"])).json()["id"] == attacker["user"]["id"]
    for path in (f"/api/v1/users/{victim_id}", f"/api/v1/users/{victim_id}/addresses"):
        assert (await client.get(path, headers=attacker["headers"])).status_code == 404
    smuggled = await client.patch(ME, json={"id": victim_id, "name": "Hacked"}, headers=attacker["headers"])
    assert_problem(smuggled, 400, "invalid_request")
    for token in (
        forged_token(victim_id, secret="guessed-secret-" + "q" * 40),
        forged_token(victim_id, secret="", algorithm="none"),
        victim["refreshToken"],
    ):
        response = await client.patch(ME, json={"name": "Hacked"}, headers=bearer(token))
        assert_problem(response, 401, "unauthenticated")
    renamed = await client.patch(ME, json={"name": "Only Me"}, headers=attacker["headers"])
    assert renamed.json()["id"] == attacker["user"]["id"]
    victim_now = (await client.get(ME, headers=victim["headers"])).json()
    assert (victim_now["name"], victim_now["email"]) == ("Ananya Iyer", victim["email"])


async def test_the_test_secret_is_what_makes_a_token_valid_when_forging_is_tried(client: Client) -> None:
    """Guards the forgery tests above: the same claims signed with the real secret do work."""
    account = await register(client)
    genuine_claims = forged_token(account["user"]["id"], secret=TEST_JWT_SECRET)
    assert (await client.get(ME, headers=bearer(genuine_claims))).status_code == 200
