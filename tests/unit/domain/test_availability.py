"""The bookable-slots policy: half-hour grid, working hours, existing jobs with their travel buffer, lead
time today, and the bookable date range."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.provider.availability import (
    HORIZON_DAYS,
    IST,
    LEAD_TIME,
    MAX_DURATION_MINUTES,
    SLOT_STEP_MINUTES,
    TRAVEL_BUFFER,
    DateOutOfRange,
    InvalidDuration,
    NoSlotsReason,
    bookable_slots,
    busy_window,
    check_bookable_date,
)
from domain.provider.entities import WorkingHours
from domain.shared.time_slot import TimeSlot

DAY = date(2026, 11, 26)  # a Thursday
MIDNIGHT = datetime.combine(DAY, time(), tzinfo=IST)
LONG_AGO = datetime(2026, 1, 1, tzinfo=UTC)


def ist(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=IST)


@st.composite
def working_hours(draw: st.DrawFn) -> WorkingHours:
    start = draw(st.integers(min_value=0, max_value=24 * 60 - 1))
    end = draw(st.integers(min_value=start + 1, max_value=24 * 60))
    days = draw(
        st.lists(st.sampled_from("01"), min_size=7, max_size=7).map("".join).filter(lambda d: "1" in d)
    )
    return WorkingHours(start, end, days)


@st.composite
def jobs(draw: st.DrawFn) -> TimeSlot:
    start = MIDNIGHT + timedelta(minutes=draw(st.integers(min_value=-12 * 60, max_value=25 * 60)))
    return TimeSlot(
        start.astimezone(UTC), (start + timedelta(minutes=draw(st.integers(1, 12 * 60)))).astimezone(UTC)
    )


durations = st.integers(min_value=1, max_value=MAX_DURATION_MINUTES)
nows = st.datetimes(
    min_value=datetime(2026, 11, 25), max_value=datetime(2026, 11, 27), timezones=st.just(UTC)
)


def minute_of_day(moment: datetime) -> float:
    return (moment - MIDNIGHT).total_seconds() / 60


@given(working_hours(), durations, st.lists(jobs(), max_size=6), nows)
def test_slots_are_sorted_on_the_grid_within_hours_and_clear_of_jobs_when_computed(
    hours: WorkingHours, duration: int, busy: list[TimeSlot], now: datetime
) -> None:
    result = bookable_slots(day=DAY, hours=hours, duration_minutes=duration, busy=busy, now=now)
    starts = [slot.start for slot in result.slots]
    assert starts == sorted(starts)
    assert len(set(starts)) == len(starts)
    for slot in result.slots:
        assert slot.duration == timedelta(minutes=duration)
        assert minute_of_day(slot.start) % SLOT_STEP_MINUTES == 0
        assert hours.start_minute <= minute_of_day(slot.start)
        assert minute_of_day(slot.end) <= hours.end_minute
        assert slot.start >= now + LEAD_TIME
        for job in busy:
            assert not (slot.start < job.end + TRAVEL_BUFFER and job.start < slot.end + TRAVEL_BUFFER)
    assert (result.reason is None) == bool(result.slots)


@given(working_hours(), durations, st.lists(jobs(), max_size=6))
def test_every_grid_slot_clear_of_jobs_is_offered_when_nothing_else_rules_it_out(
    hours: WorkingHours, duration: int, busy: list[TimeSlot]
) -> None:
    offered = bookable_slots(day=DAY, hours=hours, duration_minutes=duration, busy=busy, now=LONG_AGO).slots
    expected = []
    if hours.works_on(DAY.weekday()):
        for minute in range(0, 24 * 60, SLOT_STEP_MINUTES):
            start = MIDNIGHT + timedelta(minutes=minute)
            end = start + timedelta(minutes=duration)
            inside = hours.start_minute <= minute and minute + duration <= hours.end_minute
            clear = all(not (start < j.end + TRAVEL_BUFFER and j.start < end + TRAVEL_BUFFER) for j in busy)
            if inside and clear:
                expected.append(start)
    assert [slot.start for slot in offered] == expected


@given(working_hours(), durations, st.lists(jobs(), max_size=3))
def test_no_slots_when_the_provider_does_not_work_that_weekday(
    hours: WorkingHours, duration: int, busy: list[TimeSlot]
) -> None:
    off = WorkingHours(hours.start_minute, hours.end_minute, "1110111")  # Thursday off
    result = bookable_slots(day=DAY, hours=off, duration_minutes=duration, busy=busy, now=LONG_AGO)
    assert result.slots == ()
    assert result.reason is NoSlotsReason.DAY_OFF


def test_slots_start_on_the_half_hour_after_an_odd_opening_time_when_computed() -> None:
    hours = WorkingHours(9 * 60 + 10, 11 * 60, "1111111")
    slots = bookable_slots(day=DAY, hours=hours, duration_minutes=60, busy=[], now=LONG_AGO).slots
    assert [s.start.astimezone(IST).time() for s in slots] == [time(9, 30), time(10, 0)]


def test_a_job_blocks_its_slot_and_a_travel_buffer_on_both_sides_when_booked() -> None:
    hours = WorkingHours(9 * 60, 18 * 60, "1111111")
    job = TimeSlot(ist(12).astimezone(UTC), ist(13).astimezone(UTC))
    slots = bookable_slots(day=DAY, hours=hours, duration_minutes=60, busy=[job], now=LONG_AGO).slots
    local = [s.start.astimezone(IST).time() for s in slots]
    assert time(10, 30) in local  # ends 11:30, then 30 minutes of travel
    assert time(11, 0) not in local
    assert time(12, 30) not in local
    assert time(13, 0) not in local  # the travel buffer after the job
    assert time(13, 30) in local


def test_today_only_offers_slots_from_two_hours_ahead() -> None:
    hours = WorkingHours(9 * 60, 18 * 60, "1111111")
    now = ist(12, 10)
    result = bookable_slots(day=DAY, hours=hours, duration_minutes=60, busy=[], now=now)
    assert result.slots[0].start == ist(14, 30)
    late = bookable_slots(day=DAY, hours=hours, duration_minutes=60, busy=[], now=ist(16))
    assert late.slots == ()
    assert late.reason is NoSlotsReason.TOO_LATE_TODAY


def test_reasons_say_why_a_working_day_has_no_slots() -> None:
    short = WorkingHours(9 * 60, 10 * 60, "1111111")
    too_short = bookable_slots(day=DAY, hours=short, duration_minutes=90, busy=[], now=LONG_AGO)
    assert too_short.reason is NoSlotsReason.SHIFT_TOO_SHORT
    whole_day = TimeSlot(ist(8).astimezone(UTC), ist(11).astimezone(UTC))
    booked = bookable_slots(day=DAY, hours=short, duration_minutes=30, busy=[whole_day], now=LONG_AGO)
    assert booked.reason is NoSlotsReason.FULLY_BOOKED


def test_slots_are_in_utc_and_the_busy_window_covers_the_day_and_buffers() -> None:
    hours = WorkingHours(9 * 60, 10 * 60, "1111111")
    slot = bookable_slots(day=DAY, hours=hours, duration_minutes=60, busy=[], now=LONG_AGO).slots[0]
    assert slot.start == datetime(2026, 11, 26, 3, 30, tzinfo=UTC)
    assert slot.start.utcoffset() == timedelta(0)
    assert busy_window(DAY) == (
        datetime(2026, 11, 25, 18, 0, tzinfo=UTC),
        datetime(2026, 11, 26, 19, 0, tzinfo=UTC),
    )


@pytest.mark.parametrize("minutes", [0, -30, MAX_DURATION_MINUTES + 1])
def test_duration_is_refused_when_outside_the_allowed_range(minutes: int) -> None:
    hours = WorkingHours(9 * 60, 18 * 60)
    with pytest.raises(InvalidDuration):
        bookable_slots(day=DAY, hours=hours, duration_minutes=minutes, busy=[], now=LONG_AGO)


def test_bookable_dates_run_from_today_in_india_to_the_horizon() -> None:
    now = datetime(2026, 11, 25, 19, 0, tzinfo=UTC)  # already 26 Nov 00:30 in India
    check_bookable_date(date(2026, 11, 26), now=now)
    check_bookable_date(date(2026, 11, 26) + timedelta(days=HORIZON_DAYS), now=now)
    with pytest.raises(DateOutOfRange):
        check_bookable_date(date(2026, 11, 25), now=now)
    with pytest.raises(DateOutOfRange):
        check_bookable_date(date(2026, 11, 27) + timedelta(days=HORIZON_DAYS), now=now)
