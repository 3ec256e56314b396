"""No slot is sold twice in the embedded profile either: SQLite ignores FOR UPDATE, so the booking and
rescheduling paths take the database's write lock before reading (adapters/persistence/locking.py). Two app
instances share one SQLite file here, as `nexora serve --workers 2` would."""

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from entrypoints.http.app import create_app
from entrypoints.settings import Settings
from tests.e2e.conftest import make_settings
from tests.e2e.test_booking_races import free_slot, lone_provider
from tests.e2e.test_bookings_api import BOOKINGS, customer, sql

Client = AsyncTestClient[Litestar]


@pytest.fixture
def settings(seeded_sqlite_url: str) -> Settings:
    return make_settings(database_url=seeded_sqlite_url)


@pytest.fixture
async def pair(settings: Settings) -> AsyncIterator[tuple[Client, Client]]:
    async with AsyncTestClient(app=create_app(settings)) as a, AsyncTestClient(app=create_app(settings)) as b:
        yield a, b


async def test_only_one_of_thirty_concurrent_bookings_gets_the_last_slot_when_on_sqlite(
    pair: tuple[Client, Client], settings: Settings
) -> None:
    a, b = pair
    place = await lone_provider(settings)
    day, start = await free_slot(a, place, 24)
    buyers = [await customer(a, place["pincode"]), await customer(b, place["pincode"])]

    async def book(n: int) -> Any:
        who = buyers[n % 2]
        body = {
            "addressId": who["addressId"],
            "date": day,
            "time": start,
            "items": [{"rateCardId": place["rateCardId"], "quantity": 1}],
        }
        return await (a if n % 2 else b).post(BOOKINGS, json=body, headers=who["headers"])

    responses = await asyncio.gather(*(book(n) for n in range(30)))
    assert sorted(r.status_code for r in responses) == [201] + [409] * 29, [
        r.text for r in responses if r.status_code not in (201, 409)
    ]
    (won,) = [r.json() for r in responses if r.status_code == 201]
    rows = await sql(
        settings,
        f"SELECT COUNT(*) FROM bookings WHERE provider_id = {place['providerId']}"
        f" AND slot_start LIKE '{won['slot']['startUtc'][:16].replace('T', ' ')}%'",
    )
    assert rows[0][0] == 1


async def test_two_concurrent_moves_to_one_free_slot_make_one_move_when_on_sqlite(
    pair: tuple[Client, Client], settings: Settings
) -> None:
    a, b = pair
    place = await lone_provider(settings)
    day, start = await free_slot(a, place, 26)
    later_day, later_start = await free_slot(a, place, 27)
    people = [await customer(a, place["pincode"]), await customer(b, place["pincode"])]
    booked = []
    for who in people:
        body = {
            "addressId": who["addressId"],
            "date": later_day,
            "time": later_start if not booked else "16:00",
            "items": [{"rateCardId": place["rateCardId"], "quantity": 1}],
        }
        response = await a.post(BOOKINGS, json=body, headers=who["headers"])
        assert response.status_code == 201, response.text
        booked.append(response.json())
    moves = await asyncio.gather(
        *(
            client.post(
                f"{BOOKINGS}/{booking['id']}/reschedule",
                json={"date": day, "time": start},
                headers=who["headers"],
            )
            for client, booking, who in zip((a, b), booked, people, strict=True)
        )
    )
    assert sorted(m.status_code for m in moves) == [200, 409], [m.text for m in moves]
