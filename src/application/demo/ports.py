"""Loading demo data into an empty store."""

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

    async def seed(self, seed: int) -> SeedReport:
        """Write the demo data set in one transaction, into a store that `has_data()` found empty."""
        ...
