"""A customer reopens a resolved complaint within the reopen window."""

import msgspec

from application.common.ports import Clock, UnitOfWork
from application.complaint.errors import ComplaintNotFound
from application.complaint.ports import ComplaintRepository
from application.complaint.views import ComplaintView
from application.identity.actors import CustomerActor
from domain.complaint.entities import ComplaintId
from domain.complaint.policy import REOPEN_WINDOW
from domain.customer.entities import CustomerId


class ReopenComplaint(msgspec.Struct, frozen=True):
    complaint_id: int
    reason: str = ""


class ReopenComplaintHandler:
    """A signed-in customer reopens their own resolved complaint within REOPEN_WINDOW of its resolution
    (ComplaintNotFound for anyone else's; TransitionNotAllowed when it is not resolved; ReopenWindowClosed
    after the window). It goes back to in_progress with a fresh resolution clock and rejoins the queue."""

    def __init__(self, complaints: ComplaintRepository, uow: UnitOfWork, clock: Clock) -> None:
        self._complaints, self._uow, self._clock = complaints, uow, clock

    async def execute(self, cmd: ReopenComplaint, *, actor: CustomerActor) -> ComplaintView:
        complaint = await self._complaints.get_for_customer_update(
            CustomerId(actor.customer_id), ComplaintId(cmd.complaint_id)
        )
        if complaint is None:
            raise ComplaintNotFound(cmd.complaint_id)
        now = self._clock.now()
        complaint.reopen(now=now, window=REOPEN_WINDOW, reason=cmd.reason)
        await self._complaints.save(complaint)
        await self._complaints.enqueue(complaint, reason="reopened by the customer", now=now)
        await self._uow.commit()
        return ComplaintView.of(complaint)
