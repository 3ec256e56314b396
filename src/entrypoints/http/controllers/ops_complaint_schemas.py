"""HTTP schemas of the ops complaint desk."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

import msgspec

from entrypoints.http.controllers.complaint_schemas import MAX_ID
from entrypoints.http.schemas import Schema


class DeskComplaintOut(Schema):
    id: int
    customer_id: int
    customer_name: str
    booking_id: int | None
    type: str
    subject: str
    priority: str
    priority_score: int
    status: str
    assigned_staff_id: int | None
    assignee_name: str | None
    first_response_due_at: datetime
    resolution_due_at: datetime
    first_responded_at: datetime | None
    resolved_at: datetime | None
    escalation_level: int
    created_at: datetime
    sla_breached: bool


class DeskComplaintPageOut(Schema):
    items: list[DeskComplaintOut]
    total: int
    limit: int
    offset: int
    next_offset: int | None


class DeskCustomerOut(Schema):
    """`email` and `phone` are masked (r***@gmail.com, ******3210) without customers.view_pii."""

    id: int
    name: str
    email: str | None
    phone: str | None
    contact_masked: bool


class DeskBookingOut(Schema):
    id: int
    reference: str
    status: str
    slot_start: datetime
    slot_end: datetime
    total: Decimal
    currency: str
    provider_id: int | None
    provider_name: str | None


class TimelineEntryOut(Schema):
    id: int | None
    author: str
    author_staff_id: int | None
    author_name: str | None
    kind: str
    message: str
    is_internal: bool
    old_status: str | None
    new_status: str | None
    created_at: datetime


class PriorityFactorOut(Schema):
    """One reason behind the priority score and the points it gave."""

    name: str
    detail: str
    points: int


class DeskComplaintDetailOut(Schema):
    id: int
    type: str
    subject: str
    description: str
    priority: str
    priority_score: int
    priority_factors: list[PriorityFactorOut]
    sentiment: float | None
    status: str
    assigned_staff_id: int | None
    assignee_name: str | None
    first_response_due_at: datetime
    resolution_due_at: datetime
    first_responded_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    resolution: str | None
    escalation_level: int
    created_at: datetime
    sla_breached: bool
    customer: DeskCustomerOut
    booking: DeskBookingOut | None
    timeline: list[TimelineEntryOut]


class QueueItemOut(Schema):
    id: int
    item_type: str
    complaint_id: int | None
    message_id: int | None
    score: int
    level: str
    due_at: datetime
    overdue: bool
    status: str
    claimed_by_staff_id: int | None
    claimed_by_name: str | None
    reason: str
    title: str
    created_at: datetime


class QueuePageOut(Schema):
    items: list[QueueItemOut]
    total: int
    limit: int
    offset: int
    next_offset: int | None


class CountOut(Schema):
    key: str
    count: int


class SlaFigureOut(Schema):
    met: int
    breached: int
    compliance_percent: float | None


class SlaOut(Schema):
    first_response: SlaFigureOut
    resolution: SlaFigureOut


class MeanTimeOut(Schema):
    complaints: int
    mean_minutes: float | None


class WorkloadOut(Schema):
    staff_id: int | None
    name: str
    open: int
    in_progress: int
    escalated: int
    total: int
    overdue: int


class TrendDayOut(Schema):
    day: date
    opened: int
    resolved: int


class ComplaintAnalyticsOut(Schema):
    date_from: date
    date_to: date
    timezone: str
    generated_at: datetime
    total: int
    by_status: list[CountOut]
    by_type: list[CountOut]
    by_priority: list[CountOut]
    sla: SlaOut
    first_response: MeanTimeOut
    resolution: MeanTimeOut
    workload: list[WorkloadOut]
    trend: list[TrendDayOut]


Message = Annotated[str, msgspec.Meta(max_length=5000)]


class AssignIn(Schema):
    staff_id: Annotated[int, msgspec.Meta(ge=1, le=MAX_ID)]


class ComplaintStatusIn(Schema):
    """`resolved` needs a note (the resolution)."""

    status: Literal["in_progress", "escalated", "resolved", "closed"]
    note: Message = ""


class ResolveIn(Schema):
    note: Message


class NoteIn(Schema):
    """An internal note (never shown to the customer), or with `internal: false` a reply the customer
    sees."""

    message: Message
    internal: bool = True
