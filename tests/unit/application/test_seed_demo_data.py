from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from application.catalog import cache_keys
from application.catalog.commands.invalidate_catalog_cache import InvalidateCatalogCache
from application.catalog.queries.list_categories import ListCategories
from application.common.errors import InvalidInput
from application.demo.commands.seed_demo_data import DemoDataPresent, SeedDemoData, SeedDemoDataHandler
from application.demo.ports import SeedReport
from domain.catalog.entities import Category, CategoryId
from tests.fakes import FakeClock, InMemoryCache, InMemoryCatalogReader


class FakeSeeder:
    """Seeds a demo category into an InMemoryCatalogReader and records every seed asked for."""

    def __init__(self, reader: InMemoryCatalogReader) -> None:
        self.reader = reader
        self.seeds: list[int] = []
        self.calls: list[tuple[datetime, int]] = []

    async def has_data(self) -> bool:
        return bool(self.reader.categories)

    async def seed(self, seed: int, *, now: datetime, scale: int = 1, progress: Any = None) -> SeedReport:
        self.seeds.append(seed)
        self.calls.append((now, scale))
        if progress:
            for done in range(1, scale + 1):
                progress(done, scale)
        self.reader.categories.append(
            Category(id=CategoryId(seed), slug=f"demo-{seed}", name=f"Demo {seed}", description="Demo")
        )
        return SeedReport(seed=seed, counts={"categories": 1})


@pytest.fixture
def reader() -> InMemoryCatalogReader:
    return InMemoryCatalogReader()


@pytest.fixture
def cache() -> InMemoryCache:
    return InMemoryCache()


@pytest.fixture
def seeder(reader: InMemoryCatalogReader) -> FakeSeeder:
    return FakeSeeder(reader)


@pytest.fixture
def handler(seeder: FakeSeeder, cache: InMemoryCache) -> SeedDemoDataHandler:
    return SeedDemoDataHandler(
        seeder, InvalidateCatalogCache(cache), FakeClock(datetime(2026, 11, 24, 20, 0, tzinfo=UTC))
    )


async def test_demo_data_is_seeded_with_default_seed_when_database_is_empty(handler, seeder) -> None:
    result = await handler.execute(SeedDemoData())

    assert result.seeded is True
    assert result.report == SeedReport(seed=42, counts={"categories": 1})
    assert seeder.seeds == [42]


async def test_given_seed_is_used_when_operator_picks_one(handler, seeder) -> None:
    result = await handler.execute(SeedDemoData(seed=7))

    assert seeder.seeds == [7]
    assert result.report is not None
    assert result.report.seed == 7


async def test_browsing_shows_seeded_catalog_when_empty_catalog_was_cached_before(
    handler, reader, cache
) -> None:
    browse = ListCategories(reader, cache)
    assert (await browse.execute()).items == []
    await cache.set("session:abc", b"keep", ttl=timedelta(minutes=5))

    await handler.execute(SeedDemoData(seed=5))

    assert [c.slug for c in (await browse.execute()).items] == ["demo-5"]
    assert await cache.get("session:abc") == b"keep"


async def test_seeding_is_refused_when_database_already_holds_data(handler, seeder, reader, cache) -> None:
    await handler.execute(SeedDemoData())
    await ListCategories(reader, cache).execute()

    with pytest.raises(DemoDataPresent) as caught:
        await handler.execute(SeedDemoData(seed=43))

    assert caught.value.code == "demo_data_present"
    assert "reset" in caught.value.message
    assert seeder.seeds == [42]
    assert await cache.get(cache_keys.categories()) is not None


async def test_nothing_happens_when_only_if_empty_and_database_holds_data(
    handler, seeder, reader, cache
) -> None:
    await handler.execute(SeedDemoData())
    await ListCategories(reader, cache).execute()

    result = await handler.execute(SeedDemoData(seed=43, only_if_empty=True))

    assert result.seeded is False
    assert result.report is None
    assert seeder.seeds == [42]
    assert await cache.get(cache_keys.categories()) is not None


async def test_demo_data_is_seeded_when_only_if_empty_and_database_is_empty(handler, seeder) -> None:
    result = await handler.execute(SeedDemoData(only_if_empty=True))

    assert result.seeded is True
    assert seeder.seeds == [42]


async def test_demo_times_are_anchored_at_noon_ist_of_today_when_no_anchor_is_given(handler, seeder) -> None:
    await handler.execute(SeedDemoData())
    assert seeder.calls == [(datetime(2026, 11, 24, 6, 30, tzinfo=UTC), 1)]


async def test_anchor_day_and_scale_are_passed_on_when_the_operator_gives_them(handler, seeder) -> None:
    done: list[int] = []
    await handler.execute(
        SeedDemoData(scale=3, anchor=date(2026, 1, 15)), progress=lambda d, _t: done.append(d)
    )
    assert seeder.calls == [(datetime(2026, 1, 15, 6, 30, tzinfo=UTC), 3)]
    assert done == [1, 2, 3]


@pytest.mark.parametrize("scale", [0, -1, 10_001])
async def test_scale_out_of_range_is_refused_before_writing_when_requested(
    handler, seeder, scale: int
) -> None:
    with pytest.raises(InvalidInput):
        await handler.execute(SeedDemoData(scale=scale))
    assert seeder.seeds == []
