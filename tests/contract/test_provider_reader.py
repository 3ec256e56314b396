"""One suite for the ProviderReader port: the in-memory fake, SQLite and MariaDB must agree."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from adapters.persistence.engine import create_engine, create_session_factory
from adapters.persistence.provider_reader import SqlaProviderReader
from application.provider.ports import ProviderReader, ProviderSkill, RankPosition
from domain.catalog.entities import SubcategoryId
from domain.provider.entities import ProviderId, WorkingHours
from domain.shared.pincode import Pincode
from domain.shared.time_slot import TimeSlot
from tests.conftest import DatabaseFactory, migrated
from tests.contract.provider_sample_sql import load_provider_data
from tests.provider_fakes import InMemoryProviderReader, sample_provider_data

READERS = ["fake", "sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)]
CLEANING = SubcategoryId(10)
KORAMANGALA = Pincode("560034")


@pytest.fixture(params=READERS)
async def reader(request: pytest.FixtureRequest) -> AsyncIterator[ProviderReader]:
    data = sample_provider_data()
    if request.param == "fake":
        yield InMemoryProviderReader(data)
        return
    databases: DatabaseFactory = request.getfixturevalue(f"{request.param}_databases")
    engine = create_engine(migrated(databases.make(str(request.param))))
    try:
        await load_provider_data(engine, data)
        async with create_session_factory(engine)() as session:
            yield SqlaProviderReader(session)
    finally:
        await engine.dispose()


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


async def ids(reader: ProviderReader, **kwargs: object) -> list[int]:
    found = await reader.search(CLEANING, KORAMANGALA, **kwargs)  # type: ignore[arg-type]
    return [p.id for p in found]


async def test_search_ranks_active_skilled_providers_by_rating_then_id_when_listing(
    reader: ProviderReader,
) -> None:
    assert await ids(reader, limit=10) == [1, 2, 3, 7]


async def test_search_continues_after_a_position_when_ratings_tie(reader: ProviderReader) -> None:
    assert await ids(reader, limit=10, after=RankPosition(rating=Decimal("4.80"), provider_id=1)) == [2, 3, 7]
    assert await ids(reader, limit=2, after=RankPosition(rating=Decimal("4.80"), provider_id=2)) == [3, 7]
    assert await ids(reader, limit=10, after=RankPosition(rating=Decimal("0.00"), provider_id=7)) == []


async def test_search_keeps_to_the_limit_and_the_weekday_when_asked(reader: ProviderReader) -> None:
    assert await ids(reader, limit=1) == [1]
    assert await ids(reader, limit=10, works_on=0) == [1, 2, 7]
    assert await ids(reader, limit=10, works_on=6) == [2, 3]


async def test_search_finds_nobody_when_the_pincode_is_unserved_or_unknown(reader: ProviderReader) -> None:
    assert await reader.search(CLEANING, Pincode("400050"), limit=10) == []
    assert await reader.search(CLEANING, Pincode("999999"), limit=10) == []
    assert await reader.search(SubcategoryId(999), KORAMANGALA, limit=10) == []


async def test_provider_keeps_its_details_when_loaded(reader: ProviderReader) -> None:
    provider = await reader.get(ProviderId(2))
    assert provider is not None
    assert (provider.name, provider.rating_average, provider.rating_count) == (
        "Provider 2",
        Decimal("4.80"),
        5,
    )
    assert provider.hours == WorkingHours(8 * 60, 17 * 60, "1111111")
    assert await reader.get(ProviderId(4)) is None
    assert await reader.get(ProviderId(999)) is None


async def test_skills_and_pincodes_leave_out_what_is_not_visible_when_listed(reader: ProviderReader) -> None:
    assert await reader.skills(ProviderId(1)) == [
        ProviderSkill(subcategory_id=10, name="Deep Cleaning", category_id=1),
        ProviderSkill(subcategory_id=20, name="Tap Repair", category_id=2),
    ]
    assert await reader.skills(ProviderId(3)) == [
        ProviderSkill(subcategory_id=10, name="Deep Cleaning", category_id=1)
    ]
    assert await reader.served_pincodes(ProviderId(1)) == [Pincode("560001"), Pincode("560034")]
    assert await reader.served_pincodes(ProviderId(3)) == [Pincode("560034")]
    assert await reader.served_pincodes(ProviderId(6)) == []


async def test_busy_intervals_are_the_blocking_bookings_overlapping_the_window_when_asked(
    reader: ProviderReader,
) -> None:
    busy = await reader.busy_intervals([ProviderId(1), ProviderId(2), ProviderId(3)], utc(25, 0), utc(26, 0))
    assert {k: list(v) for k, v in busy.items()} == {
        1: [
            TimeSlot(utc(24, 23), utc(25, 1)),
            TimeSlot(utc(25, 4, 30), utc(25, 6, 30)),
            TimeSlot(utc(25, 9), utc(25, 10)),
        ],
        2: [TimeSlot(utc(25, 5), utc(25, 6))],
    }


async def test_busy_intervals_are_empty_when_no_provider_is_asked_about(reader: ProviderReader) -> None:
    assert await reader.busy_intervals([], utc(25, 0), utc(26, 0)) == {}
    assert await reader.busy_intervals([ProviderId(5)], utc(25, 0), utc(26, 0)) == {}
