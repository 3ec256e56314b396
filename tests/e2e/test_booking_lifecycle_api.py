"""A booking's life after it is made, over HTTP: quote a cancellation, cancel, rate after completion, and the
refusals a customer meets. Runs in both profiles; each test books 15 to 18 days ahead at a time of its own."""

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence.booking_lifecycle import SqlaCustomerBookings
from adapters.persistence.engine import create_engine
from domain.booking.entities import BookingId
from domain.customer.entities import CustomerId
from entrypoints.settings import Settings
from tests.e2e.conftest import assert_problem
from tests.e2e.test_bookings_api import BOOKINGS, Client, ahead, bookable, booking_body, customer, sql


async def book(
    client: Client, settings: Settings, days: int, at: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    place = await bookable(settings)
    who = await customer(client, place["pincode"])
    created = await client.post(
        BOOKINGS, json=booking_body(who, place, ahead(days), at), headers=who["headers"]
    )
    assert created.status_code == 201, created.text
    return who, created.json()


async def complete(settings: Settings, booking_id: int) -> None:
    """Ops would confirm, start and complete the visit; the test moves it along through the domain."""
    ((customer_id, provider_id),) = await sql(
        settings, f"SELECT user_id, provider_id FROM bookings WHERE id = {int(booking_id)}"
    )
    engine = create_engine(settings.database_url)
    try:
        async with AsyncSession(engine, expire_on_commit=False) as session:
            booking = await SqlaCustomerBookings(session).get_for_update(
                CustomerId(customer_id), BookingId(booking_id)
            )
            assert booking is not None
            now = datetime.now(UTC)
            booking.confirm(now=now, provider_id=provider_id)
            booking.start(now=now)
            booking.complete(now=now)
            await session.commit()
    finally:
        await engine.dispose()


async def test_the_quoted_refund_is_paid_when_a_customer_cancels_well_ahead(
    client: Client, profile_settings: Settings
) -> None:
    who, booking = await book(client, profile_settings, 15, "10:30")
    quote = await client.get(f"{BOOKINGS}/{booking['id']}/cancellation-quote", headers=who["headers"])
    assert quote.status_code == 200, quote.text
    assert quote.json()["refund"] == booking["total"]
    assert quote.json()["rule"]["code"] == "full_refund_early_notice"

    cancelled = await client.post(
        f"{BOOKINGS}/{booking['id']}/cancel",
        json={"reason": "Travelling that week"},
        headers={**who["headers"], "Idempotency-Key": "cancel-1"},
    )
    assert cancelled.status_code == 200, cancelled.text
    body = cancelled.json()
    assert (body["refund"], body["rule"]) == (quote.json()["refund"], quote.json()["rule"])
    assert body["booking"]["status"] == "cancelled"
    assert body["booking"]["paymentStatus"] == "refunded"
    replay = await client.post(
        f"{BOOKINGS}/{booking['id']}/cancel",
        json={"reason": "Travelling that week"},
        headers={**who["headers"], "Idempotency-Key": "cancel-1"},
    )
    assert replay.json() == body
    reused = await client.post(
        f"{BOOKINGS}/{booking['id']}/cancel",
        json={"reason": "Something else"},
        headers={**who["headers"], "Idempotency-Key": "cancel-1"},
    )
    assert_problem(reused, 422, "idempotency_key_reused")
    again = await client.post(f"{BOOKINGS}/{booking['id']}/cancel", json={}, headers=who["headers"])
    assert_problem(again, 422, "transition_not_allowed")
    read = await client.get(f"{BOOKINGS}/{booking['id']}", headers=who["headers"])
    assert read.json()["status"] == "cancelled"


async def test_someone_elses_booking_is_404_when_quoted_cancelled_or_rated(
    client: Client, profile_settings: Settings
) -> None:
    who, booking = await book(client, profile_settings, 16, "11:30")
    stranger = await customer(client, booking["pincode"])
    path = f"{BOOKINGS}/{booking['id']}"
    assert_problem(
        await client.get(f"{path}/cancellation-quote", headers=stranger["headers"]), 404, "booking_not_found"
    )
    assert_problem(
        await client.post(f"{path}/cancel", json={}, headers=stranger["headers"]), 404, "booking_not_found"
    )
    rated = await client.post(f"{path}/rate", json={"stars": 5}, headers=stranger["headers"])
    assert_problem(rated, 404, "booking_not_found")
    still = await client.get(path, headers=who["headers"])
    assert still.json()["status"] == "pending"


async def test_rating_moves_the_providers_average_once_when_the_booking_is_completed(
    client: Client, profile_settings: Settings
) -> None:
    who, booking = await book(client, profile_settings, 17, "12:30")
    path = f"{BOOKINGS}/{booking['id']}"
    early = await client.post(f"{path}/rate", json={"stars": 4}, headers=who["headers"])
    assert_problem(early, 422, "not_completed")
    provider_id = booking["provider"]["id"]
    before = (await client.get(f"/api/v1/providers/{provider_id}")).json()
    await complete(profile_settings, booking["id"])

    rated = await client.post(f"{path}/rate", json={"stars": 1, "comment": "Late"}, headers=who["headers"])
    assert rated.status_code == 200, rated.text
    assert rated.json()["providerRatingCount"] == before["ratingCount"] + 1
    after = (await client.get(f"/api/v1/providers/{provider_id}")).json()
    assert after["ratingCount"] == before["ratingCount"] + 1
    assert Decimal(after["ratingAverage"]) == Decimal(rated.json()["providerRatingAverage"])
    assert Decimal(after["ratingAverage"]) <= max(Decimal(before["ratingAverage"]), Decimal(1))
    twice = await client.post(f"{path}/rate", json={"stars": 5}, headers=who["headers"])
    assert_problem(twice, 422, "already_rated")
    cancel = await client.post(f"{path}/cancel", json={}, headers=who["headers"])
    assert_problem(cancel, 422, "transition_not_allowed")


async def test_a_booking_moves_to_a_new_slot_at_most_twice_when_rescheduled(
    client: Client, profile_settings: Settings
) -> None:
    who, booking = await book(client, profile_settings, 18, "10:00")
    path = f"{BOOKINGS}/{booking['id']}/reschedule"
    day = ahead(18).isoformat()
    headers = {**who["headers"], "Idempotency-Key": "move-1"}
    moved = await client.post(path, json={"date": day, "time": "11:00"}, headers=headers)
    assert moved.status_code == 200, moved.text
    assert moved.json()["slot"]["startTime"] == "11:00"
    assert moved.json()["provider"]["id"] == booking["provider"]["id"]
    replay = await client.post(path, json={"date": day, "time": "11:00"}, headers=headers)
    assert replay.json() == moved.json()
    off_grid = await client.post(path, json={"date": day, "time": "11:10"}, headers=who["headers"])
    assert_problem(off_grid, 422, "slot_off_grid")
    second = await client.post(path, json={"date": day, "time": "10:30"}, headers=who["headers"])
    assert second.status_code == 200, second.text
    third = await client.post(path, json={"date": day, "time": "10:00"}, headers=who["headers"])
    assert_problem(third, 422, "reschedule_limit_reached")
    read = await client.get(f"{BOOKINGS}/{booking['id']}", headers=who["headers"])
    assert read.json()["slot"]["startTime"] == "10:30"
