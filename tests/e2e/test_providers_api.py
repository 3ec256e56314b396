"""Provider search, profiles and availability over HTTP in both profiles, against the demo data."""

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from dishka import Provider, Scope, provide
from dishka.integrations.litestar import LitestarProvider
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import Executable, select, text

from adapters.persistence import tables
from adapters.persistence.engine import create_engine
from application.common.ports import Clock
from domain.provider.availability import IST
from entrypoints.http.app import create_app
from entrypoints.ioc.container import make_container
from entrypoints.ioc.http import HttpIdentityProvider
from entrypoints.settings import Settings
from tests.conftest import SEED_NOW
from tests.e2e.conftest import assert_problem
from tests.fakes import FakeClock

Client = AsyncTestClient[Litestar]
PROVIDERS = "/api/v1/providers"
KORAMANGALA = "560034"


def today_in_india() -> date:
    return datetime.now(UTC).astimezone(IST).date()


async def query(settings: Settings, statement: Executable) -> list[Any]:
    engine = create_engine(settings.database_url)
    try:
        async with engine.connect() as conn:
            return list((await conn.execute(statement)).all())
    finally:
        await engine.dispose()


async def sql(settings: Settings, statement: str) -> list[Any]:
    return await query(settings, text(statement))


async def _busiest(settings: Settings) -> dict[str, Any]:
    """Search parameters of the service and served pincode with the most active providers in the demo data."""
    ((service, pincode, _),) = await sql(
        settings,
        "SELECT ps.subcategory_id, pp.pincode, COUNT(*) AS n FROM provider_skills ps"
        " JOIN provider_pincodes pp ON pp.provider_id = ps.provider_id"
        " JOIN providers p ON p.id = ps.provider_id JOIN pincodes pc ON pc.pincode = pp.pincode"
        " WHERE p.is_active = 1 AND pc.is_serviceable = 1"
        " GROUP BY ps.subcategory_id, pp.pincode ORDER BY n DESC, ps.subcategory_id, pp.pincode LIMIT 1",
    )
    return {"subcategoryId": service, "pincode": pincode}


async def _active_provider(settings: Settings) -> dict[str, Any]:
    ((provider_id,),) = await sql(settings, "SELECT MIN(id) FROM providers WHERE is_active = 1")
    return {"id": provider_id}


async def _all_pages(client: Client, params: dict[str, Any]) -> list[list[dict[str, Any]]]:
    pages: list[list[dict[str, Any]]] = []
    cursor = None
    while True:
        response = await client.get(PROVIDERS, params={**params, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        body = response.json()
        pages.append(body["items"])
        cursor = body["nextCursor"]
        if cursor is None:
            return pages


async def test_search_ranks_providers_by_rating_then_id_and_pages_through_them(
    client: Client, profile_settings: Settings
) -> None:
    params = await _busiest(profile_settings)
    whole = await _all_pages(client, {**params, "limit": 50})
    everyone = [p for page in whole for p in page]
    assert len(everyone) >= 3
    ranks = [(-Decimal(p["ratingAverage"]), p["id"]) for p in everyone]
    assert ranks == sorted(ranks)
    paged = await _all_pages(client, {**params, "limit": 2})
    assert all(len(page) == 2 for page in paged[:-1])
    assert [p["id"] for page in paged for p in page] == [p["id"] for p in everyone]
    first = everyone[0]
    assert set(first) >= {"name", "ratingCount", "jobsCompleted", "experienceYears", "workingHours"}
    assert first["workingHours"]["timezone"] == "Asia/Kolkata"
    assert "phone" not in first


async def test_search_on_a_day_keeps_providers_who_work_that_weekday(
    client: Client, profile_settings: Settings
) -> None:
    params = {**await _busiest(profile_settings), "limit": 50}
    everyone = [p["id"] for page in await _all_pages(client, params) for p in page]
    seen = set()
    for offset in range(1, 8):
        day = today_in_india() + timedelta(days=offset)
        weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[day.weekday()]
        free = [p for page in await _all_pages(client, {**params, "date": day.isoformat()}) for p in page]
        assert all(weekday in p["workingHours"]["days"] for p in free)
        assert [p["id"] for p in free] == [i for i in everyone if i in {p["id"] for p in free}]
        seen |= {p["id"] for p in free}
    assert seen  # somebody is free on some day of the coming week


async def test_search_is_empty_when_the_pincode_is_not_served(
    client: Client, profile_settings: Settings
) -> None:
    service = (await _busiest(profile_settings))["subcategoryId"]
    for pincode in ("560064", "999999"):
        response = await client.get(PROVIDERS, params={"subcategoryId": service, "pincode": pincode})
        assert response.status_code == 200, response.text
        assert response.json() == {"items": [], "nextCursor": None}


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"pincode": KORAMANGALA}, 400, "invalid_request"),
        ({"subcategoryId": 1}, 400, "invalid_request"),
        ({"subcategoryId": "abc", "pincode": KORAMANGALA}, 400, "invalid_request"),
        ({"subcategoryId": 1, "pincode": "56003"}, 400, "invalid_pincode"),
        ({"subcategoryId": 1, "pincode": KORAMANGALA, "limit": 0}, 400, "invalid_request"),
        ({"subcategoryId": 1, "pincode": KORAMANGALA, "limit": 51}, 400, "invalid_request"),
        ({"subcategoryId": 1, "pincode": KORAMANGALA, "cursor": "bm90LWEtY3Vyc29y"}, 400, "invalid_cursor"),
        ({"subcategoryId": 1, "pincode": KORAMANGALA, "cursor": "%%%"}, 400, "invalid_cursor"),
        ({"subcategoryId": 1, "pincode": KORAMANGALA, "date": "2026-02-30"}, 400, "invalid_request"),
        ({"subcategoryId": 1, "pincode": KORAMANGALA, "date": "tomorrow"}, 400, "invalid_request"),
        ({"subcategoryId": 1, "pincode": KORAMANGALA, "date": "2020-01-01"}, 400, "date_out_of_range"),
        ({"subcategoryId": 999999, "pincode": KORAMANGALA}, 404, "subcategory_not_found"),
    ],
)
async def test_bad_searches_get_a_clear_problem(
    client: Client, params: dict[str, Any], status: int, code: str
) -> None:
    assert_problem(await client.get(PROVIDERS, params=params), status, code)


async def test_profile_shows_skills_and_served_pincodes_without_contact_details(
    client: Client, profile_settings: Settings
) -> None:
    params = await _busiest(profile_settings)
    found = (await client.get(PROVIDERS, params=params)).json()
    summary = found["items"][0]
    response = await client.get(f"{PROVIDERS}/{summary['id']}")
    assert response.status_code == 200, response.text
    profile = response.json()
    assert {k: profile[k] for k in summary} == summary
    assert params["subcategoryId"] in [s["subcategoryId"] for s in profile["skills"]]
    assert all(s["name"] for s in profile["skills"])
    assert params["pincode"] in profile["pincodes"]
    assert profile["bio"]
    assert "phone" not in profile
    assert "email" not in profile


async def test_unknown_and_inactive_providers_are_not_found(
    client: Client, profile_settings: Settings
) -> None:
    (inactive,) = await sql(profile_settings, "SELECT MIN(id) FROM providers WHERE is_active = 0")
    day = (today_in_india() + timedelta(days=1)).isoformat()
    for provider_id in (999999, inactive[0]):
        assert_problem(await client.get(f"{PROVIDERS}/{provider_id}"), 404, "provider_not_found")
        response = await client.get(f"{PROVIDERS}/{provider_id}/availability", params={"date": day})
        assert_problem(response, 404, "provider_not_found")


async def test_availability_gives_half_hour_slots_in_india_time_and_utc(
    client: Client, profile_settings: Settings
) -> None:
    found = (await client.get(PROVIDERS, params=await _busiest(profile_settings))).json()
    provider = found["items"][0]
    day = today_in_india() + timedelta(days=1)
    params: dict[str, Any] = {"date": day.isoformat(), "durationMinutes": 90}
    response = await client.get(f"{PROVIDERS}/{provider['id']}/availability", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["providerId"], body["date"], body["durationMinutes"]) == (
        provider["id"],
        day.isoformat(),
        90,
    )
    assert body["timezone"] == "Asia/Kolkata"
    for slot in body["slots"]:
        start, end = datetime.fromisoformat(slot["start"]), datetime.fromisoformat(slot["end"])
        assert slot["start"].endswith("+05:30")
        assert slot["startUtc"].endswith("Z")
        assert datetime.fromisoformat(slot["startUtc"]) == start
        assert end - start == timedelta(minutes=90)
        assert start.date() == day
        assert start.minute in (0, 30)
        hours = provider["workingHours"]
        assert hours["start"] <= start.strftime("%H:%M")
        assert end.strftime("%H:%M") <= hours["end"]
    assert (body["reason"] is None) == bool(body["slots"])


async def test_availability_on_a_day_off_is_empty_with_a_reason(
    client: Client, profile_settings: Settings
) -> None:
    rows = await sql(profile_settings, "SELECT id, working_days FROM providers WHERE is_active = 1")
    today = today_in_india()
    for offset in range(1, 8):
        day = today + timedelta(days=offset)
        resting = next((r.id for r in rows if r.working_days[day.weekday()] == "0"), None)
        if resting is not None:
            break
    response = await client.get(f"{PROVIDERS}/{resting}/availability", params={"date": day.isoformat()})
    assert response.status_code == 200, response.text
    assert (response.json()["slots"], response.json()["reason"]) == ([], "day_off")


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "invalid_request"),
        ({"date": "2026-13-01"}, "invalid_request"),
        ({"date": "PAST"}, "date_out_of_range"),
        ({"date": "FAR"}, "date_out_of_range"),
        ({"date": "NEXT", "durationMinutes": 0}, "invalid_request"),
        ({"date": "NEXT", "durationMinutes": 541}, "invalid_request"),
        ({"date": "NEXT", "durationMinutes": "long"}, "invalid_request"),
    ],
)
async def test_bad_availability_requests_get_a_clear_problem(
    client: Client, profile_settings: Settings, params: dict[str, Any], code: str
) -> None:
    today = today_in_india()
    days = {
        "PAST": today - timedelta(days=1),
        "FAR": today + timedelta(days=31),
        "NEXT": today + timedelta(1),
    }
    if params.get("date") in days:
        params = {**params, "date": days[params["date"]].isoformat()}
    provider = await _active_provider(profile_settings)
    response = await client.get(f"{PROVIDERS}/{provider['id']}/availability", params=params)
    body = assert_problem(response, 400, code)
    if code == "date_out_of_range":
        assert body["field"] == "date"


class _SeedTimeClock(Provider):
    """Pins the clock to the moment the demo data is laid out around, so its future bookings stay future."""

    @provide(scope=Scope.APP)
    def clock(self) -> Clock:
        return FakeClock(SEED_NOW)


@pytest.fixture
async def seed_time_client(profile_settings: Settings) -> AsyncIterator[Client]:
    container = make_container(profile_settings, LitestarProvider(), HttpIdentityProvider(), _SeedTimeClock())
    async with AsyncTestClient(app=create_app(profile_settings, container=container)) as test_client:
        yield test_client


def _local_minute(instant: datetime) -> int:
    local = instant.astimezone(IST)
    return local.hour * 60 + local.minute


async def test_a_confirmed_booking_removes_its_slots_from_the_providers_availability(
    seed_time_client: Client, profile_settings: Settings
) -> None:
    b, p = tables.bookings.c, tables.providers.c
    rows = await query(
        profile_settings,
        select(
            b.provider_id,
            b.status,
            b.slot_start,
            b.slot_end,
            p.work_start_minute,
            p.work_end_minute,
            p.working_days,
        )
        .join(tables.providers, p.id == b.provider_id)
        .where(p.is_active.is_(True), b.status.in_(["pending", "confirmed", "in_progress"]))
        .order_by(b.slot_start, b.id),
    )
    busy_days: dict[int, set[date]] = {}
    for row in rows:
        busy_days.setdefault(row.provider_id, set()).update(
            {row.slot_start.astimezone(IST).date(), row.slot_end.astimezone(IST).date()}
        )
    booking = next(
        row
        for row in rows
        if row.status == "confirmed"
        and row.working_days[row.slot_start.astimezone(IST).weekday()] == "1"
        and row.work_start_minute <= _local_minute(row.slot_start) <= row.work_end_minute - 30
    )
    assert booking.slot_start > SEED_NOW
    day = booking.slot_start.astimezone(IST).date()
    quiet_day = next(
        d
        for d in (day + timedelta(days=n) for n in range(1, 15))
        if booking.working_days[d.weekday()] == "1" and d not in busy_days[booking.provider_id]
    )
    url = f"{PROVIDERS}/{booking.provider_id}/availability"

    async def offered_minutes(on: date) -> list[int]:
        response = await seed_time_client.get(url, params={"date": on.isoformat(), "durationMinutes": 30})
        assert response.status_code == 200, response.text
        return [_local_minute(datetime.fromisoformat(s["start"])) for s in response.json()["slots"]]

    booked = _local_minute(booking.slot_start)
    assert booked in await offered_minutes(quiet_day)
    busy_minutes = range(booked - 30, _local_minute(booking.slot_end) + 30)
    assert not [m for m in await offered_minutes(day) if m in busy_minutes]
