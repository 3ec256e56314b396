"""Whole journeys over HTTP, in both profiles: book -> list -> reschedule -> cancel with a refund, and
book -> ops confirm/start/complete -> rate; with the notices each step leaves in the outbox."""

import json
from decimal import Decimal
from typing import Any

from tests.e2e.conftest import assert_problem
from tests.e2e.test_bookings_api import BOOKINGS, ahead, bookable, customer, sql
from tests.e2e.test_ops_bookings import Console, book, console, move

__all__ = ["console"]


async def outbox(console: Console, booking_id: int) -> list[tuple[str, str, str, str]]:
    """(template, status, date, time) of the booking's notices, oldest first."""
    rows = await sql(
        console.settings,
        "SELECT payload, status, subject FROM outbox"
        f" WHERE subject IN ('booking:{booking_id}', 'booking:{booking_id}:reminders') ORDER BY id",
    )
    found = []
    for payload, status, _ in rows:
        data = payload if isinstance(payload, dict) else json.loads(payload)
        found.append((data["template"], status, data["data"]["date"], data["data"]["time"]))
    return found


async def test_a_customer_books_lists_reschedules_and_cancels_with_the_quoted_refund(
    console: Console,
) -> None:
    client = console.ops.client
    booking = await book(console)
    who, path = booking["customer"], f"{BOOKINGS}/{booking['id']}"
    old = (booking["slot"]["date"], booking["slot"]["startTime"])
    assert await outbox(console, booking["id"]) == [
        ("booking_confirmation", "pending", *old),
        ("booking_reminder", "pending", *old),
        ("booking_reminder", "pending", *old),
    ]

    listed = await client.get(BOOKINGS, params={"status": "pending"}, headers=who["headers"])
    assert listed.status_code == 200, listed.text
    assert [b["reference"] for b in listed.json()["items"]] == [booking["reference"]]

    new_time = "13:00" if old[1] != "13:00" else "13:30"
    moved = await client.post(
        f"{path}/reschedule", json={"date": old[0], "time": new_time}, headers=who["headers"]
    )
    if moved.status_code == 409:  # an earlier test holds that slot in this shared database: another hour
        new_time = "14:00"
        moved = await client.post(
            f"{path}/reschedule", json={"date": old[0], "time": new_time}, headers=who["headers"]
        )
    assert moved.status_code == 200, moved.text
    assert moved.json()["slot"]["startTime"] == new_time
    new = (old[0], new_time)
    assert await outbox(console, booking["id"]) == [
        ("booking_confirmation", "pending", *old),
        ("booking_reminder", "withdrawn", *old),
        ("booking_reminder", "withdrawn", *old),
        ("booking_rescheduled", "pending", *new),
        ("booking_reminder", "pending", *new),
        ("booking_reminder", "pending", *new),
    ]

    quote = await client.get(f"{path}/cancellation-quote", headers=who["headers"])
    assert quote.status_code == 200, quote.text
    cancelled = await client.post(f"{path}/cancel", json={"reason": "Travelling"}, headers=who["headers"])
    assert cancelled.status_code == 200, cancelled.text
    body = cancelled.json()
    assert body["refund"] == quote.json()["refund"] == booking["total"]
    assert body["rule"]["code"] == "full_refund_early_notice"
    assert (body["booking"]["status"], body["booking"]["paymentStatus"]) == ("cancelled", "refunded")
    assert [(t, s) for t, s, *_ in await outbox(console, booking["id"])][-3:] == [
        ("booking_reminder", "withdrawn"),
        ("booking_reminder", "withdrawn"),
        ("booking_cancelled", "pending"),
    ]
    listed = await client.get(BOOKINGS, params={"status": "cancelled"}, headers=who["headers"])
    assert [b["reference"] for b in listed.json()["items"]] == [booking["reference"]]
    again = await client.post(f"{path}/cancel", json={}, headers=who["headers"])
    assert_problem(again, 422, "transition_not_allowed")


async def test_ops_complete_a_visit_over_http_and_the_customer_rates_it_once(console: Console) -> None:
    client = console.ops.client
    booking = await book(console)
    who, path = booking["customer"], f"{BOOKINGS}/{booking['id']}"
    provider = booking["provider"]["id"]
    before = (await client.get(f"/api/v1/providers/{provider}")).json()
    early = await client.post(f"{path}/rate", json={"stars": 5}, headers=who["headers"])
    assert_problem(early, 422, "not_completed")

    for status in ("confirmed", "in_progress", "completed"):
        moved = await move(console, console.manager, booking["id"], status)
        assert moved.status_code == 200, moved.text
        assert moved.json()["status"] == status

    rated = await client.post(
        f"{path}/rate", json={"stars": 5, "comment": "Spotless"}, headers=who["headers"]
    )
    assert rated.status_code == 200, rated.text
    after = (await client.get(f"/api/v1/providers/{provider}")).json()
    assert after["ratingCount"] == before["ratingCount"] + 1
    assert Decimal(after["ratingAverage"]) == Decimal(rated.json()["providerRatingAverage"])
    assert_problem(
        await client.post(f"{path}/rate", json={"stars": 1}, headers=who["headers"]), 422, "already_rated"
    )
    assert_problem(
        await client.post(f"{path}/cancel", json={}, headers=who["headers"]), 422, "transition_not_allowed"
    )
    read = await client.get(path, headers=who["headers"])
    assert read.json()["status"] == "completed"
    notices = await outbox(console, booking["id"])
    assert [(t, s) for t, s, *_ in notices] == [
        ("booking_confirmation", "pending"),
        ("booking_reminder", "withdrawn"),
        ("booking_reminder", "withdrawn"),
        ("booking_completed", "pending"),
    ]


async def test_an_address_at_an_unserviceable_pincode_cannot_be_booked(console: Console) -> None:
    client = console.ops.client
    place = await bookable(console.settings)
    ((pincode,),) = await sql(
        console.settings, "SELECT pincode FROM pincodes WHERE is_serviceable = 0 ORDER BY pincode LIMIT 1"
    )
    who = await customer(client, pincode)
    body: dict[str, Any] = {
        "addressId": who["addressId"],
        "date": ahead(12).isoformat(),
        "time": "10:00",
        "items": [{"rateCardId": place["rateCardId"], "quantity": 1}],
    }
    refused = await client.post(BOOKINGS, json=body, headers=who["headers"])
    assert_problem(refused, 422, "not_offered_at_pincode")
    assert (await client.get(BOOKINGS, headers=who["headers"])).json()["total"] == 0
