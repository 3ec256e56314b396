"""Fill an empty database with the demo marketplace."""

import msgspec

from application.catalog.commands.invalidate_catalog_cache import InvalidateCatalogCache
from application.common.errors import ApplicationError
from application.demo.ports import DemoDataSeeder, SeedReport


class DemoDataPresent(ApplicationError):
    code = "demo_data_present"

    def __init__(self) -> None:
        super().__init__("the database already holds data; reset it first to seed again")


class SeedDemoData(msgspec.Struct, frozen=True):
    seed: int = 42
    only_if_empty: bool = False


class SeedDemoDataResult(msgspec.Struct, frozen=True):
    seeded: bool
    report: SeedReport | None


class SeedDemoDataHandler:
    """Run by the system or an operator at the CLI (never over HTTP).

    Refuses to write into a database that already holds data (DemoDataPresent), unless asked to seed
    only if empty, in which case it does nothing. Drops cached catalog reads after writing.
    """

    def __init__(self, seeder: DemoDataSeeder, invalidate_cache: InvalidateCatalogCache) -> None:
        self._seeder = seeder
        self._invalidate_cache = invalidate_cache

    async def execute(self, cmd: SeedDemoData) -> SeedDemoDataResult:
        if await self._seeder.has_data():
            if cmd.only_if_empty:
                return SeedDemoDataResult(seeded=False, report=None)
            raise DemoDataPresent()
        report = await self._seeder.seed(cmd.seed)
        await self._invalidate_cache.execute()
        return SeedDemoDataResult(seeded=True, report=report)
