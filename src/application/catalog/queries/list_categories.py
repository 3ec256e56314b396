"""List the catalog's categories."""

import msgspec

from application.catalog import cache_keys
from application.catalog.ports import CatalogReader
from application.catalog.views import CategoryView
from application.common.caching import read_through
from application.common.ports import Cache


class ListCategoriesResult(msgspec.Struct, frozen=True):
    items: list[CategoryView]


class ListCategories:
    """Anyone, signed in or not, may browse the active categories, in display order.

    Served from the cache when warm (entries live five minutes and are dropped when the catalog changes).
    """

    def __init__(self, reader: CatalogReader, cache: Cache) -> None:
        self._reader = reader
        self._cache = cache

    async def execute(self) -> ListCategoriesResult:
        return await read_through(
            self._cache, cache_keys.categories(), cache_keys.TTL, ListCategoriesResult, self._load
        )

    async def _load(self) -> ListCategoriesResult:
        categories = await self._reader.list_categories()
        return ListCategoriesResult(items=[CategoryView.of(c) for c in categories])
