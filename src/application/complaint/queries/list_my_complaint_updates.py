"""A customer reads the timeline of one of their own complaints."""

from application.complaint.errors import ComplaintNotFound
from application.complaint.ports import ComplaintRepository
from application.complaint.views import UpdatePage, UpdateView
from application.identity.actors import CustomerActor
from domain.complaint.entities import ComplaintId
from domain.customer.entities import CustomerId


class ListMyComplaintUpdates:
    """The customer-visible timeline of a signed-in customer's own complaint, oldest first (internal
    notes and assignments never appear); ComplaintNotFound for anyone else's."""

    def __init__(self, complaints: ComplaintRepository) -> None:
        self._complaints = complaints

    async def execute(self, complaint_id: int, *, actor: CustomerActor) -> UpdatePage:
        complaint = await self._complaints.get_for_customer(
            CustomerId(actor.customer_id), ComplaintId(complaint_id)
        )
        if complaint is None:
            raise ComplaintNotFound(complaint_id)
        items = [UpdateView.of(u) for u in complaint.visible_to_customer()]
        return UpdatePage(items=items, total=len(items))
