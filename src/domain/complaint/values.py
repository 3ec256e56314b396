"""The complaint context's enums and small value objects (shared by the aggregate and its policies)."""

from dataclasses import dataclass
from enum import StrEnum


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


class Breach(StrEnum):
    """Which service-level clock ran out."""

    FIRST_RESPONSE = "first_response"
    RESOLUTION = "resolution"


class SlaState(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BREACHED = "breached"
    MET = "met"


@dataclass(frozen=True, slots=True)
class PriorityFactor:
    """One reason for a complaint's priority: what was looked at, what was seen, how many points it gave."""

    name: str
    detail: str
    points: int
