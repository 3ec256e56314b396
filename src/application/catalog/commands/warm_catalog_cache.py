"""Fill the cache with the catalog's browse pages, so the first customers after a deploy or a catalog
change do not pay for the database round trips."""

import msgspec

from application.catalog.queries.list_categories import ListCategories
from application.catalog.queries.list_subcategories import ListSubcategories, ListSubcategoriesQuery


class WarmCatalogCacheResult(msgspec.Struct, frozen=True):
    categories: int
    subcategories: int


class WarmCatalogCache:
    """Run by the system (worker job, or after seeding); reads only, so safe to repeat."""

    def __init__(self, list_categories: ListCategories, list_subcategories: ListSubcategories) -> None:
        self._list_categories = list_categories
        self._list_subcategories = list_subcategories

    async def execute(self) -> WarmCatalogCacheResult:
        categories = (await self._list_categories.execute()).items
        subcategories = 0
        for category in categories:
            page = await self._list_subcategories.execute(ListSubcategoriesQuery(category_id=category.id))
            subcategories += len(page.items)
        return WarmCatalogCacheResult(categories=len(categories), subcategories=subcategories)
