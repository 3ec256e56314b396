"""A customer adds a message to their complaint's timeline."""

import msgspec

from application.common.ports import Clock, UnitOfWork
from application.complaint.errors import ComplaintNotFound
from application.complaint.ports import ComplaintRepository
from application.complaint.views import UpdateView
from application.identity.actors import CustomerActor
from domain.complaint.entities import ComplaintId, UpdateAuthor
from domain.customer.entities import CustomerId


class AddCustomerUpdate(msgspec.Struct, frozen=True):
    complaint_id: int
    message: str


class AddCustomerUpdateHandler:
    """A signed-in customer writes on their own complaint (ComplaintNotFound for anyone else's;
    ComplaintClosed once closed; EmptyMessage for blank text). The message is public on the timeline and
    never counts as the support team's first response."""

    def __init__(self, complaints: ComplaintRepository, uow: UnitOfWork, clock: Clock) -> None:
        self._complaints, self._uow, self._clock = complaints, uow, clock

    async def execute(self, cmd: AddCustomerUpdate, *, actor: CustomerActor) -> UpdateView:
        complaint = await self._complaints.get_for_customer_update(
            CustomerId(actor.customer_id), ComplaintId(cmd.complaint_id)
        )
        if complaint is None:
            raise ComplaintNotFound(cmd.complaint_id)
        update = complaint.add_update(cmd.message, now=self._clock.now(), author=UpdateAuthor.CUSTOMER)
        await self._complaints.save(complaint)
        await self._uow.commit()
        return UpdateView.of(update)
