"""When a provider can take a job on one day: the bookable-slots policy.

Rules (days are calendar days in Asia/Kolkata, which has no daylight saving):
- a slot starts on the half hour (:00 or :30) at or after the provider's opening time and the job ends by
  closing time; a day the provider does not work has no slots;
- the provider's existing jobs (bookings pending, confirmed or in progress) block their slot plus a travel
  buffer after it. Every job needs that buffer, the new one too, so a slot is refused when it, or the buffer
  after it, overlaps a blocked span;
- today, only slots starting at least LEAD_TIME from now;
- bookable days run from today to HORIZON_DAYS ahead.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from enum import StrEnum

from domain.booking.entities import BookingStatus
from domain.provider.entities import WorkingHours
from domain.shared.errors import InvalidValue
from domain.shared.time_slot import TimeSlot

IST = timezone(timedelta(hours=5, minutes=30), "IST")
TIMEZONE_NAME = "Asia/Kolkata"
SLOT_STEP_MINUTES = 30
TRAVEL_BUFFER = timedelta(minutes=30)
LEAD_TIME = timedelta(hours=2)
HORIZON_DAYS = 30
DEFAULT_DURATION_MINUTES = 60
MAX_DURATION_MINUTES = 540
BLOCKING_STATUSES = frozenset({BookingStatus.PENDING, BookingStatus.CONFIRMED, BookingStatus.IN_PROGRESS})


class NoSlotsReason(StrEnum):
    """Why a day has no bookable slot."""

    DAY_OFF = "day_off"
    SHIFT_TOO_SHORT = "shift_too_short"
    TOO_LATE_TODAY = "too_late_today"
    FULLY_BOOKED = "fully_booked"


class DateOutOfRange(InvalidValue):
    """Slots can be asked for from today (in India) to HORIZON_DAYS ahead."""

    code = "date_out_of_range"

    def __init__(self, day: date, first: date, last: date) -> None:
        super().__init__("date", f"{day.isoformat()} is not bookable: pick a day from {first} to {last}")
        self.day = day
        self.first = first
        self.last = last


class InvalidDuration(InvalidValue):
    code = "invalid_duration"

    def __init__(self, minutes: int) -> None:
        super().__init__(
            "duration_minutes", f"a job lasts 1 to {MAX_DURATION_MINUTES} minutes, not {minutes}"
        )
        self.minutes = minutes


@dataclass(frozen=True, slots=True)
class DaySlots:
    """The bookable slots of one day, earliest first (UTC), and why there are none when empty."""

    day: date
    slots: tuple[TimeSlot, ...]
    reason: NoSlotsReason | None


def local_date(instant: datetime) -> date:
    """The calendar day in India at `instant`."""
    return instant.astimezone(IST).date()


def ist_midnight(day: date) -> datetime:
    """The UTC instant India's day `day` starts."""
    return datetime.combine(day, time(), tzinfo=IST).astimezone(UTC)


def check_bookable_date(day: date, *, now: datetime) -> None:
    """Raise DateOutOfRange unless `day` is today (in India) or at most HORIZON_DAYS ahead."""
    first = local_date(now)
    last = first + timedelta(days=HORIZON_DAYS)
    if not first <= day <= last:
        raise DateOutOfRange(day, first, last)


def check_duration(minutes: int) -> None:
    if not 1 <= minutes <= MAX_DURATION_MINUTES:
        raise InvalidDuration(minutes)


def busy_window(day: date) -> tuple[datetime, datetime]:
    """The UTC span whose jobs can block a slot on `day`: the day widened by the travel buffer."""
    midnight = datetime.combine(day, time(), tzinfo=IST)
    start, end = midnight - TRAVEL_BUFFER, midnight + timedelta(days=1) + TRAVEL_BUFFER
    return start.astimezone(UTC), end.astimezone(UTC)


def bookable_slots(
    *, day: date, hours: WorkingHours, duration_minutes: int, busy: Iterable[TimeSlot], now: datetime
) -> DaySlots:
    """The slots of `duration_minutes` a provider with these hours and existing jobs (`busy`) can take on
    `day`, following the module's rules. Raises InvalidDuration outside 1..MAX_DURATION_MINUTES."""
    check_duration(duration_minutes)
    if not hours.works_on(day.weekday()):
        return DaySlots(day, (), NoSlotsReason.DAY_OFF)
    midnight = datetime.combine(day, time(), tzinfo=IST)
    first = -(-hours.start_minute // SLOT_STEP_MINUTES) * SLOT_STEP_MINUTES
    starts = range(first, hours.end_minute - duration_minutes + 1, SLOT_STEP_MINUTES)
    candidates = [
        TimeSlot.starting((midnight + timedelta(minutes=m)).astimezone(UTC), duration_minutes) for m in starts
    ]
    if not candidates:
        return DaySlots(day, (), NoSlotsReason.SHIFT_TOO_SHORT)
    earliest = now + LEAD_TIME
    candidates = [slot for slot in candidates if slot.start >= earliest]
    if not candidates:
        return DaySlots(day, (), NoSlotsReason.TOO_LATE_TODAY)
    blocked = [(job.start, job.end + TRAVEL_BUFFER) for job in busy]
    free = tuple(
        slot
        for slot in candidates
        if not any(slot.start < end and start < slot.end + TRAVEL_BUFFER for start, end in blocked)
    )
    return DaySlots(day, free, None if free else NoSlotsReason.FULLY_BOOKED)
