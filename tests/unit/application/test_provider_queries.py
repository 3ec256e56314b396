"""Provider search, profile and availability with in-memory fakes and a fixed clock (2026-11-24, 15:30 in
India)."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from application.catalog.errors import SubcategoryNotFound
from application.common.errors import InvalidInput
from application.provider.errors import InvalidCursor, ProviderNotFound
from application.provider.queries.get_provider import GetProvider, GetProviderQuery
from application.provider.queries.get_provider_availability import (
    GetProviderAvailability,
    GetProviderAvailabilityQuery,
)
from application.provider.queries.search_providers import SearchProviders, SearchProvidersQuery
from application.provider.views import SlotView
from domain.booking.entities import BookingStatus
from domain.provider.availability import IST, DateOutOfRange, InvalidDuration
from domain.shared.pincode import InvalidPincode
from domain.shared.time_slot import TimeSlot
from tests.fakes import FakeClock, InMemoryCache
from tests.provider_fakes import (
    FakeBooking,
    InMemoryProviderReader,
    ProviderData,
    make_provider,
    sample_provider_data,
)

WEDNESDAY = date(2026, 11, 25)


@pytest.fixture
def data() -> ProviderData:
    return sample_provider_data()


def search(data: ProviderData) -> SearchProviders:
    return SearchProviders(data.catalog, InMemoryProviderReader(data), FakeClock(), InMemoryCache())


def availability(data: ProviderData) -> GetProviderAvailability:
    return GetProviderAvailability(InMemoryProviderReader(data), FakeClock())


async def all_pages(handler: SearchProviders, query: SearchProvidersQuery) -> list[list[int]]:
    pages = []
    cursor = None
    while True:
        page = await handler.execute(
            SearchProvidersQuery(
                subcategory_id=query.subcategory_id,
                pincode=query.pincode,
                day=query.day,
                limit=query.limit,
                cursor=cursor,
            )
        )
        pages.append([p.id for p in page.items])
        if page.next_cursor is None:
            return pages
        cursor = page.next_cursor


async def test_search_lists_best_rated_first_with_their_hours_when_a_service_is_offered(
    data: ProviderData,
) -> None:
    page = await search(data).execute(SearchProvidersQuery(subcategory_id=10, pincode="560034"))
    assert [p.id for p in page.items] == [1, 2, 3, 7]
    assert page.next_cursor is None
    first = page.items[0]
    assert (first.rating_average, first.rating_count, first.experience_years) == (Decimal("4.80"), 5, 1)
    assert (first.working_hours.start, first.working_hours.end) == ("09:00", "18:00")
    assert first.working_hours.days == ["mon", "tue", "wed", "thu", "fri", "sat"]


async def test_search_pages_through_everyone_once_when_following_cursors(data: ProviderData) -> None:
    query = SearchProvidersQuery(subcategory_id=10, pincode="560034", limit=1)
    assert await all_pages(search(data), query) == [[1], [2], [3], [7]]
    query = SearchProvidersQuery(subcategory_id=10, pincode="560034", limit=3)
    assert await all_pages(search(data), query) == [[1, 2, 3], [7]]


async def test_search_on_a_day_keeps_only_providers_with_a_slot_long_enough_for_the_service(
    data: ProviderData,
) -> None:
    # Deep cleaning takes 4 hours; provider 1's bookings leave no 4-hour gap on Wednesday.
    query = SearchProvidersQuery(subcategory_id=10, pincode="560034", day=WEDNESDAY, limit=1)
    assert await all_pages(search(data), query) == [[2], [3], [7]]
    sunday = SearchProvidersQuery(subcategory_id=10, pincode="560034", day=date(2026, 11, 29))
    assert await all_pages(search(data), sunday) == [[2, 3]]  # the others rest on Sundays


async def test_search_keeps_scanning_and_hands_back_a_cursor_when_a_day_is_sparse() -> None:
    busy_all_day = TimeSlot(datetime(2026, 11, 25, 0, tzinfo=UTC), datetime(2026, 11, 25, 12, tzinfo=UTC))
    data = sample_provider_data()
    data.providers = [make_provider(pid, "4.00") for pid in range(10, 40)] + [make_provider(40, "1.00")]
    data.skills = {p.id: {10} for p in data.providers}
    data.areas = {p.id: {"560034"} for p in data.providers}
    data.bookings = [FakeBooking(pid, BookingStatus.CONFIRMED, busy_all_day) for pid in range(10, 40)]
    query = SearchProvidersQuery(subcategory_id=10, pincode="560034", day=WEDNESDAY, limit=1)
    pages = await all_pages(search(data), query)
    assert pages[0] == []  # ten rounds of two found nobody free: the client is told where to go on
    assert [p for page in pages for p in page] == [40]


async def test_search_is_empty_when_the_pincode_is_unserved_or_unknown(data: ProviderData) -> None:
    for pincode in ("400050", "999999", "110017"):
        page = await search(data).execute(SearchProvidersQuery(subcategory_id=10, pincode=pincode))
        assert (page.items, page.next_cursor) == ([], None)


async def test_search_refuses_bad_input_before_any_lookup(data: ProviderData) -> None:
    handler = search(data)
    bad = [
        (SearchProvidersQuery(subcategory_id=10, pincode="56003"), InvalidPincode),
        (SearchProvidersQuery(subcategory_id=10, pincode="560034", limit=0), InvalidInput),
        (SearchProvidersQuery(subcategory_id=10, pincode="560034", limit=51), InvalidInput),
        (SearchProvidersQuery(subcategory_id=10, pincode="560034", cursor="not-a-cursor"), InvalidCursor),
        (SearchProvidersQuery(subcategory_id=10, pincode="560034", day=date(2026, 11, 23)), DateOutOfRange),
        (SearchProvidersQuery(subcategory_id=10, pincode="560034", day=date(2026, 12, 25)), DateOutOfRange),
    ]
    for query, error in bad:
        with pytest.raises(error):
            await handler.execute(query)
    assert data.catalog.calls == 0


async def test_search_is_not_found_when_the_service_is_unknown_or_inactive(data: ProviderData) -> None:
    for subcategory_id in (999, 30, 40):
        with pytest.raises(SubcategoryNotFound):
            await search(data).execute(SearchProvidersQuery(subcategory_id=subcategory_id, pincode="560034"))


async def test_profile_shows_visible_skills_and_served_pincodes_when_the_provider_is_active(
    data: ProviderData,
) -> None:
    profile = await GetProvider(InMemoryProviderReader(data)).execute(GetProviderQuery(provider_id=1))
    assert profile.bio == "Bio of provider 1"
    assert [(s.subcategory_id, s.name) for s in profile.skills] == [(10, "Deep Cleaning"), (20, "Tap Repair")]
    assert profile.pincodes == ["560001", "560034"]


async def test_profile_is_not_found_when_the_provider_is_inactive_or_unknown(data: ProviderData) -> None:
    for provider_id in (4, 999):
        with pytest.raises(ProviderNotFound):
            await GetProvider(InMemoryProviderReader(data)).execute(GetProviderQuery(provider_id=provider_id))


def local(view_slots: list[SlotView]) -> list[str]:
    return [s.start.strftime("%H:%M") for s in view_slots]


async def test_availability_leaves_out_booked_time_and_travel_buffers_when_the_provider_has_jobs(
    data: ProviderData,
) -> None:
    view = await availability(data).execute(GetProviderAvailabilityQuery(provider_id=1, day=WEDNESDAY))
    # Jobs at 10:00-12:00 and 14:30-15:30 (a cancelled one at 12:30 does not count).
    assert local(view.slots) == ["12:30", "13:00", "16:00", "16:30", "17:00"]
    assert view.reason is None
    slot = view.slots[0]
    assert slot.start.utcoffset() == timedelta(hours=5, minutes=30)
    assert slot.start_utc == datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
    assert slot.end - slot.start == timedelta(minutes=60)


async def test_availability_fits_the_duration_asked_for(data: ProviderData) -> None:
    query = GetProviderAvailabilityQuery(provider_id=1, day=WEDNESDAY, duration_minutes=90)
    view = await availability(data).execute(query)
    assert local(view.slots) == ["12:30", "16:00", "16:30"]
    assert view.duration_minutes == 90


async def test_availability_is_empty_with_a_reason_on_a_day_off_or_late_today(data: ProviderData) -> None:
    sunday = await availability(data).execute(
        GetProviderAvailabilityQuery(provider_id=1, day=date(2026, 11, 29))
    )
    assert (sunday.slots, sunday.reason) == ([], "day_off")
    today = await availability(data).execute(
        GetProviderAvailabilityQuery(provider_id=2, day=date(2026, 11, 24))
    )
    assert (today.slots, today.reason) == ([], "too_late_today")


async def test_availability_today_starts_two_hours_from_now(data: ProviderData) -> None:
    clock = FakeClock(datetime(2026, 11, 24, 9, 0, 0, tzinfo=IST))
    view = await GetProviderAvailability(InMemoryProviderReader(data), clock).execute(
        GetProviderAvailabilityQuery(provider_id=2, day=date(2026, 11, 24))
    )
    assert local(view.slots)[0] == "11:00"


@pytest.mark.parametrize(
    ("query", "error"),
    [
        (GetProviderAvailabilityQuery(provider_id=1, day=date(2026, 11, 23)), DateOutOfRange),
        (GetProviderAvailabilityQuery(provider_id=1, day=date(2026, 12, 25)), DateOutOfRange),
        (GetProviderAvailabilityQuery(provider_id=1, day=WEDNESDAY, duration_minutes=0), InvalidDuration),
        (GetProviderAvailabilityQuery(provider_id=1, day=WEDNESDAY, duration_minutes=541), InvalidDuration),
        (GetProviderAvailabilityQuery(provider_id=4, day=WEDNESDAY), ProviderNotFound),
        (GetProviderAvailabilityQuery(provider_id=999, day=WEDNESDAY), ProviderNotFound),
    ],
)
async def test_availability_refuses_bad_days_durations_and_providers(
    data: ProviderData, query: GetProviderAvailabilityQuery, error: type[Exception]
) -> None:
    with pytest.raises(error):
        await availability(data).execute(query)


async def test_listing_without_a_day_is_served_from_the_cache_when_repeated(data: ProviderData) -> None:
    reader = InMemoryProviderReader(data)
    cache = InMemoryCache()
    handler = SearchProviders(data.catalog, reader, FakeClock(), cache)
    query = SearchProvidersQuery(subcategory_id=10, pincode="560034")
    first = await handler.execute(query)
    before = cache.stats()
    second = await handler.execute(query)
    assert second == first
    assert cache.stats().hits == before.hits + 1
