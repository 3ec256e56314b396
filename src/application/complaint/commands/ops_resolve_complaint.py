"""Ops resolve a complaint with a resolution note."""

import msgspec

from application.common.ports import Clock, UnitOfWork
from application.complaint.desk_actions import locked, result, snapshot
from application.complaint.desk_ports import ComplaintDesk
from application.complaint.desk_views import DeskComplaintDetail
from application.complaint.ports import ComplaintRepository
from application.staff.access import Operator, actor_id, require
from application.staff.audit import Audit, Origin


class ResolveComplaint(msgspec.Struct, frozen=True):
    complaint_id: int
    note: str
    origin: Origin = Origin()


class ResolveComplaintHandler:
    """Needs complaints.resolve (refusals are logged). A blank note is ResolutionNoteRequired (422); an
    open complaint passes through in_progress; resolved or closed ones are TransitionNotAllowed (422).
    The resolution counts as the first response when there was none; its queue entry is done. The change
    and its log line commit together. ComplaintNotFound (404)."""

    def __init__(
        self,
        complaints: ComplaintRepository,
        desk: ComplaintDesk,
        audit: Audit,
        uow: UnitOfWork,
        clock: Clock,
    ) -> None:
        self._complaints, self._desk, self._audit, self._uow, self._clock = (
            complaints,
            desk,
            audit,
            uow,
            clock,
        )

    async def execute(self, cmd: ResolveComplaint, *, actor: Operator) -> DeskComplaintDetail:
        action = "complaints.resolve"
        async with self._audit.refusals(
            actor, action=action, target_type="complaint", target_id=cmd.complaint_id, origin=cmd.origin
        ):
            require(actor, "complaints.resolve")
        complaint = await locked(self._complaints, cmd.complaint_id)
        now, by = self._clock.now(), actor_id(actor)
        before = snapshot(complaint)
        complaint.resolve(cmd.note, now=now, staff_id=by)
        await self._complaints.save(complaint)
        await self._audit.record(
            by=by,
            action=action,
            target_type="complaint",
            target_id=cmd.complaint_id,
            origin=cmd.origin,
            before=before,
            after={**snapshot(complaint), "resolution": complaint.resolution},
        )
        await self._uow.commit()
        return await result(self._desk, cmd.complaint_id, now)
