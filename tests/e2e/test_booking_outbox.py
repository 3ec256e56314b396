"""Booking notifications ride in the booking's transaction, in both profiles: a booking made over HTTP
leaves one confirmation and its reminders in the outbox; a refused booking leaves nothing."""

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient

from entrypoints.settings import Settings
from tests.e2e.conftest import assert_problem
from tests.e2e.test_booking_races import free_slot, lone_provider
from tests.e2e.test_bookings_api import BOOKINGS, customer, sql

Client = AsyncTestClient[Litestar]


async def outbox_of(settings: Settings, who: dict[str, Any]) -> list[tuple[str, str, datetime]]:
    """(topic, template, available_at) of the outbox rows addressed to this customer, due time first."""
    email = who["email"]
    rows = await sql(
        settings,
        "SELECT topic, payload, available_at FROM outbox"
        f" WHERE payload LIKE '%{email}%' ORDER BY available_at",
    )
    result = []
    for topic, payload, available_at in rows:
        body = payload if isinstance(payload, dict) else json.loads(payload)
        assert body["to"] == email
        due = datetime.fromisoformat(available_at) if isinstance(available_at, str) else available_at
        result.append((topic, body["template"], due if due.tzinfo else due.replace(tzinfo=UTC)))
    return result


async def signed_up(client: Client, pincode: str) -> dict[str, Any]:
    who = await customer(client, pincode)
    me = await client.get("/api/v1/users/me", headers=who["headers"])
    assert me.status_code == 200, me.text
    return {**who, "email": me.json()["email"]}


async def test_confirmation_and_reminders_are_queued_once_when_a_booking_is_made(
    client: Client, profile_settings: Settings
) -> None:
    place = await lone_provider(profile_settings)
    who = await signed_up(client, place["pincode"])
    day, start = await free_slot(client, place, 27)
    body = {
        "addressId": who["addressId"],
        "date": day,
        "time": start,
        "items": [{"rateCardId": place["rateCardId"], "quantity": 1}],
    }
    created = await client.post(BOOKINGS, json=body, headers=who["headers"])
    assert created.status_code == 201, created.text
    rows = await outbox_of(profile_settings, who)
    assert [(topic, template) for topic, template, _ in rows] == [
        ("notify.email", "booking_confirmation"),
        ("notify.email", "booking_reminder"),
        ("notify.email", "booking_reminder"),
    ]
    slot_start = datetime.fromisoformat(created.json()["slot"]["startUtc"])
    assert [due for _, _, due in rows[1:]] == [
        slot_start - timedelta(hours=24),
        slot_start - timedelta(hours=2),
    ]

    rival = await signed_up(client, place["pincode"])
    refused = await client.post(
        BOOKINGS, json={**body, "addressId": rival["addressId"]}, headers=rival["headers"]
    )
    assert_problem(refused, 409, "slot_unavailable")
    assert await outbox_of(profile_settings, rival) == []
