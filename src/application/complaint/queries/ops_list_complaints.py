"""Ops list any customer's complaints, filtered and paged."""

from datetime import date, datetime

import msgspec

from application.common.errors import InvalidInput
from application.common.ports import Clock
from application.complaint.desk_ports import ComplaintDesk, DeskFilter, DeskRow, SlaState
from application.complaint.desk_rules import (
    check_page,
    day_range,
    enum_value,
    next_offset,
    sla_breached,
)
from application.complaint.desk_views import DeskComplaintPage, DeskComplaintView
from application.staff.access import Operator, actor_id, require
from application.staff.audit import Audit, Origin
from domain.complaint.entities import ComplaintStatus, ComplaintType, Priority


class ListDeskComplaintsQuery(msgspec.Struct, frozen=True):
    status: str | None = None
    type: str | None = None
    priority: str | None = None
    assignee: str | None = None  # a staff id, "me" or "none" (unassigned)
    sla: str | None = None  # "breached" or "at_risk"
    date_from: date | None = None  # India days of creation, both inclusive
    date_to: date | None = None
    limit: int = 20
    offset: int = 0
    origin: Origin = Origin()


def row_view(row: DeskRow, now: datetime) -> DeskComplaintView:
    breached = sla_breached(
        row.status,
        first_response_due_at=row.first_response_due_at,
        resolution_due_at=row.resolution_due_at,
        first_responded_at=row.first_responded_at,
        now=now,
    )
    return DeskComplaintView(
        id=row.id,
        customer_id=row.customer_id,
        customer_name=row.customer_name,
        booking_id=row.booking_id,
        type=row.type.value,
        subject=row.subject,
        priority=row.priority.value,
        priority_score=row.priority_score,
        status=row.status.value,
        assigned_staff_id=row.assigned_staff_id,
        assignee_name=row.assignee_name,
        first_response_due_at=row.first_response_due_at,
        resolution_due_at=row.resolution_due_at,
        first_responded_at=row.first_responded_at,
        resolved_at=row.resolved_at,
        escalation_level=row.escalation_level,
        created_at=row.created_at,
        sla_breached=breached,
    )


class ListDeskComplaints:
    """Needs complaints.view (refusals are logged). Newest first; every filter narrows: status, type,
    priority, assignee (a staff id, `me`, or `none` for unassigned), SLA (`breached`: an active complaint
    past a pending due time; `at_risk`: under a quarter of a pending clock's window left) and India days
    of creation.
    InvalidInput (400) for an unknown value, a reversed range or a limit outside 1..100."""

    def __init__(self, desk: ComplaintDesk, audit: Audit, clock: Clock) -> None:
        self._desk, self._audit, self._clock = desk, audit, clock

    async def execute(self, query: ListDeskComplaintsQuery, *, actor: Operator) -> DeskComplaintPage:
        async with self._audit.refusals(
            actor, action="complaints.list", target_type="complaint", target_id=None, origin=query.origin
        ):
            require(actor, "complaints.view")
        check_page(query.limit, query.offset)
        assignee, unassigned = self._assignee(query.assignee, actor)
        created_from, created_before = day_range(query.date_from, query.date_to)
        now = self._clock.now()
        criteria = DeskFilter(
            now=now,
            status=enum_value(ComplaintStatus, query.status, "status"),
            type=enum_value(ComplaintType, query.type, "type"),
            priority=enum_value(Priority, query.priority, "priority"),
            assignee=assignee,
            unassigned=unassigned,
            sla=enum_value(SlaState, query.sla, "sla"),
            created_from=created_from,
            created_before=created_before,
            limit=query.limit,
            offset=query.offset,
        )
        rows, total = await self._desk.search(criteria)
        return DeskComplaintPage(
            items=[row_view(r, now) for r in rows],
            total=total,
            limit=query.limit,
            offset=query.offset,
            next_offset=next_offset(query.offset, len(rows), total),
        )

    @staticmethod
    def _assignee(raw: str | None, actor: Operator) -> tuple[int | None, bool]:
        if raw is None or raw == "":
            return None, False
        if raw == "none":
            return None, True
        if raw == "me":
            me = actor_id(actor)
            if me is None:
                raise InvalidInput("assignee", "`me` needs a signed-in staff member")
            return me, False
        if raw.isdigit() and len(raw) <= 12:
            return int(raw), False
        raise InvalidInput("assignee", "assignee is a staff id, `me` or `none`")
