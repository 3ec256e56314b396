"""Use-case handlers: built per request (or job, or CLI command) from ports only."""

from collections.abc import Sequence

from dishka import Provider, Scope, provide, provide_all

from application.catalog.commands.invalidate_catalog_cache import InvalidateCatalogCache
from application.catalog.commands.warm_catalog_cache import WarmCatalogCache
from application.catalog.queries.list_categories import ListCategories
from application.catalog.queries.list_rate_cards import ListRateCards
from application.catalog.queries.list_subcategories import ListSubcategories
from application.common.ports import DependencyProbe
from application.demo.commands.seed_demo_data import SeedDemoDataHandler
from application.health.queries.cache_stats import GetCacheStats
from application.health.queries.check_readiness import CheckReadiness


class UseCaseProvider(Provider):
    scope = Scope.REQUEST

    handlers = provide_all(
        ListCategories,
        ListSubcategories,
        ListRateCards,
        WarmCatalogCache,
        InvalidateCatalogCache,
        SeedDemoDataHandler,
        GetCacheStats,
    )

    @provide(scope=Scope.APP)
    def readiness(self, probes: Sequence[DependencyProbe]) -> CheckReadiness:
        return CheckReadiness(probes, timeout_seconds=2.0)
