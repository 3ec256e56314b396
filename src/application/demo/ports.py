"""Loading demo data into an empty store."""

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

import msgspec


class SeedReport(msgspec.Struct, frozen=True):
    """How many rows of each kind were written, by table name."""

    seed: int
    counts: dict[str, int]


class DemoDataSeeder(Protocol):
    """Writes a deterministic demo data set: the same `seed` always gives the same rows.

    Raises StorageUnavailable when the store cannot be reached.
    """

    async def has_data(self) -> bool:
        """Whether the catalog already holds rows (seeding then would collide)."""
        ...

    async def seed(
        self, seed: int, *, now: datetime, scale: int = 1, progress: Callable[[int, int], None] | None = None
    ) -> SeedReport:
        """Write the demo data set into a store that `has_data()` found empty.

        Times are laid out around `now` (bookings in the past and the next two weeks). `scale` multiplies
        the people, bookings, complaints and conversations (the catalog stays); `progress(done, total)`
        is called as blocks are written.
        """
        ...
