"""The operations console's bookings over HTTP (`/api/v1/ops/bookings`), in both profiles: demo staff move
bookings that customers made in the test along their status, reassign them and list a day's bookings.
Demo bookings are never touched."""

import random
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest

from entrypoints.settings import Settings
from tests.e2e.conftest import assert_problem, forget_rate_limits, make_settings
from tests.e2e.ops_support import OPS, PROFILES, Ops, bearer, ops_app
from tests.e2e.test_bookings_api import ahead, bookable, customer, sql

BOOKINGS = f"{OPS}/bookings"


@dataclass
class Console:
    ops: Ops
    settings: Settings
    manager: str
    agent: str


@pytest.fixture(scope="module", params=PROFILES)
async def console(request: pytest.FixtureRequest) -> AsyncIterator[Console]:
    if request.param == "embedded":
        settings = make_settings(database_url=request.getfixturevalue("seeded_sqlite_url"))
    else:
        await forget_rate_limits(request.getfixturevalue("redis_url"))
        settings = make_settings(database_url=request.getfixturevalue("seeded_mariadb_url"))
    async with ops_app(request) as ops:
        yield Console(
            ops, settings, await ops.demo_token("ops_manager"), await ops.demo_token("support_agent")
        )


async def book(console: Console) -> dict[str, Any]:
    """A new customer books a visit 20 to 26 days ahead at a random morning half hour (another random slot
    when that one is already taken by an earlier test in this shared database)."""
    place = await bookable(console.settings)
    who = await customer(console.ops.client, place["pincode"])
    for _ in range(12):
        body = {
            "addressId": who["addressId"],
            "date": ahead(random.randint(20, 26)).isoformat(),
            "time": f"{random.randint(10, 12):02d}:{random.choice(('00', '30'))}",
            "items": [{"rateCardId": place["rateCardId"], "quantity": 1}],
        }
        created = await console.ops.client.post("/api/v1/bookings", json=body, headers=who["headers"])
        if created.status_code == 409 and created.json()["code"] == "slot_unavailable":
            continue
        assert created.status_code == 201, created.text
        booking: dict[str, Any] = created.json()
        return {**booking, "customer": who, "place": place}
    raise AssertionError("no free slot found in 12 random tries")


async def move(console: Console, token: str, booking_id: int, status: str) -> Any:
    return await console.ops.client.post(
        f"{BOOKINGS}/{booking_id}/status", json={"status": status, "note": "by test"}, headers=bearer(token)
    )


async def test_manager_confirms_starts_and_completes_a_booking_when_moves_are_legal(
    console: Console,
) -> None:
    booking = await book(console)
    for status in ("confirmed", "in_progress", "completed"):
        moved = await move(console, console.manager, booking["id"], status)
        assert moved.status_code == 200, moved.text
        assert moved.json()["status"] == status
    seen = await console.ops.client.get(
        f"/api/v1/bookings/{booking['id']}", headers=booking["customer"]["headers"]
    )
    assert seen.json()["status"] == "completed"
    log = await console.ops.activity(console.manager, action="bookings.status")
    assert any(e["targetId"] == str(booking["id"]) and e["after"]["status"] == "completed" for e in log)


async def test_move_is_refused_with_422_when_the_transition_is_illegal(console: Console) -> None:
    booking = await book(console)
    problem = assert_problem(
        await move(console, console.manager, booking["id"], "completed"), 422, "transition_not_allowed"
    )
    assert "pending" in problem["detail"]
    assert (await move(console, console.manager, booking["id"], "confirmed")).status_code == 200
    assert (await move(console, console.manager, booking["id"], "no_show")).status_code == 200
    assert_problem(
        await move(console, console.manager, booking["id"], "in_progress"), 422, "transition_not_allowed"
    )


async def test_unknown_booking_is_404_when_moved_or_reassigned(console: Console) -> None:
    assert_problem(await move(console, console.manager, 987654321, "confirmed"), 404, "booking_not_found")
    response = await console.ops.client.post(
        f"{BOOKINGS}/987654321/provider", json={"providerId": 1}, headers=bearer(console.manager)
    )
    assert_problem(response, 404, "booking_not_found")


async def test_support_agent_moves_and_lists_but_cannot_reassign_when_the_catalog_says_so(
    console: Console,
) -> None:
    booking = await book(console)
    assert (await move(console, console.agent, booking["id"], "confirmed")).status_code == 200
    refused = await console.ops.client.post(
        f"{BOOKINGS}/{booking['id']}/provider",
        json={"providerId": booking["provider"]["id"]},
        headers=bearer(console.agent),
    )
    assert assert_problem(refused, 403, "forbidden")["permission"] == "bookings.reassign"
    log = await console.ops.activity(console.manager, action="bookings.reassign")
    assert any(e["targetId"] == str(booking["id"]) and not e["succeeded"] for e in log)
    day = booking["slot"]["date"]
    found: list[int] = []
    offset: int | None = 0
    while offset is not None:
        page = await console.ops.client.get(
            BOOKINGS, params={"date": day, "limit": 100, "offset": offset}, headers=bearer(console.agent)
        )
        assert page.status_code == 200, page.text
        found += [b["id"] for b in page.json()["items"]]
        assert all(b["slot"]["date"] == day for b in page.json()["items"])
        offset = page.json()["nextOffset"]
    assert booking["id"] in found
    confirmed = await console.ops.client.get(
        BOOKINGS, params={"date": day, "status": "pending", "limit": 100}, headers=bearer(console.agent)
    )
    assert booking["id"] not in [b["id"] for b in confirmed.json()["items"]]


async def test_manager_reassigns_to_a_free_skilled_provider_and_not_to_an_unskilled_one(
    console: Console,
) -> None:
    moved = None
    for _ in range(6):  # a random day may leave no other skilled provider free: book another slot then
        booking = await book(console)
        place, current = booking["place"], booking["provider"]["id"]
        moved = await _move_to_any_free_provider(console, booking, place, current)
        if moved is not None:
            break
    assert moved is not None
    assert moved["provider"]["id"] != current
    ((unskilled,),) = await sql(
        console.settings,
        "SELECT MIN(p.id) FROM providers p WHERE p.is_active = 1 AND NOT EXISTS (SELECT 1 FROM"
        " provider_skills ps JOIN rate_cards r ON r.subcategory_id = ps.subcategory_id"
        f" WHERE ps.provider_id = p.id AND r.id = {int(place['rateCardId'])})",
    )
    response = await console.ops.client.post(
        f"{BOOKINGS}/{booking['id']}/provider",
        json={"providerId": unskilled},
        headers=bearer(console.manager),
    )
    assert_problem(response, 422, "provider_cannot_take_booking")


async def test_customer_token_is_401_when_used_on_ops_bookings(console: Console) -> None:
    token = await console.ops.customer_token()
    for method, path, body in (
        ("GET", BOOKINGS, None),
        ("POST", f"{BOOKINGS}/1/status", {"status": "confirmed"}),
        ("POST", f"{BOOKINGS}/1/provider", {"providerId": 1}),
    ):
        response = await console.ops.client.request(method, path, json=body, headers=bearer(token))
        assert response.status_code == 401, response.text


async def _move_to_any_free_provider(
    console: Console, booking: dict[str, Any], place: dict[str, Any], current: int
) -> dict[str, Any] | None:
    rows = await sql(
        console.settings,
        "SELECT DISTINCT ps.provider_id FROM provider_skills ps"
        " JOIN rate_cards r ON r.subcategory_id = ps.subcategory_id"
        " JOIN provider_pincodes pp ON pp.provider_id = ps.provider_id"
        " JOIN providers p ON p.id = ps.provider_id"
        f" WHERE r.id = {int(place['rateCardId'])} AND pp.pincode = '{place['pincode']}' AND p.is_active = 1"
        f" AND ps.provider_id <> {int(current)} ORDER BY ps.provider_id",
    )
    for (candidate,) in rows:
        response = await console.ops.client.post(
            f"{BOOKINGS}/{booking['id']}/provider",
            json={"providerId": candidate},
            headers=bearer(console.manager),
        )
        if response.status_code == 200:
            moved: dict[str, Any] = response.json()
            return moved
        assert_problem(response, 422, "provider_cannot_take_booking")
    return None
