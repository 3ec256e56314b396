"""The staff activity log over SQLAlchemy Core: appended in the caller's transaction."""

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence import tables
from adapters.persistence.errors import storage_errors
from application.staff.ports import ActivityEntry


class SqlaActivityLog:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(self, entry: ActivityEntry) -> None:
        values = {
            "staff_id": entry.staff_id,
            "action": entry.action[:80],
            "target_type": entry.target_type[:40],
            "target_id": entry.target_id[:64] if entry.target_id is not None else None,
            "before": dict(entry.before) if entry.before is not None else None,
            "after": dict(entry.after) if entry.after is not None else None,
            "ip": entry.ip[:45],
            "request_id": entry.request_id[:128],
            "succeeded": entry.succeeded,
            "created_at": entry.created_at,
        }
        async with storage_errors():
            await self._session.execute(insert(tables.staff_activity_log).values(**values))
