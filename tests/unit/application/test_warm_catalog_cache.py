import pytest

from application.catalog.commands.invalidate_catalog_cache import InvalidateCatalogCache
from application.catalog.commands.warm_catalog_cache import WarmCatalogCache, WarmCatalogCacheResult
from application.catalog.queries.list_categories import ListCategories
from application.catalog.queries.list_subcategories import ListSubcategories, ListSubcategoriesQuery
from application.common.errors import StorageUnavailable
from tests.fakes import InMemoryCache, InMemoryCatalogReader, sample_catalog


def warmer(reader: InMemoryCatalogReader, cache: InMemoryCache) -> WarmCatalogCache:
    return WarmCatalogCache(ListCategories(reader, cache), ListSubcategories(reader, cache))


async def test_warming_counts_active_categories_and_subcategories_when_catalog_has_inactive_ones() -> None:
    result = await warmer(sample_catalog(), InMemoryCache()).execute()

    assert result == WarmCatalogCacheResult(categories=2, subcategories=2)


async def test_browse_pages_are_served_without_the_database_when_cache_was_warmed() -> None:
    reader, cache = sample_catalog(), InMemoryCache()
    await warmer(reader, cache).execute()
    calls = reader.calls

    categories = await ListCategories(reader, cache).execute()
    for category in categories.items:
        await ListSubcategories(reader, cache).execute(ListSubcategoriesQuery(category_id=category.id))

    assert [c.id for c in categories.items] == [1, 2]
    assert reader.calls == calls


async def test_warming_again_reads_nothing_and_reports_the_same_when_cache_is_already_warm() -> None:
    reader, cache = sample_catalog(), InMemoryCache()
    first = await warmer(reader, cache).execute()
    calls = reader.calls

    assert await warmer(reader, cache).execute() == first
    assert reader.calls == calls


async def test_warming_reloads_from_the_database_when_cache_was_invalidated() -> None:
    reader, cache = sample_catalog(), InMemoryCache()
    await warmer(reader, cache).execute()
    reader.categories[1].is_active = True
    await InvalidateCatalogCache(cache).execute()

    result = await warmer(reader, cache).execute()

    assert result == WarmCatalogCacheResult(categories=3, subcategories=3)


async def test_warming_reports_zero_when_catalog_is_empty() -> None:
    result = await warmer(InMemoryCatalogReader(), InMemoryCache()).execute()

    assert result == WarmCatalogCacheResult(categories=0, subcategories=0)


async def test_warming_fails_with_storage_unavailable_when_database_is_down() -> None:
    reader = sample_catalog()
    reader.fail_with = StorageUnavailable("connection refused")

    with pytest.raises(StorageUnavailable):
        await warmer(reader, InMemoryCache()).execute()
