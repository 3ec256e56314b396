"""The offline vector index: vectors in SQL (table vector_records), searched exactly in memory.

Each process keeps a numpy copy of every namespace it has queried. Every write bumps the namespace's row in
vector_namespaces in the same transaction, and every query first reads that version (one primary-key
lookup), so a process sees the writes of the others on its next query.
"""

import asyncio
import json
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import UTC, datetime

import numpy as np
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.ai.vector_snapshot import NamespaceSnapshot
from adapters.ai.vector_validation import checked_namespace, checked_records
from adapters.persistence.errors import storage_errors
from adapters.persistence.tables.vectors import vector_namespaces, vector_records
from application.ai.ports import AIServiceError, MetadataValue, VectorMatch, VectorRecord
from application.common.errors import StorageUnavailable

_ID_CHUNK = 500
_OFF_LOOP_CELLS = 2_000_000  # matrix cells above which scoring runs in a worker thread
_WRITE_ATTEMPTS = 4
_DEADLOCK = 1213  # MySQL/MariaDB ER_LOCK_DEADLOCK: the transaction was rolled back, safe to run again
_OFF_LOOP_ROWS = 2_000  # rows above which decoding a loaded namespace runs in a worker thread


class SqlaVectorIndex:
    """VectorIndex over the application database (SQLite or MySQL); exact cosine search."""

    def __init__(
        self, engine: AsyncEngine, *, now: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        self._engine = engine
        self._now = now
        self._snapshots: dict[str, NamespaceSnapshot] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    @property
    def location(self) -> str:
        return "local"

    async def upsert(self, records: Sequence[VectorRecord], *, namespace: str) -> None:
        checked = checked_records(records, namespace)
        if not checked:
            return
        dim = len(checked[0].values)
        rows = [
            {
                "namespace": namespace,
                "record_id": record.id,
                "dim": dim,
                "vector": np.asarray(record.values, dtype="<f4").tobytes(),
                "metadata_json": json.dumps(dict(record.metadata), ensure_ascii=False, sort_keys=True),
                "updated_at": self._now(),
            }
            for record in checked
        ]

        async def write(conn: AsyncConnection) -> None:
            stored = await conn.scalar(
                select(vector_records.c.dim).where(vector_records.c.namespace == namespace).limit(1)
            )
            if stored is not None and stored != dim:
                raise AIServiceError(
                    "vector index", f"vectors have {dim} dimensions, namespace holds {stored}"
                )
            await self._delete_ids(conn, namespace, [record.id for record in checked])
            await conn.execute(insert(vector_records), rows)

        await self._write(namespace, write)

    async def delete(self, ids: Sequence[str], *, namespace: str) -> None:
        checked_namespace(namespace)
        if not ids:
            return

        async def write(conn: AsyncConnection) -> None:
            await self._delete_ids(conn, namespace, list(dict.fromkeys(ids)))

        await self._write(namespace, write)

    async def count(self, *, namespace: str) -> int:
        checked_namespace(namespace)
        async with storage_errors(), self._engine.connect() as conn:
            total = await conn.scalar(
                select(func.count())
                .select_from(vector_records)
                .where(vector_records.c.namespace == namespace)
            )
        return int(total or 0)

    async def query(
        self,
        vector: Sequence[float],
        *,
        top_k: int,
        namespace: str,
        where: Mapping[str, MetadataValue] | None = None,
    ) -> list[VectorMatch]:
        snapshot = await self._snapshot(checked_namespace(namespace))
        if snapshot is None:
            return []
        if snapshot.cells < _OFF_LOOP_CELLS:
            return snapshot.search(vector, top_k, where)
        return await asyncio.to_thread(snapshot.search, vector, top_k, where)

    async def _snapshot(self, namespace: str) -> NamespaceSnapshot | None:
        async with storage_errors(), self._engine.connect() as conn:
            version = await self._version(conn, namespace)
        cached = self._snapshots.get(namespace)
        if version == 0:
            return None
        if cached is not None and cached.version == version:
            return cached
        async with self._locks.setdefault(namespace, asyncio.Lock()):
            cached = self._snapshots.get(namespace)
            if cached is not None and cached.version >= version:
                return cached
            async with storage_errors(), self._engine.connect() as conn:
                fresh = await self._load(conn, namespace)
            self._snapshots[namespace] = fresh
            return fresh

    async def _load(self, conn: AsyncConnection, namespace: str) -> NamespaceSnapshot:
        """Version and rows read in one transaction, so the copy is consistent with its version."""
        version = await self._version(conn, namespace)
        result = await conn.execute(
            select(vector_records.c.record_id, vector_records.c.vector, vector_records.c.metadata_json)
            .where(vector_records.c.namespace == namespace)
            .order_by(vector_records.c.record_id)
        )
        rows = [(row.record_id, bytes(row.vector), row.metadata_json) for row in result]

        def build() -> NamespaceSnapshot:
            return NamespaceSnapshot.build(
                version,
                [row[0] for row in rows],
                [row[1] for row in rows],
                [json.loads(row[2]) for row in rows],
            )

        return build() if len(rows) < _OFF_LOOP_ROWS else await asyncio.to_thread(build)

    @staticmethod
    async def _version(conn: AsyncConnection, namespace: str) -> int:
        found = await conn.scalar(
            select(vector_namespaces.c.version).where(vector_namespaces.c.namespace == namespace)
        )
        return int(found or 0)

    async def _write(self, namespace: str, work: Callable[[AsyncConnection], Awaitable[None]]) -> None:
        """Bump the namespace version, then run `work`, in one transaction. Bumping first takes the namespace
        row's lock, so concurrent writers of one namespace queue instead of deadlocking on record rows; a
        deadlock or a clash creating the namespace row is retried."""
        for attempt in range(1, _WRITE_ATTEMPTS + 1):
            try:
                async with storage_errors(), self._engine.begin() as conn:
                    bumped = await conn.execute(
                        update(vector_namespaces)
                        .where(vector_namespaces.c.namespace == namespace)
                        .values(version=vector_namespaces.c.version + 1)
                    )
                    if bumped.rowcount == 0:
                        await conn.execute(insert(vector_namespaces).values(namespace=namespace, version=1))
                    await work(conn)
                break
            except (IntegrityError, StorageUnavailable) as exc:
                if attempt == _WRITE_ATTEMPTS or not _worth_retrying(exc):
                    raise
        self._snapshots.pop(namespace, None)

    @staticmethod
    async def _delete_ids(conn: AsyncConnection, namespace: str, ids: list[str]) -> None:
        for start in range(0, len(ids), _ID_CHUNK):
            await conn.execute(
                delete(vector_records).where(
                    vector_records.c.namespace == namespace,
                    vector_records.c.record_id.in_(ids[start : start + _ID_CHUNK]),
                )
            )


def _worth_retrying(exc: Exception) -> bool:
    if isinstance(exc, IntegrityError):
        return True
    args: tuple[object, ...] = getattr(getattr(exc.__cause__, "orig", None), "args", ())
    return len(args) > 0 and args[0] == _DEADLOCK
