"""What the customer-side complaint use cases return: times in India (IST) at this edge."""

from datetime import datetime

import msgspec

from domain.complaint.entities import Complaint, ComplaintStatus, ComplaintUpdate, UpdateAuthor
from domain.complaint.policy import REOPEN_WINDOW
from domain.provider.availability import IST


def _local(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.astimezone(IST)


class UpdateView(msgspec.Struct, frozen=True):
    """A customer-visible timeline entry; staff appear as "Nexora support", never by name or id."""

    id: int | None
    author: str
    kind: str
    message: str
    old_status: str | None
    new_status: str | None
    created_at: datetime

    @classmethod
    def of(cls, update: ComplaintUpdate) -> "UpdateView":
        author = {UpdateAuthor.CUSTOMER: "you", UpdateAuthor.STAFF: "Nexora support"}.get(
            update.author, "Nexora"
        )
        return cls(
            id=update.id,
            author=author,
            kind=update.kind.value,
            message=update.message,
            old_status=update.old_status.value if update.old_status else None,
            new_status=update.new_status.value if update.new_status else None,
            created_at=update.created_at.astimezone(IST),
        )


class ComplaintView(msgspec.Struct, frozen=True):
    """A customer's complaint as they see it: no staff ids, no internal notes, no score internals."""

    id: int
    booking_id: int | None
    type: str
    subject: str
    description: str
    status: str
    priority: str
    first_response_due_at: datetime
    resolution_due_at: datetime
    first_responded_at: datetime | None
    resolved_at: datetime | None
    resolution: str | None
    reopen_until: datetime | None
    created_at: datetime
    updates: list[UpdateView]

    @classmethod
    def of(cls, complaint: Complaint) -> "ComplaintView":
        """`reopen_until`: while resolved, until when the customer may reopen it."""
        assert complaint.id is not None
        resolved = complaint.status is ComplaintStatus.RESOLVED and complaint.resolved_at is not None
        reopen_until = complaint.resolved_at + REOPEN_WINDOW if resolved and complaint.resolved_at else None
        return cls(
            id=complaint.id,
            booking_id=complaint.booking_id,
            type=complaint.type.value,
            subject=complaint.subject,
            description=complaint.description,
            status=complaint.status.value,
            priority=complaint.priority.value,
            first_response_due_at=complaint.first_response_due_at.astimezone(IST),
            resolution_due_at=complaint.resolution_due_at.astimezone(IST),
            first_responded_at=_local(complaint.first_responded_at),
            resolved_at=_local(complaint.resolved_at),
            resolution=complaint.resolution,
            reopen_until=_local(reopen_until),
            created_at=complaint.created_at.astimezone(IST),
            updates=[UpdateView.of(u) for u in complaint.visible_to_customer()],
        )


class ComplaintSummaryView(msgspec.Struct, frozen=True):
    id: int
    booking_id: int | None
    type: str
    subject: str
    status: str
    priority: str
    resolution_due_at: datetime
    created_at: datetime

    @classmethod
    def of(cls, complaint: Complaint) -> "ComplaintSummaryView":
        assert complaint.id is not None
        return cls(
            id=complaint.id,
            booking_id=complaint.booking_id,
            type=complaint.type.value,
            subject=complaint.subject,
            status=complaint.status.value,
            priority=complaint.priority.value,
            resolution_due_at=complaint.resolution_due_at.astimezone(IST),
            created_at=complaint.created_at.astimezone(IST),
        )


class ComplaintPage(msgspec.Struct, frozen=True):
    items: list[ComplaintSummaryView]
    total: int
    limit: int
    offset: int
    next_offset: int | None


class UpdatePage(msgspec.Struct, frozen=True):
    items: list[UpdateView]
    total: int
