"""Show what a service costs, optionally at one pincode."""

from decimal import Decimal

import msgspec

from application.catalog import cache_keys
from application.catalog.errors import SubcategoryNotFound
from application.catalog.ports import CatalogReader
from application.catalog.views import RateCardsAtPincode, RateCardView
from application.common.caching import read_through
from application.common.pagination import PageRequest, paginate
from application.common.ports import Cache
from domain.catalog.entities import SubcategoryId
from domain.shared.pincode import Pincode


class ListRateCardsQuery(msgspec.Struct, frozen=True):
    subcategory_id: int
    pincode: str | None = None
    page: PageRequest = PageRequest()
    max_price: Decimal | None = None


class ListRateCards:
    """Anyone may see the active rate cards of an active subcategory, cheapest first.

    With a pincode, only the rate cards offered there are listed and `serviceable` says whether the
    pincode is served at all. Raises InvalidPincode for a malformed pincode (before any lookup) and
    SubcategoryNotFound for an unknown or inactive subcategory.
    """

    def __init__(self, reader: CatalogReader, cache: Cache) -> None:
        self._reader = reader
        self._cache = cache

    async def execute(self, query: ListRateCardsQuery) -> RateCardsAtPincode:
        pincode = Pincode.parse(query.pincode) if query.pincode is not None else None
        everything = await read_through(
            self._cache,
            cache_keys.rate_cards(query.subcategory_id, pincode.value if pincode else None),
            cache_keys.TTL,
            RateCardsAtPincode,
            lambda: self._load(SubcategoryId(query.subcategory_id), pincode),
        )
        items = everything.items
        if query.max_price is not None:
            items = [r for r in items if r.price.amount <= query.max_price]
        page, total, following = paginate(items, query.page)
        return msgspec.structs.replace(everything, items=page, total=total, next_offset=following)

    async def _load(self, subcategory_id: SubcategoryId, pincode: Pincode | None) -> RateCardsAtPincode:
        if await self._reader.get_subcategory(subcategory_id) is None:
            raise SubcategoryNotFound(subcategory_id)
        rate_cards = await self._reader.list_rate_cards(subcategory_id, pincode)
        serviceable = await self._reader.is_serviceable(pincode) if pincode else None
        return RateCardsAtPincode(
            subcategory_id=subcategory_id,
            pincode=pincode.value if pincode else None,
            serviceable=serviceable,
            items=[RateCardView.of(r) for r in rate_cards],
        )
