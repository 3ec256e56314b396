"""List the services inside one category."""

import msgspec

from application.catalog import cache_keys
from application.catalog.errors import CategoryNotFound
from application.catalog.ports import CatalogReader
from application.catalog.views import SubcategoryView
from application.common.caching import read_through
from application.common.pagination import PageRequest, paginate
from application.common.ports import Cache
from domain.catalog.entities import CategoryId


class ListSubcategoriesQuery(msgspec.Struct, frozen=True):
    category_id: int
    page: PageRequest = PageRequest()
    max_duration_minutes: int | None = None


class ListSubcategoriesResult(msgspec.Struct, frozen=True):
    category_id: int
    items: list[SubcategoryView]
    total: int = 0
    next_offset: int | None = None


class ListSubcategories:
    """Anyone may list the active subcategories of an active category, in display order.

    Raises CategoryNotFound for an unknown or inactive category (an empty list would hide a typo).
    Only found categories are cached, so unknown ids cannot flood the cache.
    """

    def __init__(self, reader: CatalogReader, cache: Cache) -> None:
        self._reader = reader
        self._cache = cache

    async def execute(self, query: ListSubcategoriesQuery) -> ListSubcategoriesResult:
        everything = await read_through(
            self._cache,
            cache_keys.subcategories(query.category_id),
            cache_keys.TTL,
            ListSubcategoriesResult,
            lambda: self._load(CategoryId(query.category_id)),
        )
        items = everything.items
        if query.max_duration_minutes is not None:
            items = [s for s in items if s.duration_minutes <= query.max_duration_minutes]
        page, total, following = paginate(items, query.page)
        return ListSubcategoriesResult(
            category_id=query.category_id, items=page, total=total, next_offset=following
        )

    async def _load(self, category_id: CategoryId) -> ListSubcategoriesResult:
        if await self._reader.get_category(category_id) is None:
            raise CategoryNotFound(category_id)
        subcategories = await self._reader.list_subcategories(category_id)
        return ListSubcategoriesResult(
            category_id=category_id, items=[SubcategoryView.of(s) for s in subcategories]
        )
