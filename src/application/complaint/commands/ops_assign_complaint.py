"""Ops give a complaint to a staff member."""

import msgspec

from application.common.ports import Clock, UnitOfWork
from application.complaint.desk_actions import (
    WORKS_COMPLAINTS,
    AssigneeCannotWork,
    DeskQueue,
    locked,
    result,
    snapshot,
)
from application.complaint.desk_ports import ComplaintDesk
from application.complaint.desk_views import DeskComplaintDetail
from application.complaint.ports import ComplaintRepository
from application.staff.access import Operator, actor_id, require
from application.staff.audit import Audit, Origin
from application.staff.errors import StaffNotFound
from application.staff.ports import StaffRepository
from domain.staff.entities import StaffId


class AssignComplaint(msgspec.Struct, frozen=True):
    complaint_id: int
    staff_id: int
    origin: Origin = Origin()


class AssignComplaintHandler:
    """Needs complaints.assign (refusals are logged). The assignee must be an active member who may work
    complaints (complaints.manage): AssigneeCannotWork (422) otherwise, StaffNotFound (404) for unknown
    ids. Not for closed complaints (ComplaintClosed, 422). The assignment (an internal timeline entry), the
    queue entry claimed by the assignee and the activity-log line commit together. ComplaintNotFound (404)."""

    def __init__(
        self,
        complaints: ComplaintRepository,
        staff: StaffRepository,
        queue: DeskQueue,
        desk: ComplaintDesk,
        audit: Audit,
        uow: UnitOfWork,
        clock: Clock,
    ) -> None:
        self._complaints, self._staff, self._queue, self._desk = complaints, staff, queue, desk
        self._audit, self._uow, self._clock = audit, uow, clock

    async def execute(self, cmd: AssignComplaint, *, actor: Operator) -> DeskComplaintDetail:
        action = "complaints.assign"
        async with self._audit.refusals(
            actor, action=action, target_type="complaint", target_id=cmd.complaint_id, origin=cmd.origin
        ):
            require(actor, "complaints.assign")
        complaint = await locked(self._complaints, cmd.complaint_id)
        member = await self._staff.get(StaffId(cmd.staff_id))
        if member is None:
            raise StaffNotFound(cmd.staff_id)
        if not member.can(WORKS_COMPLAINTS):
            raise AssigneeCannotWork(cmd.staff_id)
        now = self._clock.now()
        before = snapshot(complaint)
        complaint.assign(cmd.staff_id, now=now, by_staff_id=actor_id(actor))
        await self._complaints.save(complaint)
        await self._queue.claim(cmd.complaint_id, cmd.staff_id, now=now)
        await self._audit.record(
            by=actor_id(actor),
            action=action,
            target_type="complaint",
            target_id=cmd.complaint_id,
            origin=cmd.origin,
            before=before,
            after=snapshot(complaint),
        )
        await self._uow.commit()
        return await result(self._desk, cmd.complaint_id, now)
