"""Ops export the complaint analytics report as CSV."""

from application.common.ports import UnitOfWork
from application.complaint.desk_csv import analytics_csv
from application.complaint.queries.ops_complaint_analytics import ComplaintAnalytics, ComplaintAnalyticsQuery
from application.staff.access import Operator, actor_id, require
from application.staff.audit import Audit


class ExportComplaintAnalytics:
    """Needs analytics.export (refusals are logged). The same figures as ComplaintAnalytics as CSV rows
    (section, key, metric, value); each export is written to the activity log with its range."""

    def __init__(self, analytics: ComplaintAnalytics, audit: Audit, uow: UnitOfWork) -> None:
        self._analytics, self._audit, self._uow = analytics, audit, uow

    async def execute(self, query: ComplaintAnalyticsQuery, *, actor: Operator) -> str:
        action = "complaints.analytics_export"
        async with self._audit.refusals(
            actor, action=action, target_type="complaint", target_id=None, origin=query.origin
        ):
            require(actor, "analytics.export")
        report = await self._analytics.compute(query)
        await self._audit.record(
            by=actor_id(actor),
            action=action,
            target_type="complaint",
            target_id=None,
            origin=query.origin,
            after={"from": report.date_from.isoformat(), "to": report.date_to.isoformat()},
        )
        await self._uow.commit()
        return analytics_csv(report)
