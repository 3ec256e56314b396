"""The ops console's reads of staff, permissions and the activity log (SQLite and MySQL/MariaDB)."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence import tables
from adapters.persistence.errors import storage_errors
from application.staff.ports import ActivityEntry, ActivityFilter, StaffFilter
from domain.staff.entities import Permission, Staff

_s = tables.staff.c
_r = tables.roles.c
_p = tables.permissions.c
_a = tables.staff_activity_log
_ac = _a.c


def _entry(row: Any) -> ActivityEntry:
    return ActivityEntry(
        id=row.id,
        staff_id=row.staff_id,
        action=row.action,
        target_type=row.target_type,
        target_id=row.target_id,
        before=row.before,
        after=row.after,
        ip=row.ip,
        request_id=row.request_id,
        succeeded=bool(row.succeeded),
        created_at=row.created_at,
    )


class SqlaStaffDirectory:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def list_staff(self, criteria: StaffFilter) -> tuple[Sequence[Staff], int]:
        joined = tables.staff.join(tables.roles, _r.id == _s.role_id)
        where = []
        if criteria.status is not None:
            where.append(_s.status == criteria.status)
        if criteria.role is not None:
            where.append(_r.code == criteria.role)
        page = (
            select(Staff)
            .select_from(joined)
            .where(*where)
            .order_by(_s.id)
            .limit(criteria.limit)
            .offset(criteria.offset)
        )
        count = select(func.count()).select_from(joined).where(*where)
        async with storage_errors():
            members = (await self._session.scalars(page)).all()
            total = (await self._session.execute(count)).scalar_one()
        return members, int(total)

    async def permissions(self) -> Sequence[Permission]:
        async with storage_errors():
            return (await self._session.scalars(select(Permission).order_by(_p.module, _p.code))).all()

    async def activity(self, criteria: ActivityFilter) -> tuple[Sequence[ActivityEntry], int]:
        where = []
        if criteria.staff_id is not None:
            where.append(_ac.staff_id == criteria.staff_id)
        if criteria.action is not None:
            where.append(_ac.action == criteria.action)
        if criteria.target_type is not None:
            where.append(_ac.target_type == criteria.target_type)
        if criteria.target_id is not None:
            where.append(_ac.target_id == criteria.target_id)
        page = (
            select(_a)
            .where(*where)
            .order_by(_ac.created_at.desc(), _ac.id.desc())
            .limit(criteria.limit)
            .offset(criteria.offset)
        )
        count = select(func.count()).select_from(_a).where(*where)
        async with storage_errors():
            rows = (await self._session.execute(page)).all()
            total = (await self._session.execute(count)).scalar_one()
        return [_entry(row) for row in rows], int(total)
