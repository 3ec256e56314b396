"""The complaint analytics report as CSV: one figure per row (section, key, metric, value)."""

import csv
import io

from application.complaint.desk_views import ComplaintAnalyticsView, SlaFigureView

CSV_HEADER = ("section", "key", "metric", "value")


def _blank(value: object) -> str:
    return "" if value is None else str(value)


def analytics_csv(report: ComplaintAnalyticsView) -> str:
    """Rows in the report's order: range, total, counts, SLA, mean times, workload, trend."""
    rows: list[tuple[str, str, str, str]] = [
        ("range", "from", "date", report.date_from.isoformat()),
        ("range", "to", "date", report.date_to.isoformat()),
        ("summary", "all", "complaints", str(report.total)),
    ]
    for section, counts in (
        ("status", report.by_status),
        ("type", report.by_type),
        ("priority", report.by_priority),
    ):
        rows += [(section, c.key, "complaints", str(c.count)) for c in counts]
    sla: tuple[tuple[str, SlaFigureView], ...] = (
        ("first_response", report.sla.first_response),
        ("resolution", report.sla.resolution),
    )
    for key, figure in sla:
        rows += [
            ("sla", key, "met", str(figure.met)),
            ("sla", key, "breached", str(figure.breached)),
            ("sla", key, "compliance_percent", _blank(figure.compliance_percent)),
        ]
    for key, mean in (("first_response", report.first_response), ("resolution", report.resolution)):
        rows += [
            ("mean_time", key, "complaints", str(mean.complaints)),
            ("mean_time", key, "mean_minutes", _blank(mean.mean_minutes)),
        ]
    for w in report.workload:
        key = f"{w.staff_id} {w.name}" if w.staff_id is not None else w.name
        for metric in ("open", "in_progress", "escalated", "total", "overdue"):
            rows.append(("workload", key, metric, str(getattr(w, metric))))
    for day in report.trend:
        rows += [
            ("trend", day.day.isoformat(), "opened", str(day.opened)),
            ("trend", day.day.isoformat(), "resolved", str(day.resolved)),
        ]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(rows)
    return out.getvalue()
