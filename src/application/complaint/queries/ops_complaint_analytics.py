"""Ops read complaint analytics for a range of India days: counts, SLA compliance, mean times, workload
and the daily trend."""

from collections.abc import Mapping
from datetime import date, datetime, timedelta

import msgspec

from application.common.errors import InvalidInput
from application.common.ports import Clock
from application.complaint.desk_ports import (
    AnalyticsWindow,
    ComplaintAnalyticsSource,
    ComplaintFigures,
    Duration,
    SlaCounts,
)
from application.complaint.desk_rules import day_range
from application.complaint.desk_views import (
    ComplaintAnalyticsView,
    CountView,
    MeanTimeView,
    SlaFigureView,
    SlaView,
    TrendDayView,
    WorkloadView,
)
from application.staff.access import Operator, require
from application.staff.audit import Audit, Origin
from domain.complaint.entities import ComplaintStatus, ComplaintType, Priority
from domain.provider.availability import TIMEZONE_NAME, local_date

DEFAULT_DAYS = 30
MAX_DAYS = 366


class ComplaintAnalyticsQuery(msgspec.Struct, frozen=True):
    date_from: date | None = None  # India days, both inclusive; the last 30 days when left out
    date_to: date | None = None
    origin: Origin = Origin()


def _counts(found: Mapping[str, int], keys: list[str]) -> list[CountView]:
    return [CountView(key=k, count=int(found.get(k, 0))) for k in keys]


def _sla(counts: SlaCounts) -> SlaFigureView:
    decided = counts.met + counts.breached
    percent = round(100 * counts.met / decided, 1) if decided else None
    return SlaFigureView(met=counts.met, breached=counts.breached, compliance_percent=percent)


def _mean(duration: Duration) -> MeanTimeView:
    minutes = round(duration.seconds / duration.count / 60, 1) if duration.count else None
    return MeanTimeView(complaints=duration.count, mean_minutes=minutes)


def report(
    figures: ComplaintFigures, first: date, last: date, generated_at: datetime
) -> ComplaintAnalyticsView:
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    workload = sorted(
        (
            WorkloadView(
                staff_id=w.staff_id,
                name=w.name,
                open=w.open,
                in_progress=w.in_progress,
                escalated=w.escalated,
                total=w.open + w.in_progress + w.escalated,
                overdue=w.overdue,
            )
            for w in figures.workload
        ),
        key=lambda w: (w.staff_id is None, -w.total, w.name, w.staff_id or 0),
    )
    return ComplaintAnalyticsView(
        date_from=first,
        date_to=last,
        timezone=TIMEZONE_NAME,
        generated_at=generated_at,
        total=sum(figures.by_status.values()),
        by_status=_counts(figures.by_status, [s.value for s in ComplaintStatus]),
        by_type=_counts(figures.by_type, [t.value for t in ComplaintType]),
        by_priority=_counts(figures.by_priority, [p.value for p in Priority]),
        sla=SlaView(first_response=_sla(figures.first_response), resolution=_sla(figures.resolution)),
        first_response=_mean(figures.time_to_first_response),
        resolution=_mean(figures.time_to_resolution),
        workload=workload,
        trend=[
            TrendDayView(
                day=d, opened=figures.opened_by_day.get(d, 0), resolved=figures.resolved_by_day.get(d, 0)
            )
            for d in days
        ],
    )


class ComplaintAnalytics:
    """Needs analytics.view (refusals are logged). Complaints created in the India days [from, to] (the
    last 30 days, today included, when left out): counts by status, type and priority; SLA compliance
    (met / decided, one decimal); mean minutes to first response and to resolution; each day's opened and
    resolved counts. Workload is every active complaint per assignee right now, whatever the range.
    InvalidInput (400) for a reversed range or one longer than 366 days."""

    def __init__(self, source: ComplaintAnalyticsSource, audit: Audit, clock: Clock) -> None:
        self._source, self._audit, self._clock = source, audit, clock

    async def execute(self, query: ComplaintAnalyticsQuery, *, actor: Operator) -> ComplaintAnalyticsView:
        async with self._audit.refusals(
            actor, action="complaints.analytics", target_type="complaint", target_id=None, origin=query.origin
        ):
            require(actor, "analytics.view")
        return await self.compute(query)

    async def compute(self, query: ComplaintAnalyticsQuery) -> ComplaintAnalyticsView:
        """The report, without the permission check (the export checks its own)."""
        now = self._clock.now()
        last = query.date_to or local_date(now)
        first = query.date_from or last - timedelta(days=DEFAULT_DAYS - 1)
        if (last - first).days + 1 > MAX_DAYS:
            raise InvalidInput("from", f"a range is at most {MAX_DAYS} days")
        start, end = day_range(first, last)
        if start is None or end is None:  # pragma: no cover - both days are given
            raise InvalidInput("from", "a range needs both ends")
        figures = await self._source.figures(AnalyticsWindow(created_from=start, created_before=end, now=now))
        return report(figures, first, last, now)
