"""No slot is sold twice: concurrent bookings through two API instances sharing the real MariaDB (SQLite
ignores FOR UPDATE, so these races only mean something there): two apps in this process, and two real
`nexora serve` processes, as behind a load balancer."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from entrypoints.http.app import create_app
from entrypoints.settings import Settings
from tests.e2e.conftest import TEST_JWT_SECRET, forget_rate_limits, make_settings
from tests.e2e.server_processes import api_processes
from tests.e2e.test_bookings_api import BOOKINGS, ahead, customer, sql

pytestmark = [pytest.mark.mariadb, pytest.mark.redis]
Client = AsyncTestClient[Litestar] | httpx.AsyncClient
Pair = tuple[Client, Client]


@pytest.fixture
def settings(seeded_mariadb_url: str, redis_url: str) -> Settings:
    return make_settings(env="production", database_url=seeded_mariadb_url, redis_url=redis_url)


@pytest.fixture(params=["two-apps", "two-processes"])
async def pair(
    request: pytest.FixtureRequest, settings: Settings, redis_url: str, tmp_path: Path
) -> AsyncIterator[Pair]:
    await forget_rate_limits(redis_url)
    if request.param == "two-apps":
        async with (
            AsyncTestClient(app=create_app(settings)) as a,
            AsyncTestClient(app=create_app(settings)) as b,
        ):
            yield a, b
        return
    env = {
        "NEXORA_ENV": "production",
        "NEXORA_DATABASE_URL": settings.database_url,
        "NEXORA_REDIS_URL": redis_url,
        "NEXORA_JWT_SECRET": TEST_JWT_SECRET,
        "NEXORA_LOG_LEVEL": "WARNING",
    }
    with api_processes(2, env, tmp_path) as (first, second):
        async with (
            httpx.AsyncClient(base_url=first, timeout=60) as a,
            httpx.AsyncClient(base_url=second, timeout=60) as b,
        ):
            yield a, b


async def lone_provider(settings: Settings) -> dict[str, Any]:
    """A rate card sold at a pincode where exactly one active provider has its (short) service's skill."""
    rows = await sql(
        settings,
        "SELECT MIN(r.id), rp.pincode, MIN(p.id) FROM rate_cards r"
        " JOIN subcategories s ON s.id = r.subcategory_id JOIN categories c ON c.id = s.category_id"
        " JOIN rate_card_pincodes rp ON rp.rate_card_id = r.id JOIN pincodes pc ON pc.pincode = rp.pincode"
        " JOIN provider_skills ps ON ps.subcategory_id = s.id"
        " JOIN provider_pincodes pp ON pp.provider_id = ps.provider_id AND pp.pincode = rp.pincode"
        " JOIN providers p ON p.id = ps.provider_id"
        " WHERE r.is_active = 1 AND s.is_active = 1 AND c.is_active = 1 AND pc.is_serviceable = 1"
        " AND p.is_active = 1 AND s.duration_minutes <= 120"
        " GROUP BY s.id, rp.pincode HAVING COUNT(DISTINCT p.id) = 1 ORDER BY MIN(r.id), rp.pincode LIMIT 1",
    )
    ((rate_card, pincode, provider),) = rows
    return {"rateCardId": rate_card, "pincode": pincode, "providerId": provider}


async def free_slot(client: Client, place: dict[str, Any], days: int) -> tuple[str, str]:
    """The first daytime slot the lone provider has free, `days` ahead or on one of the next working days."""
    for offset in range(days, days + 7):
        day = ahead(offset)
        path = f"/api/v1/providers/{place['providerId']}/availability"
        response = await client.get(path, params={"date": day})
        assert response.status_code == 200, response.text
        starts = [
            s["start"][11:16] for s in response.json()["slots"] if "08:00" <= s["start"][11:16] <= "17:00"
        ]
        if starts:
            return day.isoformat(), starts[0]
    raise AssertionError(
        f"provider {place['providerId']} has no free daytime slot in a week from {ahead(days)}"
    )


async def test_only_one_of_fifty_concurrent_bookings_gets_the_last_free_slot_when_one_provider(
    pair: Pair, settings: Settings
) -> None:
    a, b = pair
    place = await lone_provider(settings)
    day, start = await free_slot(a, place, 20)
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

    responses = await asyncio.gather(*(book(n) for n in range(50)))
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] + [409] * 49, [r.text for r in responses if r.status_code not in (201, 409)]
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"slot_unavailable"}
    (won,) = [r.json() for r in responses if r.status_code == 201]
    assert won["provider"]["id"] == place["providerId"]
    rows = await sql(
        settings,
        f"SELECT COUNT(*) FROM bookings WHERE provider_id = {place['providerId']}"
        f" AND slot_start = '{won['slot']['startUtc'][:19].replace('T', ' ')}'",
    )
    assert rows[0][0] == 1


async def test_concurrent_retries_with_one_idempotency_key_make_one_booking_when_raced(
    pair: Pair, settings: Settings
) -> None:
    a, b = pair
    place = await lone_provider(settings)
    day, start = await free_slot(a, place, 22)
    who = await customer(a, place["pincode"])
    headers = {**who["headers"], "Idempotency-Key": f"race-{uuid.uuid4().hex}"}
    body = {
        "addressId": who["addressId"],
        "date": day,
        "time": start,
        "items": [{"rateCardId": place["rateCardId"], "quantity": 1}],
    }
    responses = await asyncio.gather(
        *((a, b)[n % 2].post(BOOKINGS, json=body, headers=headers) for n in range(10))
    )
    assert [r.status_code for r in responses] == [201] * 10, [r.text for r in responses]
    assert len({r.json()["reference"] for r in responses}) == 1
    listed = await a.get(BOOKINGS, headers=who["headers"])
    assert listed.json()["total"] == 1
