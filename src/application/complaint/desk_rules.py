"""Rules the ops desk use cases share: reading filters, the at-risk window, India days, SLA state."""

from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TypeVar

from application.common.errors import InvalidInput
from domain.complaint.entities import ACTIVE_STATUSES, ComplaintStatus
from domain.provider.availability import ist_midnight

MAX_PAGE = 100
E = TypeVar("E", bound=StrEnum)


def enum_value(kind: type[E], raw: str | None, field: str) -> E | None:
    """None for no value; InvalidInput (400) naming the allowed values for an unknown one."""
    if raw is None or raw == "":
        return None
    try:
        return kind(raw)
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        raise InvalidInput(field, f"unknown {field} {raw!r}; expected one of {allowed}") from None


def check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_PAGE:
        raise InvalidInput("limit", f"limit must be 1 to {MAX_PAGE}")
    if offset < 0:
        raise InvalidInput("offset", "offset cannot be negative")


def next_offset(offset: int, shown: int, total: int) -> int | None:
    following = offset + shown
    return following if shown and following < total else None


def day_range(date_from: date | None, date_to: date | None) -> tuple[datetime | None, datetime | None]:
    """India days, both inclusive, as a UTC [start, end) range; InvalidInput when `from` is after `to`."""
    if date_from is not None and date_to is not None and date_from > date_to:
        raise InvalidInput("from", "the range starts after it ends")
    start = ist_midnight(date_from) if date_from is not None else None
    end = ist_midnight(date_to + timedelta(days=1)) if date_to is not None else None
    return start, end


def sla_breached(
    status: ComplaintStatus,
    *,
    first_response_due_at: datetime,
    resolution_due_at: datetime,
    first_responded_at: datetime | None,
    now: datetime,
) -> bool:
    """An active complaint whose first response (while unanswered) or resolution is due (the domain's
    `Complaint.sla_state` says breached from the due time on)."""
    if status not in ACTIVE_STATUSES:
        return False
    return (first_responded_at is None and first_response_due_at <= now) or resolution_due_at <= now
