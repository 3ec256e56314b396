from datetime import timedelta

import msgspec
import pytest

from application.catalog import cache_keys
from application.catalog.commands.invalidate_catalog_cache import InvalidateCatalogCache
from application.catalog.errors import CategoryNotFound, SubcategoryNotFound
from application.catalog.queries.list_categories import ListCategories
from application.catalog.queries.list_rate_cards import ListRateCards, ListRateCardsQuery
from application.catalog.queries.list_subcategories import ListSubcategories, ListSubcategoriesQuery
from domain.shared.pincode import InvalidPincode
from tests.fakes import InMemoryCache, InMemoryCatalogReader, sample_catalog


@pytest.fixture
def reader() -> InMemoryCatalogReader:
    return sample_catalog()


@pytest.fixture
def cache() -> InMemoryCache:
    return InMemoryCache()


async def test_categories_are_listed_in_display_order_when_some_are_inactive(reader, cache) -> None:
    result = await ListCategories(reader, cache).execute()

    assert [(c.id, c.slug) for c in result.items] == [(1, "cleaning"), (2, "plumbing")]


async def test_categories_are_served_from_cache_when_asked_twice(reader, cache) -> None:
    first = await ListCategories(reader, cache).execute()
    calls = reader.calls

    second = await ListCategories(reader, cache).execute()

    assert second == first
    assert reader.calls == calls


async def test_categories_are_read_again_when_the_cache_was_invalidated(reader, cache) -> None:
    query = ListCategories(reader, cache)
    await query.execute()
    reader.categories[0].name = "Plumbing & Pipes"
    calls = reader.calls

    dropped = await InvalidateCatalogCache(cache).execute()
    result = await query.execute()

    assert dropped == 1
    assert reader.calls == calls + 1
    assert "Plumbing & Pipes" in [c.name for c in result.items]


@pytest.mark.parametrize(
    "corrupt",
    [b"\xc1 not msgpack", msgspec.msgpack.encode({"items": "nope"}), msgspec.msgpack.encode([1, 2, 3])],
)
async def test_corrupt_cache_entry_is_treated_as_a_miss_when_it_does_not_decode(
    reader, cache, corrupt
) -> None:
    await cache.set(cache_keys.categories(), corrupt, ttl=timedelta(minutes=5))

    result = await ListCategories(reader, cache).execute()
    calls = reader.calls
    again = await ListCategories(reader, cache).execute()

    assert [c.id for c in result.items] == [1, 2]
    assert calls == 1
    assert again == result
    assert reader.calls == calls


async def test_subcategories_of_a_category_are_listed_when_category_is_active(reader, cache) -> None:
    result = await ListSubcategories(reader, cache).execute(ListSubcategoriesQuery(category_id=1))

    assert result.category_id == 1
    assert [s.slug for s in result.items] == ["deep-cleaning"]
    assert result.items[0].duration_minutes == 240
    assert result.items[0].inclusions == ["Kitchen", "Bathrooms"]


@pytest.mark.parametrize("category_id", [3, 999])
async def test_category_not_found_is_raised_when_category_is_inactive_or_unknown(
    reader, cache, category_id
) -> None:
    with pytest.raises(CategoryNotFound) as caught:
        await ListSubcategories(reader, cache).execute(ListSubcategoriesQuery(category_id=category_id))

    assert caught.value.key == category_id


async def test_not_found_is_not_cached_when_category_is_unknown(reader, cache) -> None:
    query = ListSubcategories(reader, cache)
    with pytest.raises(CategoryNotFound):
        await query.execute(ListSubcategoriesQuery(category_id=999))
    calls_for_one_lookup = reader.calls

    with pytest.raises(CategoryNotFound):
        await query.execute(ListSubcategoriesQuery(category_id=999))

    assert reader.calls == 2 * calls_for_one_lookup
    assert await cache.get(cache_keys.subcategories(999)) is None


async def test_subcategories_are_listed_when_a_category_not_found_before_is_reactivated(
    reader, cache
) -> None:
    query = ListSubcategories(reader, cache)
    with pytest.raises(CategoryNotFound):
        await query.execute(ListSubcategoriesQuery(category_id=3))
    reader.categories[1].is_active = True

    result = await query.execute(ListSubcategoriesQuery(category_id=3))

    assert [s.slug for s in result.items] == ["hidden"]


async def test_subcategories_are_served_from_cache_when_asked_twice(reader, cache) -> None:
    query = ListSubcategories(reader, cache)
    first = await query.execute(ListSubcategoriesQuery(category_id=1))
    calls = reader.calls

    assert await query.execute(ListSubcategoriesQuery(category_id=1)) == first
    assert reader.calls == calls


async def test_rate_cards_are_listed_cheapest_first_when_no_pincode_is_given(reader, cache) -> None:
    result = await ListRateCards(reader, cache).execute(ListRateCardsQuery(subcategory_id=10))

    assert [r.id for r in result.items] == [101, 100]
    assert result.pincode is None
    assert result.serviceable is None
    two_bhk = result.items[1]
    assert (str(two_bhk.price.amount), str(two_bhk.strike_price.amount)) == ("4499.00", "5299.00")
    assert str(two_bhk.savings.amount) == "800.00"
    assert result.items[0].strike_price is None
    assert str(result.items[0].savings.amount) == "0.00"


async def test_rate_cards_offered_at_pincode_are_listed_when_pincode_is_serviceable(reader, cache) -> None:
    result = await ListRateCards(reader, cache).execute(
        ListRateCardsQuery(subcategory_id=10, pincode="560034")
    )

    assert [r.id for r in result.items] == [101, 100]
    assert result.pincode == "560034"
    assert result.serviceable is True


@pytest.mark.parametrize("pincode", ["400050", "110001"])
async def test_no_rate_cards_and_not_serviceable_when_pincode_is_not_served(reader, cache, pincode) -> None:
    result = await ListRateCards(reader, cache).execute(
        ListRateCardsQuery(subcategory_id=10, pincode=pincode)
    )

    assert result.items == []
    assert result.serviceable is False


async def test_pincode_is_normalised_and_shares_the_cache_when_user_types_spaces(reader, cache) -> None:
    query = ListRateCards(reader, cache)
    first = await query.execute(ListRateCardsQuery(subcategory_id=10, pincode="560034"))
    calls = reader.calls

    spaced = await query.execute(ListRateCardsQuery(subcategory_id=10, pincode=" 560 034 "))

    assert spaced == first
    assert spaced.pincode == "560034"
    assert reader.calls == calls


@pytest.mark.parametrize("pincode", ["56003", "056003", "abcdef", "५६००३४", ""])
async def test_invalid_pincode_is_raised_before_any_lookup_when_pincode_is_malformed(
    reader, cache, pincode
) -> None:
    with pytest.raises(InvalidPincode):
        await ListRateCards(reader, cache).execute(ListRateCardsQuery(subcategory_id=10, pincode=pincode))

    assert reader.calls == 0
    assert cache.hits + cache.misses == 0


async def test_invalid_pincode_wins_when_subcategory_is_also_unknown(reader, cache) -> None:
    with pytest.raises(InvalidPincode):
        await ListRateCards(reader, cache).execute(ListRateCardsQuery(subcategory_id=999, pincode="12"))


@pytest.mark.parametrize("subcategory_id", [30, 999])
async def test_subcategory_not_found_is_raised_when_subcategory_or_its_category_is_hidden(
    reader, cache, subcategory_id
) -> None:
    with pytest.raises(SubcategoryNotFound) as caught:
        await ListRateCards(reader, cache).execute(ListRateCardsQuery(subcategory_id=subcategory_id))

    assert caught.value.key == subcategory_id
    assert await cache.get(cache_keys.rate_cards(subcategory_id, None)) is None


async def test_rate_cards_are_served_from_cache_when_asked_twice(reader, cache) -> None:
    query = ListRateCards(reader, cache)
    first = await query.execute(ListRateCardsQuery(subcategory_id=10, pincode="560034"))
    calls = reader.calls

    assert await query.execute(ListRateCardsQuery(subcategory_id=10, pincode="560034")) == first
    assert reader.calls == calls


async def test_rate_cards_differ_per_pincode_when_cached(reader, cache) -> None:
    query = ListRateCards(reader, cache)
    served = await query.execute(ListRateCardsQuery(subcategory_id=10, pincode="560034"))
    unserved = await query.execute(ListRateCardsQuery(subcategory_id=10, pincode="400050"))
    everywhere = await query.execute(ListRateCardsQuery(subcategory_id=10))

    assert (len(served.items), len(unserved.items), len(everywhere.items)) == (2, 0, 2)
    assert (served.serviceable, unserved.serviceable, everywhere.serviceable) == (True, False, None)


async def test_invalidation_drops_only_catalog_entries_when_cache_is_shared(reader, cache) -> None:
    await ListCategories(reader, cache).execute()
    await ListSubcategories(reader, cache).execute(ListSubcategoriesQuery(category_id=1))
    await ListRateCards(reader, cache).execute(ListRateCardsQuery(subcategory_id=10))
    await cache.set("session:abc", b"keep", ttl=timedelta(minutes=5))

    dropped = await InvalidateCatalogCache(cache).execute()

    assert dropped == 3
    assert await cache.get(cache_keys.categories()) is None
    assert await cache.get("session:abc") == b"keep"
