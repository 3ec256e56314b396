"""A customer pages through their own complaints."""

import msgspec

from application.common.errors import InvalidInput
from application.complaint.ports import ComplaintRepository
from application.complaint.views import (
    ComplaintPage,
    ComplaintSummaryView,
)
from application.identity.actors import CustomerActor
from domain.complaint.entities import ComplaintStatus
from domain.customer.entities import CustomerId

MAX_LIMIT = 50


class ListMyComplaints(msgspec.Struct, frozen=True):
    status: str | None = None
    limit: int = 20
    offset: int = 0


class ListMyComplaintsHandler:
    """A signed-in customer pages through their own complaints, newest first, optionally by status.
    InvalidInput for an unknown status, a limit outside 1..50 or a negative offset."""

    def __init__(self, complaints: ComplaintRepository) -> None:
        self._complaints = complaints

    async def execute(self, query: ListMyComplaints, *, actor: CustomerActor) -> ComplaintPage:
        if not 1 <= query.limit <= MAX_LIMIT:
            raise InvalidInput("limit", f"limit must be 1 to {MAX_LIMIT}")
        if query.offset < 0:
            raise InvalidInput("offset", "offset cannot be negative")
        try:
            status = ComplaintStatus(query.status) if query.status else None
        except ValueError:
            raise InvalidInput("status", f"unknown complaint status {query.status!r}") from None
        found, total = await self._complaints.list_for_customer(
            CustomerId(actor.customer_id), status=status, limit=query.limit, offset=query.offset
        )
        following = query.offset + len(found)
        return ComplaintPage(
            items=[ComplaintSummaryView.of(c) for c in found],
            total=total,
            limit=query.limit,
            offset=query.offset,
            next_offset=following if following < total else None,
        )
