"""The booking-time rules: grid, service hours, lead time, horizon and job length."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.booking.policy import (
    SERVICE_CLOSES,
    SERVICE_OPENS,
    OutsideServiceHours,
    SlotInPast,
    SlotOffGrid,
    SlotTooSoon,
    job_minutes,
    requested_slot,
)
from domain.provider.availability import DateOutOfRange
from domain.shared.errors import InvalidValue

NOW = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)  # 12:00 in India
DAY = date(2026, 11, 30)


def test_a_slot_on_the_grid_inside_service_hours_is_converted_to_utc_when_requested() -> None:
    slot = requested_slot(day=DAY, start=time(8, 0), minutes=90, now=NOW)
    assert slot.start == datetime(2026, 11, 30, 2, 30, tzinfo=UTC)
    assert slot.end - slot.start == timedelta(minutes=90)
    assert (time(8, 0), time(20, 0)) == (SERVICE_OPENS, SERVICE_CLOSES)


@pytest.mark.parametrize(
    ("day", "start", "minutes", "error"),
    [
        (date(2026, 11, 24), time(11, 30), 60, SlotInPast),
        (date(2026, 11, 24), time(13, 30), 60, SlotTooSoon),
        (DAY, time(9, 45), 60, SlotOffGrid),
        (DAY, time(7, 30), 60, OutsideServiceHours),
        (DAY, time(19, 30), 60, OutsideServiceHours),
        (date(2027, 1, 30), time(10, 0), 60, DateOutOfRange),
    ],
)
def test_a_slot_is_refused_when_it_breaks_a_rule(day: date, start: time, minutes: int, error: type) -> None:
    with pytest.raises(error):
        requested_slot(day=day, start=start, minutes=minutes, now=NOW)


def test_a_slot_exactly_two_hours_ahead_is_accepted_when_today() -> None:
    assert requested_slot(
        day=date(2026, 11, 24), start=time(14, 0), minutes=60, now=NOW
    ).start == NOW + timedelta(hours=2)


@given(st.lists(st.integers(min_value=1, max_value=10080), min_size=1, max_size=5))
def test_a_visit_lasts_its_longest_service_capped_at_nine_hours(durations: list[int]) -> None:
    assert job_minutes(durations) == min(max(durations), 540)


def test_a_visit_needs_a_service() -> None:
    with pytest.raises(InvalidValue):
        job_minutes([])
