"""Ports shared by every context: cache, job queue, clock, dependency probes."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

JobArg = str | int | float | bool | None


class Clock(Protocol):
    """Source of the current time. Always timezone-aware UTC."""

    def now(self) -> datetime: ...


@dataclass(frozen=True, slots=True)
class CacheStats:
    """Reads this process made since it started: hits, and misses (including reads during an outage)."""

    hits: int
    misses: int

    @property
    def hit_rate(self) -> float:
        total = self.hits + self.misses
        return self.hits / total if total else 0.0


class Cache(Protocol):
    """A shared key-value cache of bytes with expiry.

    Semantics: a miss and an unreachable cache both return None from `get`; writes to an unreachable
    cache are dropped. The cache is an optimisation and never the source of truth, so its failures
    never fail a read.
    """

    async def get(self, key: str) -> bytes | None: ...

    async def set(self, key: str, value: bytes, *, ttl: timedelta) -> None: ...

    async def delete_prefix(self, prefix: str) -> int:
        """Drop every key starting with `prefix`; returns how many were dropped."""
        ...

    def stats(self) -> CacheStats: ...


class JobQueue(Protocol):
    """Runs named background jobs after the caller returns.

    Arguments must be primitives (ids, not objects). With a `job_id`, enqueueing is idempotent: a job
    with the same id that is queued or running is not enqueued again, and False is returned.
    Raises DependencyUnavailable when the queue cannot be reached.
    """

    async def enqueue(
        self,
        job: str,
        *,
        job_id: str | None = None,
        defer_by: timedelta | None = None,
        kwargs: Mapping[str, JobArg] | None = None,
    ) -> bool: ...


class DependencyProbe(Protocol):
    """Checks that one external dependency answers. `name` is what readiness reports."""

    name: str

    async def check(self) -> None:
        """Return when the dependency answers; raise DependencyUnavailable otherwise."""
        ...


class SchemaMigrator(Protocol):
    """Moves the database schema between revisions. Raises DependencyUnavailable when the database is down."""

    def heads(self) -> list[str]:
        """The revisions the code expects (the head of the migration history)."""
        ...

    async def current(self) -> list[str]:
        """The revisions the database is at; empty when it was never migrated."""
        ...

    async def upgrade(self, revision: str = "head") -> None: ...

    async def downgrade(self, revision: str) -> None: ...


class UnitOfWork(Protocol):
    """The transaction of one use case. Handlers call `commit()` explicitly; nothing commits on scope exit."""

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...
