"""Ops write on a complaint's timeline: an internal note (default) or a reply the customer sees."""

import msgspec

from application.common.ports import Clock, UnitOfWork
from application.complaint.desk_actions import locked, result
from application.complaint.desk_ports import ComplaintDesk
from application.complaint.desk_views import DeskComplaintDetail
from application.complaint.ports import ComplaintRepository
from application.staff.access import Operator, actor_id, require
from application.staff.audit import Audit, Origin
from domain.complaint.entities import UpdateAuthor


class AddComplaintNote(msgspec.Struct, frozen=True):
    complaint_id: int
    message: str
    internal: bool = True
    origin: Origin = Origin()


class AddComplaintNoteHandler:
    """Needs complaints.manage (refusals are logged). Internal notes are never shown to the customer; a
    public reply is, and the first one records the first response. EmptyMessage (422) for blank text,
    ComplaintClosed (422) on a closed complaint, ComplaintNotFound (404). The entry and its log line (without
    the text) commit together."""

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

    async def execute(self, cmd: AddComplaintNote, *, actor: Operator) -> DeskComplaintDetail:
        action = "complaints.note" if cmd.internal else "complaints.reply"
        async with self._audit.refusals(
            actor, action=action, target_type="complaint", target_id=cmd.complaint_id, origin=cmd.origin
        ):
            require(actor, "complaints.manage")
        complaint = await locked(self._complaints, cmd.complaint_id)
        now, by = self._clock.now(), actor_id(actor)
        complaint.add_update(
            cmd.message, now=now, author=UpdateAuthor.STAFF, staff_id=by, internal=cmd.internal
        )
        await self._complaints.save(complaint)
        await self._audit.record(
            by=by,
            action=action,
            target_type="complaint",
            target_id=cmd.complaint_id,
            origin=cmd.origin,
            after={"internal": cmd.internal, "length": len(cmd.message.strip())},
        )
        await self._uow.commit()
        return await result(self._desk, cmd.complaint_id, now)
