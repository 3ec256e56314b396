"""The Complaint aggregate: what went wrong, how urgent it is, who handles it, and its timeline."""

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import NewType

from domain.booking.entities import BookingId
from domain.customer.entities import CustomerId
from domain.shared.errors import InvalidValue
from domain.shared.status_machine import check_transition

ComplaintId = NewType("ComplaintId", int)
ComplaintUpdateId = NewType("ComplaintUpdateId", int)


class ComplaintType(StrEnum):
    NO_SHOW = "no_show"
    LATE_ARRIVAL = "late_arrival"
    SERVICE_QUALITY = "service_quality"
    DAMAGE = "damage"
    BEHAVIOUR = "behaviour"
    BILLING = "billing"
    REFUND = "refund"
    SAFETY = "safety"
    OTHER = "other"


class Priority(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class ComplaintStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    ESCALATED = "escalated"
    RESOLVED = "resolved"
    CLOSED = "closed"


TRANSITIONS: dict[ComplaintStatus, frozenset[ComplaintStatus]] = {
    ComplaintStatus.OPEN: frozenset(
        {ComplaintStatus.IN_PROGRESS, ComplaintStatus.ESCALATED, ComplaintStatus.RESOLVED}
    ),
    ComplaintStatus.IN_PROGRESS: frozenset({ComplaintStatus.ESCALATED, ComplaintStatus.RESOLVED}),
    ComplaintStatus.ESCALATED: frozenset({ComplaintStatus.IN_PROGRESS, ComplaintStatus.RESOLVED}),
    ComplaintStatus.RESOLVED: frozenset({ComplaintStatus.CLOSED, ComplaintStatus.IN_PROGRESS}),
    ComplaintStatus.CLOSED: frozenset(),
}


class UpdateAuthor(StrEnum):
    CUSTOMER = "customer"
    STAFF = "staff"
    SYSTEM = "system"


class UpdateKind(StrEnum):
    COMMENT = "comment"
    STATUS_CHANGE = "status_change"
    ASSIGNMENT = "assignment"
    ESCALATION = "escalation"
    INTERNAL_NOTE = "internal_note"
    RESOLUTION = "resolution"


@dataclass(eq=False, kw_only=True)
class ComplaintUpdate:
    """One entry of the timeline. Internal notes are never shown to the customer."""

    id: ComplaintUpdateId | None = None
    complaint_id: ComplaintId | None = None
    author: UpdateAuthor
    author_staff_id: int | None = None
    kind: UpdateKind
    message: str
    is_internal: bool = False
    old_status: ComplaintStatus | None = None
    new_status: ComplaintStatus | None = None
    created_at: datetime


@dataclass(eq=False, kw_only=True)
class Complaint:
    """Status moves only along TRANSITIONS and every move is written to the timeline. Resolving needs a
    resolution note."""

    id: ComplaintId | None = None
    customer_id: CustomerId
    booking_id: BookingId | None = None
    type: ComplaintType
    subject: str
    description: str
    priority: Priority
    priority_score: int
    sentiment: float | None = None
    status: ComplaintStatus = ComplaintStatus.OPEN
    assigned_staff_id: int | None = None
    first_response_due_at: datetime
    resolution_due_at: datetime
    first_responded_at: datetime | None = None
    resolved_at: datetime | None = None
    closed_at: datetime | None = None
    resolution: str | None = None
    escalation_level: int = 0
    created_at: datetime
    updates: list[ComplaintUpdate] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not 0 <= self.priority_score <= 100:
            raise InvalidValue("priority_score", "priority score is 0 to 100")

    def move_to(
        self, status: ComplaintStatus, *, now: datetime, staff_id: int | None, note: str = ""
    ) -> None:
        """Change status along the table and record it on the timeline."""
        old = self.status
        check_transition("complaint", TRANSITIONS, old, status)
        if status is ComplaintStatus.RESOLVED:
            if not note.strip():
                raise InvalidValue("resolution", "resolving a complaint needs a resolution note")
            self.resolution = note
            self.resolved_at = now
        if status is ComplaintStatus.CLOSED:
            self.closed_at = now
        if old is ComplaintStatus.RESOLVED and status is ComplaintStatus.IN_PROGRESS:
            self.resolved_at = None
            self.resolution = None  # the old resolution stays in the timeline
        self.status = status
        kind = UpdateKind.RESOLUTION if status is ComplaintStatus.RESOLVED else UpdateKind.STATUS_CHANGE
        self.updates.append(
            ComplaintUpdate(
                author=UpdateAuthor.STAFF if staff_id else UpdateAuthor.SYSTEM,
                author_staff_id=staff_id,
                kind=kind,
                message=note if note.strip() else f"Status changed from {old.value} to {status.value}",
                old_status=old,
                new_status=status,
                created_at=now,
            )
        )
