"""`nexora complaints ...` and `nexora queue`: the ops complaint desk in a terminal, acting as the system
(full rights, like `nexora staff`). The same use cases as the ops API run here, so every change lands in the
staff activity log (with no acting member and a `cli-...` request id)."""

from datetime import date, datetime

import click
from dishka import AsyncContainer
from rich.panel import Panel
from rich.table import Table

from application.complaint.commands.escalate_breached import EscalateBreachedComplaints, EscalationReport
from application.complaint.commands.ops_assign_complaint import AssignComplaint, AssignComplaintHandler
from application.complaint.commands.ops_change_complaint_status import (
    ChangeComplaintStatus,
    ChangeComplaintStatusHandler,
)
from application.complaint.commands.ops_resolve_complaint import ResolveComplaint, ResolveComplaintHandler
from application.complaint.desk_views import (
    ComplaintAnalyticsView,
    DeskComplaintDetail,
    DeskComplaintPage,
    QueuePage,
)
from application.complaint.queries.ops_complaint_analytics import ComplaintAnalytics, ComplaintAnalyticsQuery
from application.complaint.queries.ops_complaint_queue import ComplaintQueue, ComplaintQueueQuery
from application.complaint.queries.ops_export_complaint_analytics import ExportComplaintAnalytics
from application.complaint.queries.ops_get_complaint import GetDeskComplaint, GetDeskComplaintQuery
from application.complaint.queries.ops_list_complaints import ListDeskComplaints, ListDeskComplaintsQuery
from application.staff.queries.find_staff_by_email import FindStaffByEmail, FindStaffByEmailQuery
from domain.provider.availability import IST
from entrypoints.cli.runtime import OPERATOR, cli_origin, console, run

DAY = click.DateTime(formats=["%Y-%m-%d"])


def _ist(moment: datetime | None) -> str:
    return moment.astimezone(IST).strftime("%Y-%m-%d %H:%M") if moment else "-"


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def _show(view: DeskComplaintDetail) -> None:
    c = view.customer
    lines = [
        f"[bold]{view.subject}[/]  ({view.type}, {view.status})",
        f"priority {view.priority} (score {view.priority_score}), escalation level {view.escalation_level}"
        + ("  [bold red]SLA breached[/]" if view.sla_breached else ""),
        f"customer {c.name} (id {c.id}), email {c.email or '-'}, phone {c.phone or '-'}",
        f"assignee {view.assignee_name or 'nobody'}; first response due {_ist(view.first_response_due_at)}, "
        f"resolution due {_ist(view.resolution_due_at)} (IST)",
    ]
    if view.booking:
        b = view.booking
        lines.append(f"booking {b.reference} ({b.status}) {_ist(b.slot_start)}, {b.currency} {b.total}")
    if view.priority_factors:
        lines.append("why: " + "; ".join(f"{f.name} +{f.points} ({f.detail})" for f in view.priority_factors))
    if view.resolution:
        lines.append(f"resolution: {view.resolution}")
    lines.append(view.description)
    console.print(Panel("\n".join(lines), title=f"Complaint {view.id}", expand=False))
    table = Table(title="Timeline (IST)")
    for column in ("When", "Who", "Kind", "Message"):
        table.add_column(column, overflow="fold")
    for entry in view.timeline:
        who = entry.author_name or entry.author
        kind = entry.kind + (" [yellow](internal)[/]" if entry.is_internal else "")
        table.add_row(_ist(entry.created_at), who, kind, entry.message)
    console.print(table)


@click.group()
def complaints() -> None:
    """The complaint desk: list, show, assign, resolve and escalate complaints; analytics."""


@complaints.command("list")
@click.option("--status", default=None, help="open, in_progress, escalated, resolved or closed.")
@click.option("--type", "kind", default=None, help="no_show, damage, safety, ...")
@click.option("--priority", default=None, help="low, medium, high or critical.")
@click.option("--assignee", default=None, help="A staff id, or `none` for unassigned.")
@click.option("--sla", default=None, help="`breached` or `at_risk`.")
@click.option("--from", "date_from", type=DAY, default=None, help="First India day of creation.")
@click.option("--to", "date_to", type=DAY, default=None, help="Last India day of creation.")
@click.option("--limit", type=click.IntRange(1, 100), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
def list_complaints(
    status: str | None,
    kind: str | None,
    priority: str | None,
    assignee: str | None,
    sla: str | None,
    date_from: datetime | None,
    date_to: datetime | None,
    limit: int,
    offset: int,
) -> None:
    """Complaints as a table, newest first."""
    query = ListDeskComplaintsQuery(
        status=status,
        type=kind,
        priority=priority,
        assignee=assignee,
        sla=sla,
        date_from=_day(date_from),
        date_to=_day(date_to),
        limit=limit,
        offset=offset,
    )

    async def work(container: AsyncContainer) -> DeskComplaintPage:
        async with container() as scope:
            return await (await scope.get(ListDeskComplaints)).execute(query, actor=OPERATOR)

    page = run(work)
    table = Table(title="Nexora complaints")
    for column, justify in (
        ("Id", "right"),
        ("Opened (IST)", "left"),
        ("Type", "left"),
        ("Priority", "left"),
        ("Score", "right"),
        ("Status", "left"),
        ("Assignee", "left"),
        ("SLA", "left"),
        ("Subject", "left"),
    ):
        table.add_column(column, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for c in page.items:
        sla_text = "[bold red]breached[/]" if c.sla_breached else "ok"
        table.add_row(
            str(c.id),
            _ist(c.created_at),
            c.type,
            c.priority,
            str(c.priority_score),
            c.status,
            c.assignee_name or "-",
            sla_text,
            c.subject,
        )
    table.caption = f"{len(page.items)} of {page.total} complaints"
    console.print(table)


@complaints.command("show")
@click.argument("complaint_id", type=int)
def show(complaint_id: int) -> None:
    """One complaint with its customer, booking and whole timeline (internal notes included)."""
    query = GetDeskComplaintQuery(complaint_id=complaint_id, origin=cli_origin())

    async def work(container: AsyncContainer) -> DeskComplaintDetail:
        async with container() as scope:
            return await (await scope.get(GetDeskComplaint)).execute(query, actor=OPERATOR)

    _show(run(work))


@complaints.command("assign")
@click.argument("complaint_id", type=int)
@click.argument("member")
def assign(complaint_id: int, member: str) -> None:
    """Give complaint COMPLAINT_ID to MEMBER (a staff id or email) who may work complaints."""

    async def work(container: AsyncContainer) -> DeskComplaintDetail:
        async with container() as scope:
            staff_id = int(member) if member.isdigit() else None
            if staff_id is None:
                found = await (await scope.get(FindStaffByEmail)).execute(
                    FindStaffByEmailQuery(email=member), actor=OPERATOR
                )
                staff_id = found.id
            cmd = AssignComplaint(complaint_id=complaint_id, staff_id=staff_id, origin=cli_origin())
            return await (await scope.get(AssignComplaintHandler)).execute(cmd, actor=OPERATOR)

    view = run(work)
    console.print(f"complaint {view.id} assigned to {view.assignee_name} (id {view.assigned_staff_id})")


@complaints.command("resolve")
@click.argument("complaint_id", type=int)
@click.argument("note")
def resolve(complaint_id: int, note: str) -> None:
    """Resolve complaint COMPLAINT_ID with the resolution NOTE."""
    cmd = ResolveComplaint(complaint_id=complaint_id, note=note, origin=cli_origin())

    async def work(container: AsyncContainer) -> DeskComplaintDetail:
        async with container() as scope:
            return await (await scope.get(ResolveComplaintHandler)).execute(cmd, actor=OPERATOR)

    view = run(work)
    console.print(f"complaint {view.id} {view.status}: {view.resolution}")


@complaints.command("escalate")
@click.argument("complaint_id", type=int, required=False)
@click.option("--note", default="", help="Why (when escalating one complaint by hand).")
def escalate(complaint_id: int | None, note: str) -> None:
    """Run the SLA monitor once (every breached complaint escalates, once per breach), or with
    COMPLAINT_ID escalate that complaint by hand (reassigned to a more senior member, customer notified;
    the note stays internal)."""
    if complaint_id is not None:
        cmd = ChangeComplaintStatus(
            complaint_id=complaint_id, status="escalated", note=note, origin=cli_origin()
        )

        async def one(container: AsyncContainer) -> DeskComplaintDetail:
            async with container() as scope:
                return await (await scope.get(ChangeComplaintStatusHandler)).execute(cmd, actor=OPERATOR)

        view = run(one)
        console.print(
            f"complaint {view.id} escalated: priority {view.priority}, level {view.escalation_level}"
        )
        return

    async def monitor(container: AsyncContainer) -> EscalationReport:
        async with container() as scope:
            return await (await scope.get(EscalateBreachedComplaints)).execute(actor=OPERATOR)

    report = run(monitor)
    table = Table(title="Escalated by the SLA monitor")
    for column in ("Complaint", "Breaches", "Priority", "Assigned to"):
        table.add_column(column)
    for e in report.escalations:
        table.add_row(str(e.complaint_id), ", ".join(e.breaches), e.priority, str(e.assigned_staff_id or "-"))
    table.caption = f"{len(report.escalations)} escalations of {report.breached} breached complaints"
    console.print(table)


@complaints.command("analytics")
@click.option("--from", "date_from", type=DAY, default=None, help="First India day (default: 30 days ago).")
@click.option("--to", "date_to", type=DAY, default=None, help="Last India day (default: today).")
@click.option("--csv", "as_csv", is_flag=True, help="Print the CSV export instead of tables.")
def analytics(date_from: datetime | None, date_to: datetime | None, as_csv: bool) -> None:
    """Complaint figures for a range of India days: counts, SLA compliance, mean times, workload, trend."""
    query = ComplaintAnalyticsQuery(date_from=_day(date_from), date_to=_day(date_to), origin=cli_origin())

    async def work(container: AsyncContainer) -> ComplaintAnalyticsView | str:
        async with container() as scope:
            if as_csv:
                return await (await scope.get(ExportComplaintAnalytics)).execute(query, actor=OPERATOR)
            return await (await scope.get(ComplaintAnalytics)).execute(query, actor=OPERATOR)

    report = run(work)
    if isinstance(report, str):
        click.echo(report, nl=False)
        return
    sla = report.sla
    console.print(
        f"[bold]{report.total} complaints[/] opened {report.date_from} to {report.date_to} (India)\n"
        f"first response SLA {sla.first_response.compliance_percent}% "
        f"({sla.first_response.met} met, {sla.first_response.breached} breached), mean "
        f"{report.first_response.mean_minutes} min; resolution SLA {sla.resolution.compliance_percent}% "
        f"({sla.resolution.met} met, {sla.resolution.breached} breached), "
        f"mean {report.resolution.mean_minutes} min"
    )
    counts = Table(title="By status, type and priority")
    for column in ("Group", "Value", "Complaints"):
        counts.add_column(column)
    for group, rows in (
        ("status", report.by_status),
        ("type", report.by_type),
        ("priority", report.by_priority),
    ):
        for row in rows:
            counts.add_row(group, row.key, str(row.count))
    console.print(counts)
    load = Table(title="Open workload now")
    for column in ("Assignee", "Open", "In progress", "Escalated", "Total", "Overdue"):
        load.add_column(column)
    for w in report.workload:
        load.add_row(w.name, str(w.open), str(w.in_progress), str(w.escalated), str(w.total), str(w.overdue))
    console.print(load)


@click.command("queue")
@click.option("--status", default=None, help="waiting, claimed or done (default: waiting and claimed).")
@click.option("--type", "item_type", default=None, help="complaint or message.")
@click.option("--level", default=None, help="low, medium, high or critical.")
@click.option("--limit", type=click.IntRange(1, 100), default=30, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
def queue(status: str | None, item_type: str | None, level: str | None, limit: int, offset: int) -> None:
    """The priority queue: highest score, then earliest due time, first."""
    query = ComplaintQueueQuery(status=status, item_type=item_type, level=level, limit=limit, offset=offset)

    async def work(container: AsyncContainer) -> QueuePage:
        async with container() as scope:
            return await (await scope.get(ComplaintQueue)).execute(query, actor=OPERATOR)

    page = run(work)
    table = Table(title="Nexora priority queue")
    for column in ("Id", "Item", "Score", "Level", "Due (IST)", "Status", "Claimed by", "Title"):
        table.add_column(column, overflow="fold")
    for i in page.items:
        item = f"complaint {i.complaint_id}" if i.item_type == "complaint" else f"message {i.message_id}"
        due = f"[bold red]{_ist(i.due_at)}[/]" if i.overdue else _ist(i.due_at)
        table.add_row(
            str(i.id), item, str(i.score), i.level, due, i.status, i.claimed_by_name or "-", i.title
        )
    table.caption = f"{len(page.items)} of {page.total} items"
    console.print(table)
