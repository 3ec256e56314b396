"""What the ops desk's write use cases share: loading a complaint under its lock, who wrote it, the
result view, and the rule an assignee must satisfy."""

from datetime import datetime
from typing import Protocol

from application.complaint.desk_ports import ComplaintDesk
from application.complaint.desk_views import DeskComplaintDetail
from application.complaint.errors import ComplaintNotFound
from application.complaint.ports import ComplaintRepository
from application.complaint.queries.ops_get_complaint import detail_view
from domain.complaint.entities import Complaint, ComplaintId
from domain.shared.errors import DomainError

WORKS_COMPLAINTS = "complaints.manage"


class AssigneeCannotWork(DomainError):
    """Complaints go only to active members whose role may work them (complaints.manage)."""

    code = "assignee_cannot_work_complaints"

    def __init__(self, staff_id: int) -> None:
        super().__init__(f"staff member {staff_id} is not active or may not work complaints")
        self.staff_id = staff_id


class DeskQueue(Protocol):
    """The complaint's priority-queue entry, changed in the caller's unit of work. Raises
    StorageUnavailable."""

    async def claim(self, complaint_id: int, staff_id: int, *, now: datetime) -> None:
        """Mark the complaint's waiting or claimed entry claimed by `staff_id` (no entry: nothing)."""
        ...


async def locked(complaints: ComplaintRepository, complaint_id: int) -> Complaint:
    """The complaint under its row lock; ComplaintNotFound (404) for unknown ids."""
    found = await complaints.get_for_update(ComplaintId(complaint_id))
    if found is None:
        raise ComplaintNotFound(complaint_id)
    return found


async def result(desk: ComplaintDesk, complaint_id: int, now: datetime) -> DeskComplaintDetail:
    """The complaint as the desk shows it after the change. The customer's contact details are always masked
    here: only the read (GET .../{id}) shows them in full, to holders of customers.view_pii, and logs each
    such view (`complaints.view_pii`). The same answer for everyone who may make the change."""
    found = await desk.detail(complaint_id)
    if found is None:  # pragma: no cover - it was just written
        raise ComplaintNotFound(complaint_id)
    return detail_view(found, reveal=False, now=now)


def snapshot(complaint: Complaint) -> dict[str, object]:
    """The fields ops actions change, for the activity log's before/after."""
    return {
        "status": complaint.status.value,
        "priority": complaint.priority.value,
        "assigned_staff_id": complaint.assigned_staff_id,
        "escalation_level": complaint.escalation_level,
    }
