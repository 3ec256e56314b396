"""Spans of time that a job occupies."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from domain.shared.errors import InvalidValue

MAX_DURATION = timedelta(hours=12)
ORIGIN = datetime.min.replace(tzinfo=UTC)


class InvalidTimeSlot(InvalidValue):
    """A time slot needs timezone-aware ends, the start before the end, and lasts at most 12 hours."""

    code = "invalid_time_slot"

    def __init__(self, start: object, end: object, reason: str) -> None:
        super().__init__("time_slot", f"{start} to {end} is not a valid time slot: {reason}")
        self.start = start
        self.end = end
        self.reason = reason


def _is_aware(moment: object) -> bool:
    return isinstance(moment, datetime) and moment.utcoffset() is not None


def _since_origin(moment: datetime) -> timedelta:
    """The moment's distance from 0001-01-01 UTC: exact across offsets and DST folds, free of overflow."""
    return moment - ORIGIN


@dataclass(frozen=True, slots=True)
class TimeSlot:
    """The half-open span [start, end) of a job: start included, end excluded.

    Both ends are timezone-aware (naive datetimes are refused) and kept as given; callers pass UTC. The start
    comes before the end and a slot lasts at most 12 hours: a multi-day job books several slots. Slots are
    compared as instants, whatever their offsets.
    """

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if not (_is_aware(self.start) and _is_aware(self.end)):
            raise InvalidTimeSlot(self.start, self.end, "start and end must be timezone-aware datetimes")
        if self.duration <= timedelta(0):
            raise InvalidTimeSlot(self.start, self.end, "the start must come before the end")
        if self.duration > MAX_DURATION:
            raise InvalidTimeSlot(self.start, self.end, f"it lasts longer than {MAX_DURATION}")

    @classmethod
    def starting(cls, start: datetime, minutes: int) -> "TimeSlot":
        """The slot of `minutes` minutes from `start`; raises InvalidTimeSlot unless 1 to 720 minutes."""
        try:
            end = start + timedelta(minutes=minutes)
        except OverflowError as exc:
            raise InvalidTimeSlot(start, f"{minutes} minutes later", "out of the calendar's range") from exc
        return cls(start, end)

    def _span(self) -> tuple[timedelta, timedelta]:
        return _since_origin(self.start), _since_origin(self.end)

    @property
    def duration(self) -> timedelta:
        start, end = self._span()
        return end - start

    def overlaps(self, other: "TimeSlot") -> bool:
        """Whether the slots share an instant; one ending exactly when the other starts does not overlap."""
        start, end = self._span()
        other_start, other_end = other._span()
        return start < other_end and other_start < end

    def contains(self, instant: datetime) -> bool:
        """Whether `instant` falls in the slot: at the start yes, at the end no; naive raises TypeError."""
        if not _is_aware(instant):
            raise TypeError(f"instant must be a timezone-aware datetime, not {instant!r}")
        start, end = self._span()
        return start <= _since_origin(instant) < end

    def shifted(self, delta: timedelta) -> "TimeSlot":
        """The same slot moved by `delta` (earlier when negative)."""
        try:
            return TimeSlot(self.start + delta, self.end + delta)
        except OverflowError as exc:
            raise InvalidTimeSlot(self.start, self.end, f"shifting by {delta} leaves the calendar") from exc
