"""Find professionals who do a service at a pincode, optionally free on a given day."""

from collections.abc import Sequence
from datetime import date, datetime

import msgspec

from application.catalog import cache_keys
from application.catalog.errors import SubcategoryNotFound
from application.catalog.ports import CatalogReader
from application.common.caching import read_through
from application.common.errors import InvalidInput
from application.common.ports import Cache, Clock
from application.provider.cursor import decode_cursor, encode_cursor
from application.provider.ports import ProviderReader, RankPosition
from application.provider.views import ProviderPage, ProviderSummaryView
from domain.catalog.entities import SubcategoryId
from domain.provider.availability import (
    MAX_DURATION_MINUTES,
    bookable_slots,
    busy_window,
    check_bookable_date,
)
from domain.provider.entities import Provider
from domain.shared.pincode import Pincode

DEFAULT_LIMIT = 20
MAX_LIMIT = 50
MAX_ROUNDS = 10


class SearchProvidersQuery(msgspec.Struct, frozen=True):
    subcategory_id: int
    pincode: str
    day: date | None = None
    limit: int = DEFAULT_LIMIT
    cursor: str | None = None


class SearchProviders:
    """Anyone may list the active providers who do a service at a pincode, best rated first, then by id.

    With a day (today to 30 days ahead in India), only providers who work that weekday and have at least one
    slot free for the service's duration (capped at a working day) are listed. Pages hold 1..MAX_LIMIT
    providers; `next_cursor` continues after the last one. Raises InvalidInput / InvalidPincode /
    InvalidCursor / DateOutOfRange for bad input (before any lookup) and SubcategoryNotFound for an unknown or
    inactive service. A pincode that is unknown or not served gives an empty page.
    """

    def __init__(self, catalog: CatalogReader, providers: ProviderReader, clock: Clock, cache: Cache) -> None:
        self._catalog = catalog
        self._providers = providers
        self._clock = clock
        self._cache = cache

    async def execute(self, query: SearchProvidersQuery) -> ProviderPage:
        """Listings without a day are cached for a minute (dropped at once when the catalog changes);
        listings for a day depend on live bookings and are always read fresh."""
        if not 1 <= query.limit <= MAX_LIMIT:
            raise InvalidInput("limit", f"limit must be 1 to {MAX_LIMIT}")
        pincode = Pincode.parse(query.pincode)
        after = decode_cursor(query.cursor) if query.cursor is not None else None
        if query.day is None:
            key = cache_keys.providers(query.subcategory_id, pincode.value, query.limit, query.cursor)
            return await read_through(
                self._cache,
                key,
                cache_keys.PROVIDER_TTL,
                ProviderPage,
                lambda: self._search(query, pincode, after),
            )
        return await self._search(query, pincode, after)

    async def _search(
        self, query: SearchProvidersQuery, pincode: Pincode, after: RankPosition | None
    ) -> ProviderPage:
        now = self._clock.now()
        if query.day is not None:
            check_bookable_date(query.day, now=now)
        subcategory = await self._catalog.get_subcategory(SubcategoryId(query.subcategory_id))
        if subcategory is None:
            raise SubcategoryNotFound(query.subcategory_id)
        duration = min(subcategory.duration_minutes, MAX_DURATION_MINUTES)
        found: list[Provider] = []
        for _ in range(MAX_ROUNDS):
            batch = await self._providers.search(
                subcategory.id,
                pincode,
                limit=query.limit + 1,
                after=after,
                works_on=query.day.weekday() if query.day else None,
            )
            found += await self._free(batch, query.day, duration, now) if query.day else batch
            if len(found) > query.limit:
                return _page(found[: query.limit], RankPosition.of(found[query.limit - 1]))
            if len(batch) <= query.limit:
                return _page(found, None)
            after = RankPosition.of(batch[-1])
        # A sparse day: stop scanning and let the client continue from the last provider looked at.
        return _page(found, after)

    async def _free(
        self, batch: Sequence[Provider], day: date, duration: int, now: datetime
    ) -> list[Provider]:
        busy = await self._providers.busy_intervals([p.id for p in batch], *busy_window(day))
        return [
            p
            for p in batch
            if bookable_slots(
                day=day, hours=p.hours, duration_minutes=duration, busy=busy.get(p.id, ()), now=now
            ).slots
        ]


def _page(providers: list[Provider], last: RankPosition | None) -> ProviderPage:
    return ProviderPage(
        items=[ProviderSummaryView.of(p) for p in providers],
        next_cursor=encode_cursor(last) if last is not None else None,
    )
