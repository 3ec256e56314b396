"""Service levels per priority: how soon a complaint needs a first response and a resolution."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.complaint.entities import Priority


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


def level_for_score(score: int) -> Priority:
    """0-100 score to a level: 80+ critical, 60+ high, 35+ medium, else low."""
    if score >= 80:
        return Priority.CRITICAL
    if score >= 60:
        return Priority.HIGH
    if score >= 35:
        return Priority.MEDIUM
    return Priority.LOW


def due_times(priority: Priority, opened_at: datetime) -> tuple[datetime, datetime]:
    """(first response due, resolution due) for a complaint opened at `opened_at`."""
    level = SERVICE_LEVELS[priority]
    return opened_at + level.first_response, opened_at + level.resolution
