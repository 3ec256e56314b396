"""Every number of the complaint rules, in one place: priority weights, levels, service levels (SLA),
the reopen window and how often the SLA monitor runs."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from domain.complaint.values import ComplaintType, Priority


@dataclass(frozen=True, slots=True)
class ServiceLevel:
    first_response: timedelta
    resolution: timedelta


SERVICE_LEVELS: dict[Priority, ServiceLevel] = {
    Priority.CRITICAL: ServiceLevel(timedelta(hours=1), timedelta(hours=4)),
    Priority.HIGH: ServiceLevel(timedelta(hours=4), timedelta(hours=24)),
    Priority.MEDIUM: ServiceLevel(timedelta(hours=24), timedelta(hours=72)),
    Priority.LOW: ServiceLevel(timedelta(hours=48), timedelta(hours=168)),
}

LEVEL_ORDER: tuple[Priority, ...] = (Priority.LOW, Priority.MEDIUM, Priority.HIGH, Priority.CRITICAL)
"""Priority levels from lowest to highest; escalation moves one step to the right."""

LEVEL_THRESHOLDS: tuple[tuple[int, Priority], ...] = (
    (80, Priority.CRITICAL),
    (60, Priority.HIGH),
    (35, Priority.MEDIUM),
)
"""Minimum score of each level, highest first; below the last one a complaint is low."""

# --- priority score: the maxima add up to 100, so the score never needs clamping -----------------
TYPE_WEIGHTS: dict[ComplaintType, int] = {
    ComplaintType.SAFETY: 45,
    ComplaintType.DAMAGE: 35,
    ComplaintType.BEHAVIOUR: 25,
    ComplaintType.NO_SHOW: 22,
    ComplaintType.REFUND: 15,
    ComplaintType.BILLING: 15,
    ComplaintType.SERVICE_QUALITY: 15,
    ComplaintType.LATE_ARRIVAL: 10,
    ComplaintType.OTHER: 5,
}
TYPE_LEVEL_FLOOR: dict[ComplaintType, Priority] = {
    ComplaintType.SAFETY: Priority.HIGH,
    ComplaintType.DAMAGE: Priority.MEDIUM,
}
"""The lowest level a complaint of this type gets, whatever its score."""

SENTIMENT_MAX_POINTS = 25
"""Points for the most negative description (sentiment -1); non-negative sentiment adds nothing."""

BOOKING_VALUE_POINTS: tuple[tuple[Decimal, int], ...] = (
    (Decimal("5000"), 10),
    (Decimal("2500"), 7),
    (Decimal("1000"), 4),
    (Decimal("500"), 2),
)
"""(minimum booking total in INR, points), highest first."""

RECENT_COMPLAINT_POINTS: tuple[int, ...] = (0, 4, 7, 10)
"""Points for 0, 1, 2 and 3+ earlier complaints by the customer within RECENT_COMPLAINTS_WINDOW."""
RECENT_COMPLAINTS_WINDOW = timedelta(days=30)

URGENCY_WORDS: frozenset[str] = frozenset(
    {
        "urgent", "urgently", "immediately", "asap", "emergency", "danger", "dangerous", "unsafe",
        "fire", "smoke", "shock", "sparking", "leak", "leaking", "flood", "flooding", "injured",
        "injury", "hurt", "police", "threat", "threatened", "stolen", "theft", "harassed", "jaldi",
        "turant",
    }
)  # fmt: skip
URGENCY_POINTS_PER_WORD = 5
URGENCY_MAX_POINTS = 10

FLAGGED_MESSAGE_POINTS = 30
"""Base points of a chat message flagged for human attention (plus its sentiment and urgency words, so at
most 30 + 25 + 10 = 65, high)."""

# --- the complaint's life ------------------------------------------------------------------------
REOPEN_WINDOW = timedelta(days=7)
"""A customer may reopen a resolved complaint for this long after its resolution."""

AT_RISK_FRACTION = 0.25
"""An SLA is at risk once less than this fraction of its window remains."""

MONITOR_INTERVAL = timedelta(minutes=1)
"""How often the SLA monitor looks for breached complaints."""

MONITOR_BATCH = 200
"""At most this many breached complaints are escalated per monitor run (the next run takes the rest)."""


def level_for_score(score: int) -> Priority:
    """0-100 score to a level: 80+ critical, 60+ high, 35+ medium, else low."""
    for minimum, level in LEVEL_THRESHOLDS:
        if score >= minimum:
            return level
    return Priority.LOW


def min_score(priority: Priority) -> int:
    """The lowest score of a level (0 for low): an escalated complaint's score is raised to at least this,
    so the queue ranks it with its new level."""
    return next((minimum for minimum, level in LEVEL_THRESHOLDS if level is priority), 0)


def raised(priority: Priority) -> Priority:
    """One level up; critical stays critical."""
    index = LEVEL_ORDER.index(priority)
    return LEVEL_ORDER[min(index + 1, len(LEVEL_ORDER) - 1)]


def at_least(priority: Priority, floor: Priority | None) -> Priority:
    """The higher of the two levels."""
    if floor is None:
        return priority
    return max(priority, floor, key=LEVEL_ORDER.index)


def due_times(priority: Priority, opened_at: datetime) -> tuple[datetime, datetime]:
    """(first response due, resolution due) for a complaint opened at `opened_at`."""
    level = SERVICE_LEVELS[priority]
    return opened_at + level.first_response, opened_at + level.resolution
