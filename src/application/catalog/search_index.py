"""The catalog as search sees it, and the matcher built over it once per catalog version."""

import hashlib

import msgspec

from application.catalog.ports import CatalogReader, SearchableService, ServiceMatcher, ServiceMatcherFactory


class SearchCatalog(msgspec.Struct, frozen=True):
    """Every active subcategory with its words, in browsing order; `version` changes with any of them."""

    version: str
    services: list[SearchableService]

    @classmethod
    def of(cls, services: list[SearchableService]) -> "SearchCatalog":
        digest = hashlib.sha256(msgspec.msgpack.encode(services)).hexdigest()[:16]
        return cls(version=digest, services=services)


async def load_search_catalog(reader: CatalogReader) -> SearchCatalog:
    """Read the active catalog (one query for categories, one per category)."""
    services: list[SearchableService] = []
    for category in await reader.list_categories():
        for sub in await reader.list_subcategories(category.id):
            services.append(
                SearchableService(
                    subcategory_id=sub.id,
                    slug=sub.slug,
                    name=sub.name,
                    keywords=tuple(sub.keywords),
                    category_id=category.id,
                    category_slug=category.slug,
                    category_name=category.name,
                    rank=len(services),
                )
            )
    return SearchCatalog.of(services)


class ServiceMatcherIndex:
    """One per process: hands out the matcher of the current catalog version, building it only when the
    version changes (after a catalog edit), so a search never pays for building the index."""

    def __init__(self, factory: ServiceMatcherFactory) -> None:
        self._factory = factory
        self._current: tuple[str, ServiceMatcher] | None = None
        self.builds = 0

    def matcher_for(self, catalog: SearchCatalog) -> ServiceMatcher:
        current = self._current
        if current is None or current[0] != catalog.version:
            current = (catalog.version, self._factory.build(catalog.services))
            self._current = current
            self.builds += 1
        return current[1]
