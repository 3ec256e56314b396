"""What the ops desk sees of complaints: list rows, one complaint in full, the queue and the analytics."""

from datetime import date, datetime
from decimal import Decimal

import msgspec


class DeskComplaintView(msgspec.Struct, frozen=True):
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


class DeskComplaintPage(msgspec.Struct, frozen=True):
    items: list[DeskComplaintView]
    total: int
    limit: int
    offset: int
    next_offset: int | None


class DeskCustomerView(msgspec.Struct, frozen=True):
    id: int
    name: str
    email: str | None
    phone: str | None
    contact_masked: bool


class DeskBookingView(msgspec.Struct, frozen=True):
    id: int
    reference: str
    status: str
    slot_start: datetime
    slot_end: datetime
    total: Decimal
    currency: str
    provider_id: int | None
    provider_name: str | None


class TimelineEntryView(msgspec.Struct, frozen=True):
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


class PriorityFactorView(msgspec.Struct, frozen=True):
    name: str
    detail: str
    points: int


class DeskComplaintDetail(msgspec.Struct, frozen=True):
    id: int
    type: str
    subject: str
    description: str
    priority: str
    priority_score: int
    priority_factors: list[PriorityFactorView]
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
    customer: DeskCustomerView
    booking: DeskBookingView | None
    timeline: list[TimelineEntryView]


class QueueItemView(msgspec.Struct, frozen=True):
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


class QueuePage(msgspec.Struct, frozen=True):
    items: list[QueueItemView]
    total: int
    limit: int
    offset: int
    next_offset: int | None


class CountView(msgspec.Struct, frozen=True):
    key: str
    count: int


class SlaFigureView(msgspec.Struct, frozen=True):
    met: int
    breached: int
    compliance_percent: float | None  # met / (met + breached), one decimal; None when nothing was decided


class SlaView(msgspec.Struct, frozen=True):
    first_response: SlaFigureView
    resolution: SlaFigureView


class MeanTimeView(msgspec.Struct, frozen=True):
    complaints: int
    mean_minutes: float | None  # one decimal; None when no complaint got there


class WorkloadView(msgspec.Struct, frozen=True):
    staff_id: int | None
    name: str
    open: int
    in_progress: int
    escalated: int
    total: int
    overdue: int


class TrendDayView(msgspec.Struct, frozen=True):
    day: date
    opened: int
    resolved: int


class ComplaintAnalyticsView(msgspec.Struct, frozen=True):
    date_from: date
    date_to: date
    timezone: str
    generated_at: datetime
    total: int
    by_status: list[CountView]
    by_type: list[CountView]
    by_priority: list[CountView]
    sla: SlaView
    first_response: MeanTimeView
    resolution: MeanTimeView
    workload: list[WorkloadView]
    trend: list[TrendDayView]
