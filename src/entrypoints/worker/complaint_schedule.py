"""When the arq worker runs the SLA monitor: derived from the one configured MONITOR_INTERVAL
(domain.complaint.policy), which the embedded profile's loop uses too."""

from datetime import timedelta
from typing import TypedDict

from domain.complaint.policy import MONITOR_INTERVAL

OFFSET_SECOND = 30
"""Minute-based schedules fire at this second, away from the outbox delivery at second 0."""


class CronFields(TypedDict, total=False):
    """The arq `cron(...)` keyword arguments of the schedule."""

    second: set[int]
    minute: set[int]


def monitor_cron(interval: timedelta = MONITOR_INTERVAL) -> CronFields:
    """arq cron fields that fire every `interval`: a whole number of seconds dividing a minute (second=...),
    or of minutes dividing an hour (minute=..., at OFFSET_SECOND). ValueError for any other interval, which
    a cron schedule cannot express."""
    total = interval.total_seconds()
    seconds = int(total)
    if seconds != total or seconds <= 0:
        raise ValueError(f"the SLA monitor interval must be a whole number of seconds, not {interval}")
    if seconds < 60 and 60 % seconds == 0:
        return CronFields(second=set(range(0, 60, seconds)))
    minutes, rest = divmod(seconds, 60)
    if rest == 0 and 60 % minutes == 0:
        return CronFields(minute=set(range(0, 60, minutes)), second={OFFSET_SECOND})
    raise ValueError(f"the SLA monitor interval {interval} does not divide a minute or an hour evenly")
