"""Drop every cached catalog read after the catalog changed."""

from application.catalog import cache_keys
from application.common.ports import Cache


class InvalidateCatalogCache:
    """Run by the system after any catalog write (seeding, ops edits); the next reads go to the database."""

    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    async def execute(self) -> int:
        return await self._cache.delete_prefix(cache_keys.PREFIX)
