"""Find the services a customer means from loose words ("plumbr", "ac", "nal theek karna")."""

import msgspec

from application.catalog import cache_keys
from application.catalog.errors import InvalidSearchQuery
from application.catalog.ports import CatalogReader, SearchableService, ServiceMatch, ServiceMatcher
from application.catalog.search_index import SearchCatalog, ServiceMatcherIndex, load_search_catalog
from application.common.caching import read_through
from application.common.errors import InvalidInput
from application.common.ports import Cache
from domain.catalog.entities import SubcategoryId
from domain.shared.pincode import Pincode

MAX_QUERY_LENGTH = 120
DEFAULT_LIMIT = 5
MAX_LIMIT = 20


class SearchServicesQuery(msgspec.Struct, frozen=True):
    text: str
    pincode: str | None = None
    limit: int = DEFAULT_LIMIT


class ServiceHit(msgspec.Struct, frozen=True):
    subcategory_id: int
    slug: str
    name: str
    category_id: int
    category_slug: str
    category_name: str
    score: float
    matched_on: str

    @classmethod
    def of(cls, match: ServiceMatch, service: SearchableService) -> "ServiceHit":
        return cls(
            subcategory_id=service.subcategory_id,
            slug=service.slug,
            name=service.name,
            category_id=service.category_id,
            category_slug=service.category_slug,
            category_name=service.category_name,
            score=match.score,
            matched_on=match.matched_on,
        )


class SearchServicesResult(msgspec.Struct, frozen=True):
    query: str
    pincode: str | None
    serviceable: bool | None
    items: list[ServiceHit]


class SearchServices:
    """Anyone (customers, the assistant's service recognition, staff tools) may search active services.

    Ranked best first with a score in (0, 1] and the reason each matched; no match is an empty list.
    With a pincode, services with no rate card offered there are dropped, and `serviceable` says
    whether the pincode is served at all (nothing is listed when it is not). Raises InvalidSearchQuery
    for blank text or text over MAX_QUERY_LENGTH characters, InvalidInput for a limit outside
    1..MAX_LIMIT and InvalidPincode for a malformed pincode, all before any lookup.
    """

    def __init__(self, reader: CatalogReader, cache: Cache, index: ServiceMatcherIndex) -> None:
        self._reader = reader
        self._cache = cache
        self._index = index

    async def execute(self, query: SearchServicesQuery) -> SearchServicesResult:
        text = query.text.strip()
        if not text:
            raise InvalidSearchQuery("search text is empty")
        if len(text) > MAX_QUERY_LENGTH:
            raise InvalidSearchQuery(f"search text is longer than {MAX_QUERY_LENGTH} characters")
        if not 1 <= query.limit <= MAX_LIMIT:
            raise InvalidInput("limit", f"limit must be between 1 and {MAX_LIMIT}")
        pincode = Pincode.parse(query.pincode) if query.pincode is not None else None

        catalog = await read_through(
            self._cache,
            cache_keys.search_catalog(),
            cache_keys.TTL,
            SearchCatalog,
            lambda: load_search_catalog(self._reader),
        )
        matcher = self._index.matcher_for(catalog)
        serviceable: bool | None = None
        if pincode is None:
            matches = matcher.match(text, query.limit)
        else:
            serviceable = await self._reader.is_serviceable(pincode)
            matches = await self._offered(matcher, text, pincode, query.limit) if serviceable else []
        services = {s.subcategory_id: s for s in catalog.services}
        return SearchServicesResult(
            query=text,
            pincode=pincode.value if pincode else None,
            serviceable=serviceable,
            items=[ServiceHit.of(m, services[m.subcategory_id]) for m in matches],
        )

    async def _offered(
        self, matcher: ServiceMatcher, text: str, pincode: Pincode, limit: int
    ) -> list[ServiceMatch]:
        """The best matches that have at least one rate card offered at the pincode."""
        offered: list[ServiceMatch] = []
        for match in matcher.match(text, MAX_LIMIT * 4):
            if await self._reader.list_rate_cards(SubcategoryId(match.subcategory_id), pincode):
                offered.append(match)
                if len(offered) == limit:
                    break
        return offered
