"""When a customer may book a visit: the booking-time rules.

Service hours are configured here, in SERVICE_OPENS and SERVICE_CLOSES (Asia/Kolkata): a visit starts at or
after 08:00 and ends by 20:00. On top of that:
- a visit starts on the SLOT_STEP_MINUTES grid (:00 or :30);
- it starts at least LEAD_TIME (2 hours) from now, on a day from today to HORIZON_DAYS ahead;
- it lasts as long as its longest service, capped at MAX_DURATION_MINUTES (9 hours);
- a provider's existing jobs, their working hours and the travel buffer are judged by
  `domain.provider.availability`, the same policy that lists a provider's free slots.
"""

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from domain.provider.availability import (
    HORIZON_DAYS,
    IST,
    LEAD_TIME,
    MAX_DURATION_MINUTES,
    SLOT_STEP_MINUTES,
    check_bookable_date,
)
from domain.shared.errors import DomainError, InvalidValue
from domain.shared.time_slot import TimeSlot

SERVICE_OPENS = time(8, 0)
SERVICE_CLOSES = time(20, 0)

__all__ = ["HORIZON_DAYS", "SERVICE_CLOSES", "SERVICE_OPENS", "job_minutes", "requested_slot"]


class SlotInPast(DomainError):
    code = "slot_in_past"

    def __init__(self, start: datetime) -> None:
        super().__init__(f"the slot starting {start.isoformat()} has already begun")
        self.start = start


class SlotTooSoon(DomainError):
    code = "slot_too_soon"

    def __init__(self, start: datetime, earliest: datetime) -> None:
        hours = int(LEAD_TIME.total_seconds() // 3600)
        super().__init__(f"a visit must be booked at least {hours} hours ahead; the earliest is {earliest}")
        self.start = start
        self.earliest = earliest


class SlotOffGrid(DomainError):
    code = "slot_off_grid"

    def __init__(self, start: time) -> None:
        super().__init__(f"visits start on the half hour (:00 or :30), not at {start.strftime('%H:%M')}")
        self.start = start


class OutsideServiceHours(DomainError):
    code = "outside_service_hours"

    def __init__(self, start: time, minutes: int) -> None:
        opens, closes = SERVICE_OPENS.strftime("%H:%M"), SERVICE_CLOSES.strftime("%H:%M")
        super().__init__(
            f"a {minutes}-minute visit starting at {start.strftime('%H:%M')} does not fit in service hours "
            f"{opens}-{closes} IST"
        )
        self.start = start
        self.minutes = minutes


def job_minutes(durations: Iterable[int]) -> int:
    """A visit lasts as long as its longest service, at most MAX_DURATION_MINUTES."""
    longest = max(durations, default=0)
    if longest < 1:
        raise InvalidValue("items", "a booking needs at least one service")
    return min(longest, MAX_DURATION_MINUTES)


def _minute(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def requested_slot(*, day: date, start: time, minutes: int, now: datetime) -> TimeSlot:
    """The UTC slot of a visit asked for on `day` at `start` (IST) lasting `minutes`, following the module's
    rules. Raises DateOutOfRange, SlotInPast, SlotTooSoon, SlotOffGrid or OutsideServiceHours."""
    if start.second or start.microsecond or _minute(start) % SLOT_STEP_MINUTES:
        raise SlotOffGrid(start)
    begins = datetime.combine(day, start, tzinfo=IST).astimezone(UTC)
    if begins <= now:
        raise SlotInPast(begins)
    if begins < now + LEAD_TIME:
        raise SlotTooSoon(begins, now + LEAD_TIME)
    check_bookable_date(day, now=now)
    if _minute(start) < _minute(SERVICE_OPENS) or _minute(start) + minutes > _minute(SERVICE_CLOSES):
        raise OutsideServiceHours(start, minutes)
    return TimeSlot(begins, begins + timedelta(minutes=minutes))
