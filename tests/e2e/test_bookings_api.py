"""Booking visits over HTTP (`/api/v1/bookings`): book -> list -> read, and the refusals a customer meets.
Runs in both profiles. Every test signs up its own customer and books 10 to 25 days ahead, on a day of its
own, so tests never meet each other's bookings or the demo data."""

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import text

from adapters.persistence.engine import create_engine
from domain.provider.availability import IST
from entrypoints.settings import Settings
from tests.e2e.conftest import assert_problem

Client = AsyncTestClient[Litestar]
BOOKINGS = "/api/v1/bookings"
PASSWORD = "Mango-Lassi-42"


async def sql(settings: Settings, statement: str) -> list[Any]:
    engine = create_engine(settings.database_url)
    try:
        async with engine.connect() as conn:
            return list((await conn.execute(text(statement))).all())
    finally:
        await engine.dispose()


async def bookable(settings: Settings) -> dict[str, Any]:
    """A short service's rate card and a pincode where it is sold and the most active providers (working
    every weekday from 10:00 to 14:00 at least) have its skill; plus a rate card and a serviceable pincode
    where that card is not sold."""
    rows = await sql(
        settings,
        "SELECT r.id, rp.pincode, COUNT(DISTINCT p.id) AS n FROM rate_cards r"
        " JOIN subcategories s ON s.id = r.subcategory_id JOIN categories c ON c.id = s.category_id"
        " JOIN rate_card_pincodes rp ON rp.rate_card_id = r.id"
        " JOIN pincodes pc ON pc.pincode = rp.pincode"
        " JOIN provider_skills ps ON ps.subcategory_id = s.id"
        " JOIN provider_pincodes pp ON pp.provider_id = ps.provider_id AND pp.pincode = rp.pincode"
        " JOIN providers p ON p.id = ps.provider_id"
        " WHERE r.is_active = 1 AND s.is_active = 1 AND c.is_active = 1 AND pc.is_serviceable = 1"
        " AND p.is_active = 1 AND s.duration_minutes <= 120"
        " AND p.work_start_minute <= 600 AND p.work_end_minute >= 840 AND p.working_days LIKE '11111%'"
        " GROUP BY r.id, rp.pincode ORDER BY n DESC, r.id LIMIT 1",
    )
    ((rate_card, pincode, _),) = rows
    ((other, elsewhere),) = await sql(
        settings,
        "SELECT r.id, pc.pincode FROM rate_cards r CROSS JOIN pincodes pc"
        " WHERE r.is_active = 1 AND pc.is_serviceable = 1 AND NOT EXISTS (SELECT 1 FROM rate_card_pincodes rp"
        " WHERE rp.rate_card_id = r.id AND rp.pincode = pc.pincode) ORDER BY r.id, pc.pincode LIMIT 1",
    )
    return {"rateCardId": rate_card, "pincode": pincode, "other": other, "elsewhere": elsewhere}


async def customer(client: Client, pincode: str) -> dict[str, Any]:
    email = f"booker.{uuid.uuid4().hex[:12]}@example.in"
    response = await client.post(
        "/api/v1/auth/register", json={"name": "Meera Nair", "email": email, "password": PASSWORD}
    )
    assert response.status_code == 201, response.text
    headers = {"Authorization": f"Bearer {response.json()['accessToken']}"}
    address = await client.post(
        "/api/v1/users/me/addresses",
        json={"label": "Home", "line1": "12 Residency Road", "pincode": pincode},
        headers=headers,
    )
    assert address.status_code == 201, address.text
    return {"headers": headers, "addressId": address.json()["id"]}


def ahead(days: int) -> date:
    """A weekday `days` or a little more ahead in India (demo providers mostly rest on Sundays)."""
    day = datetime.now(UTC).astimezone(IST).date() + timedelta(days=days)
    return day + timedelta(days=1) if day.weekday() >= 5 else day


def booking_body(who: dict[str, Any], place: dict[str, Any], day: date, at: str = "10:00") -> dict[str, Any]:
    return {
        "addressId": who["addressId"],
        "date": day.isoformat(),
        "time": at,
        "items": [{"rateCardId": place["rateCardId"], "quantity": 2}],
        "notes": "Gate code 4321",
    }


async def test_booking_is_listed_and_read_by_reference_when_made(
    client: Client, profile_settings: Settings
) -> None:
    place = await bookable(profile_settings)
    who = await customer(client, place["pincode"])
    day = ahead(11)
    created = await client.post(BOOKINGS, json=booking_body(who, place, day), headers=who["headers"])
    assert created.status_code == 201, created.text
    booking = created.json()
    assert booking["status"] == "pending"
    assert booking["reference"].startswith("BK-")
    assert booking["slot"]["date"] == day.isoformat()
    assert booking["slot"]["startTime"] == "10:00"
    assert booking["slot"]["startUtc"].startswith(f"{day.isoformat()}T04:30:00")
    assert booking["provider"]["id"] > 0
    assert booking["provider"]["name"]
    assert booking["paymentMethod"] == "upi"
    assert booking["items"][0]["quantity"] == 2
    quote = await client.post(
        "/api/v1/services/quote",
        json={"pincode": place["pincode"], "items": [{"rateCardId": place["rateCardId"], "quantity": 2}]},
    )
    assert booking["total"] == quote.json()["total"]
    assert booking["tax"] == quote.json()["gst"]

    listed = await client.get(BOOKINGS, headers=who["headers"])
    assert listed.status_code == 200, listed.text
    assert [b["reference"] for b in listed.json()["items"]] == [booking["reference"]]
    by_reference = await client.get(f"{BOOKINGS}/{booking['reference'].lower()}", headers=who["headers"])
    assert by_reference.json() == booking
    by_id = await client.get(f"{BOOKINGS}/{booking['id']}", headers=who["headers"])
    assert by_id.json() == booking
    filtered = await client.get(
        BOOKINGS, params={"status": "completed", "from": day.isoformat()}, headers=who["headers"]
    )
    assert filtered.json()["items"] == []
    assert filtered.json()["total"] == 0


async def test_someone_elses_booking_and_address_are_404_when_asked_for(
    client: Client, profile_settings: Settings
) -> None:
    place = await bookable(profile_settings)
    owner, stranger = await customer(client, place["pincode"]), await customer(client, place["pincode"])
    created = await client.post(
        BOOKINGS, json=booking_body(owner, place, ahead(12)), headers=owner["headers"]
    )
    assert created.status_code == 201, created.text
    for key in (created.json()["reference"], str(created.json()["id"]), "BK-20261301-0001", "nonsense"):
        assert_problem(
            await client.get(f"{BOOKINGS}/{key}", headers=stranger["headers"]), 404, "booking_not_found"
        )
    body = booking_body(owner, place, ahead(12), at="12:00")
    assert_problem(
        await client.post(BOOKINGS, json=body, headers=stranger["headers"]), 404, "address_not_found"
    )


@pytest.mark.parametrize(
    ("days", "at", "code"),
    [
        (-1, "10:00", "slot_in_past"),
        (12, "10:15", "slot_off_grid"),
        (12, "07:30", "outside_service_hours"),
        (12, "19:30", "outside_service_hours"),
        (40, "10:00", "date_out_of_range"),
    ],
)
async def test_slot_is_refused_when_it_breaks_a_booking_rule(
    client: Client, profile_settings: Settings, days: int, at: str, code: str
) -> None:
    place = await bookable(profile_settings)
    who = await customer(client, place["pincode"])
    day = datetime.now(UTC).astimezone(IST).date() + timedelta(days=days)
    response = await client.post(BOOKINGS, json=booking_body(who, place, day, at), headers=who["headers"])
    assert_problem(response, 400 if code == "date_out_of_range" else 422, code)


async def test_item_not_sold_at_the_address_is_refused_when_booked(
    client: Client, profile_settings: Settings
) -> None:
    place = await bookable(profile_settings)
    who = await customer(client, place["elsewhere"])
    body = booking_body(who, {**place, "rateCardId": place["other"]}, ahead(13))
    assert_problem(
        await client.post(BOOKINGS, json=body, headers=who["headers"]), 422, "not_offered_at_pincode"
    )


async def test_retry_with_the_same_key_returns_the_first_booking_when_idempotent(
    client: Client, profile_settings: Settings
) -> None:
    place = await bookable(profile_settings)
    who = await customer(client, place["pincode"])
    headers = {**who["headers"], "Idempotency-Key": uuid.uuid4().hex}
    body = booking_body(who, place, ahead(14), at="11:00")
    first = await client.post(BOOKINGS, json=body, headers=headers)
    again = await client.post(BOOKINGS, json=body, headers=headers)
    assert first.status_code == again.status_code == 201, again.text
    assert again.json() == first.json()
    assert (await client.get(BOOKINGS, headers=who["headers"])).json()["total"] == 1
    changed = {**body, "time": "12:00"}
    reused = await client.post(BOOKINGS, json=changed, headers=headers)
    assert_problem(reused, 422, "idempotency_key_reused")
    too_long = {**who["headers"], "Idempotency-Key": "k" * 129}
    assert_problem(await client.post(BOOKINGS, json=changed, headers=too_long), 400, "invalid_input")
