"""Ops read the priority queue: complaints and chat messages waiting for a human, most urgent first."""

import msgspec

from application.common.errors import InvalidInput
from application.common.ports import Clock
from application.complaint.desk_ports import ComplaintDesk, QueueFilter
from application.complaint.desk_rules import check_page, enum_value, next_offset
from application.complaint.desk_views import QueueItemView, QueuePage
from application.staff.access import Operator, require
from application.staff.audit import Audit, Origin
from domain.complaint.entities import Priority

QUEUE_STATUSES = ("waiting", "claimed", "done")
ITEM_TYPES = ("complaint", "message")


class ComplaintQueueQuery(msgspec.Struct, frozen=True):
    status: str | None = None  # waiting, claimed or done; waiting and claimed when left out
    item_type: str | None = None  # complaint or message
    level: str | None = None
    limit: int = 20
    offset: int = 0
    origin: Origin = Origin()


class ComplaintQueue:
    """Needs complaints.view (refusals are logged). Highest score first, then the earliest due time; each
    item says whether it is overdue. InvalidInput (400) for an unknown status, type or level."""

    def __init__(self, desk: ComplaintDesk, audit: Audit, clock: Clock) -> None:
        self._desk, self._audit, self._clock = desk, audit, clock

    async def execute(self, query: ComplaintQueueQuery, *, actor: Operator) -> QueuePage:
        async with self._audit.refusals(
            actor, action="complaints.queue", target_type="queue", target_id=None, origin=query.origin
        ):
            require(actor, "complaints.view")
        check_page(query.limit, query.offset)
        if query.status and query.status not in QUEUE_STATUSES:
            raise InvalidInput("status", f"status must be one of {', '.join(QUEUE_STATUSES)}")
        if query.item_type and query.item_type not in ITEM_TYPES:
            raise InvalidInput("itemType", f"item type must be one of {', '.join(ITEM_TYPES)}")
        criteria = QueueFilter(
            statuses=(query.status,) if query.status else ("waiting", "claimed"),
            item_type=query.item_type or None,
            level=enum_value(Priority, query.level, "level"),
            limit=query.limit,
            offset=query.offset,
        )
        rows, total = await self._desk.queue(criteria)
        now = self._clock.now()
        items = [
            QueueItemView(
                id=r.id,
                item_type=r.item_type,
                complaint_id=r.complaint_id,
                message_id=r.message_id,
                score=r.score,
                level=r.level.value,
                due_at=r.due_at,
                overdue=r.status != "done" and r.due_at < now,
                status=r.status,
                claimed_by_staff_id=r.claimed_by_staff_id,
                claimed_by_name=r.claimed_by_name,
                reason=r.reason,
                title=r.title,
                created_at=r.created_at,
            )
            for r in rows
        ]
        return QueuePage(
            items=items,
            total=total,
            limit=query.limit,
            offset=query.offset,
            next_offset=next_offset(query.offset, len(rows), total),
        )
