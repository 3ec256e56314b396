"""A customer reads one of their own complaints."""

from application.complaint.errors import ComplaintNotFound
from application.complaint.ports import ComplaintRepository
from application.complaint.views import ComplaintView
from application.identity.actors import CustomerActor
from domain.complaint.entities import ComplaintId
from domain.customer.entities import CustomerId


class GetMyComplaint:
    """A signed-in customer's own complaint with its customer-visible timeline (never internal notes);
    ComplaintNotFound for unknown ids and anyone else's."""

    def __init__(self, complaints: ComplaintRepository) -> None:
        self._complaints = complaints

    async def execute(self, complaint_id: int, *, actor: CustomerActor) -> ComplaintView:
        complaint = await self._complaints.get_for_customer(
            CustomerId(actor.customer_id), ComplaintId(complaint_id)
        )
        if complaint is None:
            raise ComplaintNotFound(complaint_id)
        return ComplaintView.of(complaint)
