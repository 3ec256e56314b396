"""Searching services from loose words: validation, pincode filtering, caching and the matcher index."""

import pytest

from application.catalog import cache_keys
from application.catalog.commands.invalidate_catalog_cache import InvalidateCatalogCache
from application.catalog.errors import InvalidSearchQuery
from application.catalog.queries.search_services import (
    MAX_QUERY_LENGTH,
    SearchServices,
    SearchServicesQuery,
)
from application.catalog.search_index import ServiceMatcherIndex
from application.common.errors import InvalidInput
from domain.shared.pincode import InvalidPincode
from tests.fakes import InMemoryCache, InMemoryCatalogReader, sample_catalog
from tests.search_fakes import WordOverlapMatcherFactory


@pytest.fixture
def reader() -> InMemoryCatalogReader:
    return sample_catalog()


@pytest.fixture
def factory() -> WordOverlapMatcherFactory:
    return WordOverlapMatcherFactory()


@pytest.fixture
def search(reader, factory) -> SearchServices:
    return SearchServices(reader, InMemoryCache(), ServiceMatcherIndex(factory))


def query(text: str, **kw) -> SearchServicesQuery:
    return SearchServicesQuery(text=text, **kw)


async def test_matches_come_with_their_category_and_reason_when_found(search) -> None:
    result = await search.execute(query("  tap repair  "))

    assert result.query == "tap repair"
    assert (result.pincode, result.serviceable) == (None, None)
    [hit] = result.items
    assert (hit.subcategory_id, hit.slug, hit.name) == (20, "tap-repair", "Tap Repair")
    assert (hit.category_id, hit.category_slug, hit.category_name) == (2, "plumbing", "Plumbing")
    assert (hit.score, hit.matched_on) == (1.0, "name: Tap Repair")


async def test_matches_are_listed_best_first_when_several_match(search) -> None:
    result = await search.execute(query("deep cleaning tap"))

    assert [h.slug for h in result.items] == ["deep-cleaning", "tap-repair"]
    assert result.items[0].score > result.items[1].score


async def test_nothing_is_listed_when_no_service_matches(search) -> None:
    assert (await search.execute(query("gardening"))).items == []


async def test_services_of_inactive_categories_are_never_found_when_searched(search) -> None:
    assert (await search.execute(query("hidden"))).items == []


async def test_at_most_limit_matches_are_listed_when_more_match(search) -> None:
    result = await search.execute(query("deep cleaning tap repair", limit=1))
    assert [h.slug for h in result.items] == ["deep-cleaning"]


@pytest.mark.parametrize("text", ["", "   ", "\t\n", "x" * (MAX_QUERY_LENGTH + 1)])
async def test_invalid_search_query_is_raised_before_any_lookup_when_text_is_blank_or_long(
    search, reader, text
) -> None:
    with pytest.raises(InvalidSearchQuery) as caught:
        await search.execute(query(text))

    assert (caught.value.field, caught.value.code) == ("q", "invalid_search_query")
    assert reader.calls == 0


async def test_text_of_the_maximum_length_is_searched_when_given(search) -> None:
    text = ("tap repair " * 20)[:MAX_QUERY_LENGTH]
    assert (await search.execute(query(text))).items[0].slug == "tap-repair"


@pytest.mark.parametrize("limit", [0, -1, 21])
async def test_invalid_input_is_raised_when_limit_is_out_of_range(search, reader, limit) -> None:
    with pytest.raises(InvalidInput) as caught:
        await search.execute(query("tap", limit=limit))

    assert caught.value.field == "limit"
    assert reader.calls == 0


@pytest.mark.parametrize("pincode", ["56003", "056003", "abcdef", ""])
async def test_invalid_pincode_is_raised_before_any_lookup_when_malformed(search, reader, pincode) -> None:
    with pytest.raises(InvalidPincode):
        await search.execute(query("tap", pincode=pincode))
    assert reader.calls == 0


async def test_services_not_offered_at_the_pincode_are_dropped_when_a_pincode_is_given(search) -> None:
    result = await search.execute(query("deep cleaning tap repair", pincode="560 034"))

    assert (result.pincode, result.serviceable) == ("560034", True)
    assert [h.slug for h in result.items] == ["deep-cleaning"]


async def test_nothing_is_listed_and_not_serviceable_when_the_pincode_is_not_served(search, reader) -> None:
    result = await search.execute(query("deep cleaning", pincode="400050"))

    assert (result.serviceable, result.items) == (False, [])


async def test_limit_counts_offered_services_when_the_best_match_is_dropped(search) -> None:
    everywhere = await search.execute(query("tap repair deep"))
    assert [h.slug for h in everywhere.items] == ["tap-repair", "deep-cleaning"]

    result = await search.execute(query("tap repair deep", pincode="560034", limit=1))

    assert [h.slug for h in result.items] == ["deep-cleaning"]


async def test_the_catalog_is_read_once_when_searched_repeatedly(search, reader, factory) -> None:
    await search.execute(query("tap"))
    calls = reader.calls

    await search.execute(query("deep cleaning"))
    await search.execute(query("plumbing"))

    assert reader.calls == calls
    assert len(factory.built) == 1


async def test_the_index_is_built_once_per_process_when_each_request_has_its_own_handler(
    reader, factory
) -> None:
    cache, index = InMemoryCache(), ServiceMatcherIndex(factory)

    for text in ("tap", "deep", "repair"):
        await SearchServices(reader, cache, index).execute(query(text))

    assert index.builds == 1


async def test_the_index_is_rebuilt_when_the_catalog_changed_and_the_cache_was_invalidated(
    reader, factory
) -> None:
    cache = InMemoryCache()
    search = SearchServices(reader, cache, ServiceMatcherIndex(factory))
    assert (await search.execute(query("faucet"))).items == []
    reader.subcategories[1].name = "Tap and Faucet Repair"

    await InvalidateCatalogCache(cache).execute()
    result = await search.execute(query("faucet"))

    assert [h.slug for h in result.items] == ["tap-repair"]
    assert len(factory.built) == 2


async def test_the_index_is_kept_when_the_cache_expired_but_the_catalog_did_not_change(
    reader, factory
) -> None:
    cache = InMemoryCache()
    search = SearchServices(reader, cache, ServiceMatcherIndex(factory))
    await search.execute(query("tap"))

    await cache.delete_prefix(cache_keys.PREFIX)
    await search.execute(query("tap"))

    assert len(factory.built) == 1


async def test_the_matcher_sees_active_services_in_browsing_order_when_built(search, factory) -> None:
    await search.execute(query("tap"))
    assert factory.built == [["deep-cleaning", "tap-repair"]]
