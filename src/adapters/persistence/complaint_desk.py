"""SQLAlchemy adapter of the ops desk's read port: complaints by filter, one complaint in full, the queue."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, not_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence import tables as t
from adapters.persistence.errors import storage_errors
from application.complaint.desk_ports import (
    BookingBrief,
    CustomerContact,
    DeskDetail,
    DeskFilter,
    DeskRow,
    QueueFilter,
    QueueRow,
    SlaState,
    at_risk_horizons,
)
from domain.complaint.entities import ACTIVE_STATUSES, Complaint, Priority

_c, _u, _s, _q = t.complaints.c, t.users.c, t.staff.c, t.priority_queue.c
TITLE_LENGTH = 120


def _due_by(first_response: Any, resolution: Any) -> ColumnElement[bool]:
    """A pending clock is due by then: the first response (while unanswered) or the resolution."""
    return or_(
        and_(_c.first_responded_at.is_(None), _c.first_response_due_at <= first_response),
        _c.resolution_due_at <= resolution,
    )


def _at_risk(now: datetime) -> ColumnElement[bool]:
    """Less than the at-risk share of a pending clock's window is left (strictly, as Complaint.sla_state)."""
    return or_(
        *(
            and_(
                _c.priority == level,
                or_(
                    and_(_c.first_responded_at.is_(None), _c.first_response_due_at < now + first),
                    _c.resolution_due_at < now + resolution,
                ),
            )
            for level, (first, resolution) in at_risk_horizons().items()
        )
    )


def _criteria(f: DeskFilter) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if f.status is not None:
        found.append(_c.status == f.status)
    if f.type is not None:
        found.append(_c.type == f.type)
    if f.priority is not None:
        found.append(_c.priority == f.priority)
    if f.unassigned:
        found.append(_c.assigned_staff_id.is_(None))
    elif f.assignee is not None:
        found.append(_c.assigned_staff_id == f.assignee)
    if f.created_from is not None:
        found.append(_c.created_at >= f.created_from)
    if f.created_before is not None:
        found.append(_c.created_at < f.created_before)
    active = _c.status.in_(ACTIVE_STATUSES)
    if f.sla is SlaState.BREACHED:
        found += [active, _due_by(f.now, f.now)]
    elif f.sla is SlaState.AT_RISK:
        found += [active, not_(_due_by(f.now, f.now)), _at_risk(f.now)]
    return found


class SqlaComplaintDesk:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def search(self, criteria: DeskFilter) -> tuple[Sequence[DeskRow], int]:
        where = _criteria(criteria)
        joined = t.complaints.join(t.users, _u.id == _c.user_id).outerjoin(
            t.staff, _s.id == _c.assigned_staff_id
        )
        page = (
            select(
                _c.id,
                _c.user_id,
                _u.name,
                _c.booking_id,
                _c.type,
                _c.subject,
                _c.priority,
                _c.priority_score,
                _c.status,
                _c.assigned_staff_id,
                _s.name.label("assignee_name"),
                _c.first_response_due_at,
                _c.resolution_due_at,
                _c.first_responded_at,
                _c.resolved_at,
                _c.escalation_level,
                _c.created_at,
            )
            .select_from(joined)
            .where(*where)
            .order_by(_c.created_at.desc(), _c.id.desc())
            .limit(criteria.limit)
            .offset(criteria.offset)
        )
        count = select(func.count()).select_from(t.complaints).where(*where)
        async with storage_errors():
            total = (await self._session.execute(count)).scalar_one()
            rows = (await self._session.execute(page)).all()
        return [DeskRow(*row) for row in rows], int(total)  # type: ignore[call-arg]

    async def detail(self, complaint_id: int) -> DeskDetail | None:
        async with storage_errors():
            complaint = (
                await self._session.scalars(select(Complaint).where(_c.id == complaint_id))
            ).one_or_none()
            if complaint is None:
                return None
            customer = (
                await self._session.execute(
                    select(_u.id, _u.name, _u.email, _u.phone).where(_u.id == complaint.customer_id)
                )
            ).one()
            booking = await self._booking(complaint.booking_id)
            staff_ids = {u.author_staff_id for u in complaint.updates if u.author_staff_id}
            if complaint.assigned_staff_id:
                staff_ids.add(complaint.assigned_staff_id)
            names = await self._staff_names(staff_ids)
        return DeskDetail(
            complaint=complaint,
            customer=CustomerContact(*customer),
            booking=booking,
            staff_names=names,
        )

    async def _booking(self, booking_id: int | None) -> BookingBrief | None:
        if booking_id is None:
            return None
        b, p = t.bookings.c, t.providers.c
        stmt = (
            select(
                b.id,
                b.reference,
                b.status,
                b.slot_start,
                b.slot_end,
                b.total,
                b.currency,
                b.provider_id,
                p.name,
            )
            .select_from(t.bookings.outerjoin(t.providers, p.id == b.provider_id))
            .where(b.id == booking_id)
        )
        row = (await self._session.execute(stmt)).one_or_none()
        if row is None:
            return None
        values = list(row)
        values[2] = str(getattr(values[2], "value", values[2]))
        return BookingBrief(*values)

    async def _staff_names(self, ids: set[int]) -> dict[int, str]:
        if not ids:
            return {}
        rows = await self._session.execute(select(_s.id, _s.name).where(_s.id.in_(ids)))
        return {int(i): str(n) for i, n in rows.all()}

    async def queue(self, criteria: QueueFilter) -> tuple[Sequence[QueueRow], int]:
        m = t.messages.c
        where: list[ColumnElement[bool]] = [_q.status.in_(criteria.statuses)]
        if criteria.item_type is not None:
            where.append(_q.item_type == criteria.item_type)
        if criteria.level is not None:
            where.append(_q.level == criteria.level.value)
        joined = (
            t.priority_queue.outerjoin(t.complaints, _c.id == _q.complaint_id)
            .outerjoin(t.messages, m.id == _q.message_id)
            .outerjoin(t.staff, _s.id == _q.claimed_by_staff_id)
        )
        page = (
            select(
                _q.id,
                _q.item_type,
                _q.complaint_id,
                _q.message_id,
                _q.score,
                _q.level,
                _q.due_at,
                _q.status,
                _q.claimed_by_staff_id,
                _s.name,
                _q.reason,
                func.coalesce(_c.subject, func.substr(m.text, 1, TITLE_LENGTH), ""),
                _q.created_at,
            )
            .select_from(joined)
            .where(*where)
            .order_by(_q.score.desc(), _q.due_at, _q.id)
            .limit(criteria.limit)
            .offset(criteria.offset)
        )
        count = select(func.count()).select_from(t.priority_queue).where(*where)
        async with storage_errors():
            total = (await self._session.execute(count)).scalar_one()
            rows = (await self._session.execute(page)).all()
        return [
            QueueRow(
                id=r[0],
                item_type=r[1],
                complaint_id=r[2],
                message_id=r[3],
                score=r[4],
                level=Priority(r[5]),
                due_at=r[6],
                status=r[7],
                claimed_by_staff_id=r[8],
                claimed_by_name=r[9],
                reason=r[10],
                title=str(r[11]),
                created_at=r[12],
            )
            for r in rows
        ], int(total)


class SqlaDeskQueue:
    """The desk's changes to priority-queue entries, in the caller's transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def claim(self, complaint_id: int, staff_id: int, *, now: datetime) -> None:
        stmt = (
            update(t.priority_queue)
            .where(_q.complaint_id == complaint_id, _q.status.in_(("waiting", "claimed")))
            .values(status="claimed", claimed_by_staff_id=staff_id, updated_at=now)
        )
        async with storage_errors():
            await self._session.execute(stmt)
