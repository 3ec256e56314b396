"""SQLAlchemy adapter of the complaint analytics port: every figure is an aggregate query, portable to
SQLite and MySQL/MariaDB (two small compiled constructs cover the date arithmetic the dialects spell
differently)."""

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from adapters.persistence import tables as t
from adapters.persistence.errors import storage_errors
from application.complaint.desk_ports import (
    AnalyticsWindow,
    ComplaintFigures,
    Duration,
    SlaCounts,
    WorkloadRow,
)
from domain.complaint.entities import ACTIVE_STATUSES, ComplaintStatus

_c, _s = t.complaints.c, t.staff.c
IST_OFFSET_MINUTES = 330


class seconds_between(FunctionElement[int]):  # noqa: N801 - reads like the SQL function it stands for
    """Whole seconds from the first datetime to the second."""

    type = Integer()
    inherit_cache = True


@compiles(seconds_between)
def _seconds_sqlite(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"(CAST(strftime('%s', {end}) AS INTEGER) - CAST(strftime('%s', {start}) AS INTEGER))"


@compiles(seconds_between, "mysql")
@compiles(seconds_between, "mariadb")
def _seconds_mysql(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"TIMESTAMPDIFF(SECOND, {start}, {end})"


class ist_day(FunctionElement[str]):  # noqa: N801
    """The India (UTC+05:30) calendar day of a UTC datetime."""

    inherit_cache = True


@compiles(ist_day)
def _day_sqlite(element: ist_day, compiler: SQLCompiler, **kw: Any) -> str:
    (value,) = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"date({value}, '+{IST_OFFSET_MINUTES} minutes')"


@compiles(ist_day, "mysql")
@compiles(ist_day, "mariadb")
def _day_mysql(element: ist_day, compiler: SQLCompiler, **kw: Any) -> str:
    (value,) = (compiler.process(arg, **kw) for arg in element.clauses)
    return f"DATE(DATE_ADD({value}, INTERVAL {IST_OFFSET_MINUTES} MINUTE))"


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


class SqlaComplaintAnalytics:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def figures(self, window: AnalyticsWindow) -> ComplaintFigures:
        in_window = and_(_c.created_at >= window.created_from, _c.created_at < window.created_before)
        async with storage_errors():
            by_status = await self._grouped(_c.status, in_window)
            by_type = await self._grouped(_c.type, in_window)
            by_priority = await self._grouped(_c.priority, in_window)
            sla = await self._sla(in_window, window.now)
            workload = await self._workload(window.now)
            opened = await self._by_day(_c.created_at, in_window)
            resolved = await self._by_day(
                _c.resolved_at,
                and_(_c.resolved_at >= window.created_from, _c.resolved_at < window.created_before),
            )
        return ComplaintFigures(
            by_status=by_status,
            by_type=by_type,
            by_priority=by_priority,
            first_response=SlaCounts(sla[0], sla[1]),
            resolution=SlaCounts(sla[2], sla[3]),
            time_to_first_response=Duration(sla[4], sla[5]),
            time_to_resolution=Duration(sla[6], sla[7]),
            workload=workload,
            opened_by_day=opened,
            resolved_by_day=resolved,
        )

    async def _grouped(self, column: Any, where: ColumnElement[bool]) -> dict[str, int]:
        rows = await self._session.execute(select(column, func.count()).where(where).group_by(column))
        return {str(getattr(key, "value", key)): int(n) for key, n in rows.all()}

    async def _sla(self, where: ColumnElement[bool], now: datetime) -> list[int]:
        responded = func.coalesce(_c.first_responded_at, _c.resolved_at)
        stmt = select(
            _count_if(and_(responded.is_not(None), responded <= _c.first_response_due_at)),
            _count_if(
                or_(
                    and_(responded.is_not(None), responded > _c.first_response_due_at),
                    and_(responded.is_(None), _c.first_response_due_at <= now),
                )
            ),
            _count_if(and_(_c.resolved_at.is_not(None), _c.resolved_at <= _c.resolution_due_at)),
            _count_if(
                or_(
                    and_(_c.resolved_at.is_not(None), _c.resolved_at > _c.resolution_due_at),
                    and_(_c.resolved_at.is_(None), _c.resolution_due_at <= now),
                )
            ),
            func.coalesce(func.sum(seconds_between(_c.created_at, responded)), 0),
            func.count(responded),
            func.coalesce(func.sum(seconds_between(_c.created_at, _c.resolved_at)), 0),
            func.count(_c.resolved_at),
        ).where(where)
        row = (await self._session.execute(stmt)).one()
        return [int(v) for v in row]

    async def _workload(self, now: datetime) -> list[WorkloadRow]:
        overdue = or_(
            and_(_c.first_responded_at.is_(None), _c.first_response_due_at <= now),
            _c.resolution_due_at <= now,
        )
        stmt = (
            select(
                _c.assigned_staff_id,
                _s.name,
                _count_if(_c.status == ComplaintStatus.OPEN),
                _count_if(_c.status == ComplaintStatus.IN_PROGRESS),
                _count_if(_c.status == ComplaintStatus.ESCALATED),
                _count_if(overdue),
            )
            .select_from(t.complaints.outerjoin(t.staff, _s.id == _c.assigned_staff_id))
            .where(_c.status.in_(ACTIVE_STATUSES))
            .group_by(_c.assigned_staff_id, _s.name)
        )
        rows = (await self._session.execute(stmt)).all()
        return [
            WorkloadRow(
                staff_id=None if sid is None else int(sid),
                name=str(name) if sid is not None else "unassigned",
                open=int(o),
                in_progress=int(p),
                escalated=int(e),
                overdue=int(late),
            )
            for sid, name, o, p, e, late in rows
        ]

    async def _by_day(self, column: Any, where: ColumnElement[bool]) -> Mapping[date, int]:
        day = ist_day(column)
        rows = await self._session.execute(select(day, func.count()).where(where).group_by(day))
        return {_day(d): int(n) for d, n in rows.all()}
