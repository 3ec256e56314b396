"""Fill an empty database with the demo marketplace."""

from collections.abc import Callable
from datetime import UTC, date, datetime, time

import msgspec

from application.catalog.commands.invalidate_catalog_cache import InvalidateCatalogCache
from application.common.errors import ApplicationError, InvalidInput
from application.common.ports import Clock
from application.demo.ports import DemoDataSeeder, SeedReport

# Demo times are laid out around noon IST of the anchor day, so the same seed and day give the same rows.
ANCHOR_TIME_UTC = time(6, 30, tzinfo=UTC)
MAX_SCALE = 10_000


class DemoDataPresent(ApplicationError):
    code = "demo_data_present"

    def __init__(self) -> None:
        super().__init__("the database already holds data; reset it first to seed again")


class SeedDemoData(msgspec.Struct, frozen=True):
    seed: int = 42
    scale: int = 1
    anchor: date | None = None
    only_if_empty: bool = False


class SeedDemoDataResult(msgspec.Struct, frozen=True):
    seeded: bool
    report: SeedReport | None


class SeedDemoDataHandler:
    """Run by the system or an operator at the CLI (never over HTTP).

    Refuses to write into a database that already holds data (DemoDataPresent), unless asked to seed
    only if empty, in which case it does nothing. The same seed, scale and anchor day always write the same
    rows. Drops cached catalog reads after writing.
    """

    def __init__(
        self, seeder: DemoDataSeeder, invalidate_cache: InvalidateCatalogCache, clock: Clock
    ) -> None:
        self._seeder = seeder
        self._invalidate_cache = invalidate_cache
        self._clock = clock

    async def execute(
        self, cmd: SeedDemoData, progress: Callable[[int, int], None] | None = None
    ) -> SeedDemoDataResult:
        if not 1 <= cmd.scale <= MAX_SCALE:
            raise InvalidInput("scale", f"scale must be between 1 and {MAX_SCALE}")
        if await self._seeder.has_data():
            if cmd.only_if_empty:
                return SeedDemoDataResult(seeded=False, report=None)
            raise DemoDataPresent()
        day = cmd.anchor or self._clock.now().date()
        now = datetime.combine(day, ANCHOR_TIME_UTC)
        report = await self._seeder.seed(cmd.seed, now=now, scale=cmd.scale, progress=progress)
        await self._invalidate_cache.execute()
        return SeedDemoDataResult(seeded=True, report=report)
