"""Ops move a complaint along its status table: start, escalate by hand, resolve or close."""

import msgspec

from application.common.errors import InvalidInput
from application.common.ports import Clock, UnitOfWork
from application.complaint.desk_actions import locked, result, snapshot
from application.complaint.desk_ports import ComplaintDesk
from application.complaint.desk_views import DeskComplaintDetail
from application.complaint.escalation import Escalator
from application.complaint.ports import ComplaintRepository
from application.staff.access import Operator, actor_id, require
from application.staff.audit import Audit, Origin
from domain.complaint.entities import TRANSITIONS, ComplaintStatus
from domain.shared.status_machine import check_transition

# the permission each target status needs
TARGETS = {
    ComplaintStatus.IN_PROGRESS: "complaints.manage",
    ComplaintStatus.ESCALATED: "complaints.escalate",
    ComplaintStatus.RESOLVED: "complaints.resolve",
    ComplaintStatus.CLOSED: "complaints.resolve",
}


class ChangeComplaintStatus(msgspec.Struct, frozen=True):
    complaint_id: int
    status: str
    note: str = ""
    origin: Origin = Origin()


class ChangeComplaintStatusHandler:
    """Needs complaints.manage to start work (in_progress), complaints.escalate to escalate by hand (the
    same path as the SLA monitor: priority one level up, reassigned to a more senior member, customer and
    new assignee notified), complaints.resolve to resolve (with a note: ResolutionNoteRequired, 422) or
    close; refusals are logged. The note of a resolution is the answer the customer sees; any other note is
    kept internal (the customer sees a neutral status line). Moves only along the complaint's TRANSITIONS
    (TransitionNotAllowed, 422). InvalidInput (400) for another status; ComplaintNotFound (404). The move
    and its log line commit together."""

    def __init__(
        self,
        complaints: ComplaintRepository,
        escalator: Escalator,
        desk: ComplaintDesk,
        audit: Audit,
        uow: UnitOfWork,
        clock: Clock,
    ) -> None:
        self._complaints, self._escalator, self._desk = complaints, escalator, desk
        self._audit, self._uow, self._clock = audit, uow, clock

    async def execute(self, cmd: ChangeComplaintStatus, *, actor: Operator) -> DeskComplaintDetail:
        allowed = ", ".join(s.value for s in TARGETS)
        try:
            target = ComplaintStatus(cmd.status)
            permission = TARGETS[target]
        except (ValueError, KeyError):
            raise InvalidInput("status", f"status must be one of {allowed}") from None
        action = "complaints.status"
        async with self._audit.refusals(
            actor, action=action, target_type="complaint", target_id=cmd.complaint_id, origin=cmd.origin
        ):
            require(actor, permission)
        complaint = await locked(self._complaints, cmd.complaint_id)
        now, by = self._clock.now(), actor_id(actor)
        before = snapshot(complaint)
        if target is ComplaintStatus.RESOLVED:
            complaint.resolve(cmd.note, now=now, staff_id=by)
        elif target is ComplaintStatus.ESCALATED:
            check_transition("complaint", TRANSITIONS, complaint.status, target)
            await self._escalator.escalate(complaint, now=now, note=cmd.note, by_staff_id=by)
        else:
            complaint.move_to(target, now=now, staff_id=by, note=cmd.note)
        await self._complaints.save(complaint)
        await self._audit.record(
            by=by,
            action=action,
            target_type="complaint",
            target_id=cmd.complaint_id,
            origin=cmd.origin,
            before=before,
            after={**snapshot(complaint), "note": cmd.note},
        )
        await self._uow.commit()
        return await result(self._desk, cmd.complaint_id, now)
