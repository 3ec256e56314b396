"""The worker's SLA-monitor schedule is derived from MONITOR_INTERVAL, not written separately."""

from datetime import timedelta

import pytest

from domain.complaint.policy import MONITOR_INTERVAL
from entrypoints.http.complaint_monitor import complaint_monitor
from entrypoints.worker.complaint_schedule import monitor_cron


def test_the_configured_minute_fires_every_minute_at_second_30() -> None:
    assert timedelta(minutes=1) == MONITOR_INTERVAL
    assert monitor_cron(MONITOR_INTERVAL) == {"minute": set(range(60)), "second": {30}}


@pytest.mark.parametrize(
    ("interval", "expected"),
    [
        (timedelta(seconds=20), {"second": {0, 20, 40}}),
        (timedelta(minutes=5), {"minute": set(range(0, 60, 5)), "second": {30}}),
        (timedelta(minutes=1), {"minute": set(range(60)), "second": {30}}),
    ],
)
def test_other_intervals_give_matching_cron_fields(
    interval: timedelta, expected: dict[str, set[int]]
) -> None:
    assert monitor_cron(interval) == expected


@pytest.mark.parametrize(
    "interval", [timedelta(seconds=7), timedelta(minutes=7), timedelta(0), timedelta(seconds=1.5)]
)
def test_intervals_a_cron_cannot_express_are_refused(interval: timedelta) -> None:
    with pytest.raises(ValueError, match="interval"):
        monitor_cron(interval)


def test_the_embedded_loop_defaults_to_the_same_interval() -> None:
    defaults = complaint_monitor.__kwdefaults__
    assert defaults is not None
    assert defaults["interval"] == MONITOR_INTERVAL.total_seconds()
