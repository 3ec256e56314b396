"""List the catalog's categories."""

import msgspec

from application.catalog import cache_keys
from application.catalog.ports import CatalogReader
from application.catalog.views import CategoryView
from application.common.caching import read_through
from application.common.pagination import PageRequest, paginate
from application.common.ports import Cache


class ListCategoriesResult(msgspec.Struct, frozen=True):
    items: list[CategoryView]
    total: int = 0
    next_offset: int | None = None


class ListCategoriesQuery(msgspec.Struct, frozen=True):
    page: PageRequest = PageRequest()
    name_contains: str | None = None


class ListCategories:
    """Anyone, signed in or not, may browse the active categories, in display order.

    Served from the cache when warm (entries live five minutes and are dropped when the catalog changes).
    """

    def __init__(self, reader: CatalogReader, cache: Cache) -> None:
        self._reader = reader
        self._cache = cache

    async def execute(self, query: ListCategoriesQuery | None = None) -> ListCategoriesResult:
        """The whole list is cached; filtering by name and paging happen on the cached list."""
        query = query or ListCategoriesQuery()
        everything = await read_through(
            self._cache, cache_keys.categories(), cache_keys.TTL, ListCategoriesResult, self._load
        )
        items = everything.items
        if query.name_contains:
            needle = query.name_contains.casefold()
            items = [c for c in items if needle in c.name.casefold() or needle in c.slug]
        page, total, following = paginate(items, query.page)
        return ListCategoriesResult(items=page, total=total, next_offset=following)

    async def _load(self) -> ListCategoriesResult:
        categories = await self._reader.list_categories()
        return ListCategoriesResult(items=[CategoryView.of(c) for c in categories])
