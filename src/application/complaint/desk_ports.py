"""What the ops desk reads about complaints: any customer's complaints by filter, one complaint with its
customer, booking and whole timeline, the priority queue, and the raw figures behind the analytics."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Protocol

from domain.complaint.entities import Complaint, ComplaintStatus, ComplaintType, Priority
from domain.complaint.policy import AT_RISK_FRACTION, SERVICE_LEVELS


class SlaState(StrEnum):
    """`breached`: an active complaint whose pending due time (first response while unanswered, or
    resolution) has come. `at_risk`: active, not breached, and less than AT_RISK_FRACTION of a pending
    clock's window is left (the domain's `Complaint.sla_state`)."""

    BREACHED = "breached"
    AT_RISK = "at_risk"


def at_risk_horizons() -> dict[Priority, tuple[timedelta, timedelta]]:
    """Per level: how long before the first-response and resolution due times a clock is at risk."""
    return {
        level: (sla.first_response * AT_RISK_FRACTION, sla.resolution * AT_RISK_FRACTION)
        for level, sla in SERVICE_LEVELS.items()
    }


@dataclass(frozen=True, slots=True)
class DeskFilter:
    now: datetime
    status: ComplaintStatus | None = None
    type: ComplaintType | None = None
    priority: Priority | None = None
    assignee: int | None = None
    unassigned: bool = False
    sla: SlaState | None = None
    created_from: datetime | None = None
    created_before: datetime | None = None
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True, slots=True)
class DeskRow:
    """One complaint in the desk's list, with the names ops need to read it."""

    id: int
    customer_id: int
    customer_name: str
    booking_id: int | None
    type: ComplaintType
    subject: str
    priority: Priority
    priority_score: int
    status: ComplaintStatus
    assigned_staff_id: int | None
    assignee_name: str | None
    first_response_due_at: datetime
    resolution_due_at: datetime
    first_responded_at: datetime | None
    resolved_at: datetime | None
    escalation_level: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class CustomerContact:
    """Unmasked: the use case masks it for staff without customers.view_pii."""

    id: int
    name: str
    email: str | None
    phone: str | None


@dataclass(frozen=True, slots=True)
class BookingBrief:
    id: int
    reference: str
    status: str
    slot_start: datetime
    slot_end: datetime
    total: Decimal
    currency: str
    provider_id: int | None
    provider_name: str | None


@dataclass(frozen=True, slots=True)
class DeskDetail:
    complaint: Complaint
    customer: CustomerContact
    booking: BookingBrief | None
    staff_names: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class QueueFilter:
    statuses: tuple[str, ...] = ("waiting", "claimed")
    item_type: str | None = None
    level: Priority | None = None
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True, slots=True)
class QueueRow:
    id: int
    item_type: str
    complaint_id: int | None
    message_id: int | None
    score: int
    level: Priority
    due_at: datetime
    status: str
    claimed_by_staff_id: int | None
    claimed_by_name: str | None
    reason: str
    title: str  # the complaint's subject, or the start of the chat message
    created_at: datetime


class ComplaintDesk(Protocol):
    """Every customer's complaints, read for staff. Raises StorageUnavailable when the store is down."""

    async def search(self, criteria: DeskFilter) -> tuple[Sequence[DeskRow], int]:
        """A page of the complaints matching every given criterion, newest first (then highest id), and
        how many match in all. `created_from` is inclusive, `created_before` exclusive."""
        ...

    async def detail(self, complaint_id: int) -> DeskDetail | None:
        """The complaint with its whole timeline (internal notes included), its customer, its booking and
        the names of the staff it mentions (assignee and timeline authors); None for unknown ids."""
        ...

    async def queue(self, criteria: QueueFilter) -> tuple[Sequence[QueueRow], int]:
        """A page of priority-queue items in the given statuses: highest score first, then earliest due
        time, then lowest id; and how many match in all."""
        ...


@dataclass(frozen=True, slots=True)
class AnalyticsWindow:
    """Complaints created in [created_from, created_before); `now` decides which due times have passed."""

    created_from: datetime
    created_before: datetime
    now: datetime


@dataclass(frozen=True, slots=True)
class SlaCounts:
    """Decided complaints only: met (answered or resolved by the due time) or breached (late, or still
    pending after the due time). Pending complaints whose due time is ahead count in neither."""

    met: int = 0
    breached: int = 0


@dataclass(frozen=True, slots=True)
class Duration:
    """Summed whole seconds over `count` complaints."""

    seconds: int = 0
    count: int = 0


@dataclass(frozen=True, slots=True)
class WorkloadRow:
    """Active complaints (any creation date) of one assignee (None: unassigned) right now."""

    staff_id: int | None
    name: str
    open: int
    in_progress: int
    escalated: int
    overdue: int


@dataclass(frozen=True, slots=True)
class ComplaintFigures:
    by_status: Mapping[str, int]
    by_type: Mapping[str, int]
    by_priority: Mapping[str, int]
    first_response: SlaCounts
    resolution: SlaCounts
    time_to_first_response: Duration
    time_to_resolution: Duration
    workload: Sequence[WorkloadRow]
    opened_by_day: Mapping[date, int]  # India (IST) days of creation
    resolved_by_day: Mapping[date, int]  # India days of resolution (complaints resolved in the window)


class ComplaintAnalyticsSource(Protocol):
    """Aggregates computed by the store itself (SQL), never by loading every complaint.

    First response time is the first of first_responded_at and resolved_at; resolution time is
    resolved_at. Durations run from created_at. Raises StorageUnavailable when the store is down."""

    async def figures(self, window: AnalyticsWindow) -> ComplaintFigures: ...
