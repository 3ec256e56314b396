from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from domain.shared.errors import InvalidValue
from domain.shared.time_slot import MAX_DURATION, InvalidTimeSlot, TimeSlot

IST = timezone(timedelta(hours=5, minutes=30), "IST")
ONE_MICROSECOND = timedelta(microseconds=1)
starts = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC))
durations = st.timedeltas(min_value=ONE_MICROSECOND, max_value=MAX_DURATION)
offsets = st.builds(timezone, st.timedeltas(min_value=timedelta(hours=-23), max_value=timedelta(hours=23)))
shifts = st.timedeltas(min_value=timedelta(days=-30), max_value=timedelta(days=30))


@st.composite
def slots(draw: st.DrawFn) -> TimeSlot:
    start = draw(starts)
    return TimeSlot(start, start + draw(durations))


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 3, 14, hour, minute, tzinfo=UTC)


@given(slots(), slots())
def test_overlaps_is_symmetric_when_comparing_any_two_slots(a: TimeSlot, b: TimeSlot) -> None:
    assert a.overlaps(b) == b.overlaps(a)


@given(slots())
def test_slot_overlaps_itself_when_valid(slot: TimeSlot) -> None:
    assert slot.overlaps(slot)


@given(slots())
def test_slot_never_overlaps_its_shift_by_its_own_duration_when_booked_back_to_back(slot: TimeSlot) -> None:
    assert not slot.overlaps(slot.shifted(slot.duration))
    assert not slot.overlaps(slot.shifted(-slot.duration))


@given(slots(), st.data())
def test_slot_overlaps_its_shift_when_moved_by_less_than_its_duration(
    slot: TimeSlot, data: st.DataObject
) -> None:
    delta = data.draw(st.timedeltas(min_value=-slot.duration + ONE_MICROSECOND, max_value=slot.duration))
    assume(delta != slot.duration)

    assert slot.overlaps(slot.shifted(delta))


@given(slots(), shifts)
def test_shifted_keeps_the_duration_when_moved_by_any_delta(slot: TimeSlot, delta: timedelta) -> None:
    moved = slot.shifted(delta)

    assert moved.duration == slot.duration
    assert moved.start == slot.start + delta
    assert moved.shifted(-delta) == slot


@given(slots())
def test_contains_includes_the_start_and_excludes_the_end_when_slot_is_valid(slot: TimeSlot) -> None:
    assert slot.contains(slot.start)
    assert slot.contains(slot.end - ONE_MICROSECOND)
    assert not slot.contains(slot.end)
    assert not slot.contains(slot.start - ONE_MICROSECOND)


@given(slots(), slots())
def test_overlap_means_a_shared_instant_when_slots_are_compared(a: TimeSlot, b: TimeSlot) -> None:
    latest_start = max(a.start, b.start)

    assert a.overlaps(b) == (a.contains(latest_start) and b.contains(latest_start))


@given(slots(), slots(), offsets)
def test_slots_compare_as_instants_when_written_in_another_offset(
    a: TimeSlot, b: TimeSlot, zone: timezone
) -> None:
    local = TimeSlot(a.start.astimezone(zone), a.end.astimezone(zone))

    assert local == a
    assert local.duration == a.duration
    assert local.overlaps(b) == a.overlaps(b)
    assert local.contains(b.start) == a.contains(b.start)


@given(starts, st.integers(min_value=1, max_value=720))
def test_starting_lasts_the_given_minutes_when_between_1_and_720(start: datetime, minutes: int) -> None:
    slot = TimeSlot.starting(start, minutes)

    assert slot.start == start
    assert slot.duration == timedelta(minutes=minutes)


@given(starts, st.integers(max_value=0) | st.integers(min_value=721))
def test_starting_refuses_when_minutes_are_outside_1_to_720(start: datetime, minutes: int) -> None:
    with pytest.raises(InvalidTimeSlot):
        TimeSlot.starting(start, minutes)


def test_slot_keeps_its_ends_as_given_when_built_in_ist() -> None:
    start = datetime(2025, 3, 14, 10, 0, tzinfo=IST)
    slot = TimeSlot(start, start + timedelta(hours=2))

    assert slot.start.tzinfo is IST
    assert slot == TimeSlot(at(4, 30), at(6, 30))
    assert slot.overlaps(TimeSlot(at(6), at(7)))
    assert not slot.overlaps(TimeSlot(at(6, 30), at(7)))


def test_slot_is_accepted_when_it_lasts_exactly_twelve_hours() -> None:
    assert TimeSlot(at(8), at(20)).duration == timedelta(hours=12)


@pytest.mark.parametrize(
    ("start", "end", "reason"),
    [
        (datetime(2025, 3, 14, 10), datetime(2025, 3, 14, 12), "timezone-aware"),
        (at(10), datetime(2025, 3, 14, 12), "timezone-aware"),
        (date(2025, 3, 14), at(12), "timezone-aware"),
        (at(10), at(10), "before the end"),
        (at(12), at(10), "before the end"),
        (at(8), at(20) + ONE_MICROSECOND, "longer than 12:00:00"),
        (at(0), at(0) + timedelta(days=2), "longer than 12:00:00"),
    ],
)
def test_slot_is_refused_with_its_ends_when_a_rule_is_broken(
    start: datetime, end: datetime, reason: str
) -> None:
    with pytest.raises(InvalidTimeSlot) as caught:
        TimeSlot(start, end)

    assert isinstance(caught.value, InvalidValue)
    assert caught.value.code == "invalid_time_slot"
    assert caught.value.field == "time_slot"
    assert (caught.value.start, caught.value.end) == (start, end)
    assert reason in caught.value.reason


def test_contains_raises_type_error_when_instant_is_naive() -> None:
    with pytest.raises(TypeError, match="timezone-aware"):
        TimeSlot(at(10), at(12)).contains(datetime(2025, 3, 14, 11))


def test_shifted_refuses_when_the_slot_would_leave_the_calendar() -> None:
    last = datetime.max.replace(tzinfo=UTC)
    slot = TimeSlot(last - timedelta(hours=1), last)

    with pytest.raises(InvalidTimeSlot, match="leaves the calendar"):
        slot.shifted(timedelta(hours=1))
    with pytest.raises(InvalidTimeSlot, match="calendar's range"):
        TimeSlot.starting(last, 30)
