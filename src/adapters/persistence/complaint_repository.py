"""SQLAlchemy adapters of the complaint ports: the aggregate with its timeline and priority-queue entry,
the facts behind the priority score, and the staff who can take an escalation.

`get_for_update` locks the complaint's row (FOR UPDATE on MySQL/MariaDB) and refreshes the loaded object
from that locking read, so a second SLA monitor waiting on the lock sees the first one's escalation and
does nothing. SQLite ignores FOR UPDATE but has a single writer."""

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence import tables as t
from adapters.persistence.errors import storage_errors
from adapters.persistence.locking import hold_write_lock
from application.complaint.desk_actions import WORKS_COMPLAINTS
from application.complaint.ports import ComplaintContact, StaffMember
from domain.complaint.entities import ACTIVE_STATUSES, Complaint, ComplaintId, ComplaintStatus
from domain.customer.entities import CustomerId

_c = t.complaints.c
_q = t.priority_queue.c
_ACTIVE = sorted(s.value for s in ACTIVE_STATUSES)


def queue_due(complaint: Complaint) -> datetime:
    """The earliest pending SLA due time: first response while unanswered, else resolution."""
    if complaint.first_responded_at is None:
        return min(complaint.first_response_due_at, complaint.resolution_due_at)
    return complaint.resolution_due_at


def queue_state(complaint: Complaint) -> dict[str, object]:
    """The queue entry's status and claimant from the complaint: done once resolved or closed, otherwise
    claimed by the assignee (waiting when unassigned)."""
    claimant = complaint.assigned_staff_id
    if complaint.status not in ACTIVE_STATUSES:
        status = "done"
    else:
        status = "claimed" if claimant is not None else "waiting"
    return {"status": status, "claimed_by_staff_id": claimant}


class SqlaComplaintRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, complaint_id: ComplaintId) -> Complaint | None:
        async with storage_errors():
            return await self._session.get(Complaint, complaint_id)

    async def get_for_update(self, complaint_id: ComplaintId) -> Complaint | None:
        await hold_write_lock(self._session)
        stmt = (
            select(Complaint)
            .where(_c.id == complaint_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        async with storage_errors():
            return (await self._session.scalars(stmt)).one_or_none()

    async def get_for_customer(self, customer_id: CustomerId, complaint_id: ComplaintId) -> Complaint | None:
        stmt = select(Complaint).where(_c.id == complaint_id, _c.user_id == customer_id)
        async with storage_errors():
            return (await self._session.scalars(stmt)).one_or_none()

    async def get_for_customer_update(
        self, customer_id: CustomerId, complaint_id: ComplaintId
    ) -> Complaint | None:
        await hold_write_lock(self._session)
        stmt = (
            select(Complaint)
            .where(_c.id == complaint_id, _c.user_id == customer_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        async with storage_errors():
            return (await self._session.scalars(stmt)).one_or_none()

    async def add(self, complaint: Complaint) -> Complaint:
        async with storage_errors():
            self._session.add(complaint)
            await self._session.flush()
        return complaint

    async def save(self, complaint: Complaint) -> None:
        values = {
            "score": complaint.priority_score,
            "level": complaint.priority.value,
            "due_at": queue_due(complaint),
            **queue_state(complaint),
        }
        stmt = update(t.priority_queue).where(_q.complaint_id == complaint.id).values(**values)
        async with storage_errors():
            await self._session.flush()
            await self._session.execute(stmt)

    async def enqueue(self, complaint: Complaint, *, reason: str, now: datetime) -> None:
        if complaint.id is None:
            raise ValueError("add the complaint before queueing it")
        values = {
            "score": complaint.priority_score,
            "level": complaint.priority.value,
            "due_at": queue_due(complaint),
            "reason": reason[:200],
            **queue_state(complaint),
        }
        async with storage_errors():
            found = await self._session.scalar(
                select(_q.id).where(_q.complaint_id == complaint.id).with_for_update()
            )
            if found is None:
                await self._session.execute(
                    t.priority_queue.insert().values(
                        item_type="complaint",
                        complaint_id=complaint.id,
                        created_at=now,
                        updated_at=now,
                        **values,
                    )
                )
            else:
                await self._session.execute(
                    update(t.priority_queue).where(_q.id == found).values(updated_at=now, **values)
                )

    async def list_for_customer(
        self,
        customer_id: CustomerId,
        *,
        status: ComplaintStatus | None,
        limit: int,
        offset: int,
    ) -> tuple[Sequence[Complaint], int]:
        where = [_c.user_id == customer_id]
        if status is not None:
            where.append(_c.status == status.value)
        page = select(Complaint).where(*where).order_by(_c.created_at.desc(), _c.id.desc())
        count = select(func.count()).select_from(t.complaints).where(*where)
        async with storage_errors():
            total = int(await self._session.scalar(count) or 0)
            rows = (await self._session.scalars(page.limit(limit).offset(offset))).all()
        return rows, total

    async def count_recent(self, customer_id: CustomerId, *, since: datetime) -> int:
        stmt = select(func.count()).where(_c.user_id == customer_id, _c.created_at >= since)
        async with storage_errors():
            return int(await self._session.scalar(stmt) or 0)

    async def breached(self, now: datetime, *, limit: int) -> Sequence[ComplaintId]:
        first = and_(
            _c.first_responded_at.is_(None),
            _c.first_response_due_at <= now,
            _c.first_response_escalated_at.is_(None),
        )
        resolution = and_(_c.resolution_due_at <= now, _c.resolution_escalated_at.is_(None))
        stmt = (
            select(_c.id)
            .where(_c.status.in_(_ACTIVE), or_(first, resolution))
            .order_by(_c.first_response_due_at, _c.id)
            .limit(limit)
        )
        async with storage_errors():
            return [ComplaintId(i) for i in (await self._session.scalars(stmt)).all()]


class SqlaComplaintFacts:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def booking_value(self, customer_id: CustomerId, booking_id: int) -> Decimal | None:
        b = t.bookings.c
        stmt = select(b.total).where(b.id == booking_id, b.user_id == customer_id)
        async with storage_errors():
            value = await self._session.scalar(stmt)
        return None if value is None else Decimal(value)

    async def contact(self, customer_id: CustomerId) -> ComplaintContact | None:
        u = t.users.c
        stmt = select(u.name, u.email, u.phone).where(u.id == customer_id, u.deleted_at.is_(None))
        async with storage_errors():
            row = (await self._session.execute(stmt)).one_or_none()
        return None if row is None else ComplaintContact(name=row.name, email=row.email, phone=row.phone)


class SqlaEscalationStaff:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def level_of(self, staff_id: int) -> int | None:
        s, r = t.staff.c, t.roles.c
        stmt = select(r.level).select_from(t.staff.join(t.roles, r.id == s.role_id)).where(s.id == staff_id)
        async with storage_errors():
            level = await self._session.scalar(stmt)
        return None if level is None else int(level)

    async def base_level(self) -> int:
        r, rp = t.roles.c, t.role_permissions.c
        stmt = (
            select(func.min(r.level))
            .select_from(t.roles.join(t.role_permissions, rp.role_id == r.id))
            .where(rp.permission_code == WORKS_COMPLAINTS)
        )
        async with storage_errors():
            level = await self._session.scalar(stmt)
        return 0 if level is None else int(level)

    async def pick_above(self, level: int) -> StaffMember | None:
        s, r, rp = t.staff.c, t.roles.c, t.role_permissions.c
        workload = (
            select(func.count())
            .where(_c.assigned_staff_id == s.id, _c.status.in_(_ACTIVE))
            .correlate(t.staff)
            .scalar_subquery()
        )
        stmt = (
            select(s.id, s.name, s.email, r.level)
            .select_from(
                t.staff.join(t.roles, r.id == s.role_id).join(t.role_permissions, rp.role_id == r.id)
            )
            .where(s.status == "active", r.level > level, rp.permission_code == WORKS_COMPLAINTS)
            .order_by(r.level, workload, s.id)
            .limit(1)
        )
        async with storage_errors():
            row = (await self._session.execute(stmt)).one_or_none()
        return (
            None
            if row is None
            else StaffMember(id=row.id, name=row.name, email=row.email, level=int(row.level))
        )
