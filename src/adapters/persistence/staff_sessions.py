"""Staff sessions over SQLAlchemy Core: plain rows, written in the caller's transaction."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence import tables
from adapters.persistence.errors import storage_errors
from domain.staff.entities import StaffId
from domain.staff.session import StaffSession

_t = tables.staff_sessions
_c = _t.c


def _session(row: Any) -> StaffSession:
    return StaffSession(
        id=row.id,
        staff_id=StaffId(row.staff_id),
        created_at=row.created_at,
        expires_at=row.expires_at,
        ip=row.ip,
        user_agent=row.user_agent,
        last_seen_at=row.last_seen_at,
        revoked_at=row.revoked_at,
        revoked_by_id=StaffId(row.revoked_by_id) if row.revoked_by_id is not None else None,
    )


class SqlaStaffSessions:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def _rows(self, stmt: Any) -> list[StaffSession]:
        async with storage_errors():
            return [_session(row) for row in await self._session.execute(stmt)]

    async def add(self, session: StaffSession) -> None:
        values = {
            "id": session.id,
            "staff_id": session.staff_id,
            "created_at": session.created_at,
            "expires_at": session.expires_at,
            "last_seen_at": session.last_seen_at,
            "revoked_at": session.revoked_at,
            "revoked_by_id": session.revoked_by_id,
            "ip": session.ip,
            "user_agent": session.user_agent,
        }
        async with storage_errors():
            await self._session.execute(insert(_t).values(**values))

    async def get(self, session_id: str) -> StaffSession | None:
        rows = await self._rows(select(_t).where(_c.id == session_id))
        return rows[0] if rows else None

    async def of_staff(self, staff_id: StaffId, *, limit: int = 50) -> Sequence[StaffSession]:
        stmt = select(_t).where(_c.staff_id == staff_id).order_by(_c.created_at.desc(), _c.id).limit(limit)
        return await self._rows(stmt)

    async def live_of(self, staff_id: StaffId, *, now: datetime) -> Sequence[StaffSession]:
        stmt = select(_t).where(_c.staff_id == staff_id, _c.revoked_at.is_(None), _c.expires_at > now)
        return await self._rows(stmt)

    async def save(self, session: StaffSession) -> None:
        stmt = (
            update(_t)
            .where(_c.id == session.id)
            .values(
                revoked_at=session.revoked_at,
                revoked_by_id=session.revoked_by_id,
                last_seen_at=session.last_seen_at,
            )
        )
        async with storage_errors():
            await self._session.execute(stmt)
