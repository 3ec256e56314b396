"""In-memory fakes of the ops desk's read ports, over Complaint aggregates: the same semantics the SQL
adapters implement (tests/contract/test_complaint_desk.py holds both to one suite)."""

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from application.complaint.desk_ports import (
    AnalyticsWindow,
    BookingBrief,
    ComplaintFigures,
    CustomerContact,
    DeskDetail,
    DeskFilter,
    DeskRow,
    Duration,
    QueueFilter,
    QueueRow,
    SlaCounts,
    SlaState,
    WorkloadRow,
    at_risk_horizons,
)
from domain.complaint.entities import ACTIVE_STATUSES, Complaint, ComplaintStatus, Priority
from domain.provider.availability import local_date


@dataclass
class QueueEntry:
    id: int
    complaint_id: int
    score: int
    level: Priority
    due_at: datetime
    status: str = "waiting"
    claimed_by_staff_id: int | None = None
    reason: str = "complaint"
    created_at: datetime | None = None


@dataclass
class DeskData:
    complaints: list[Complaint] = field(default_factory=list)
    customers: dict[int, CustomerContact] = field(default_factory=dict)
    staff: dict[int, str] = field(default_factory=dict)
    bookings: dict[int, BookingBrief] = field(default_factory=dict)
    queue: list[QueueEntry] = field(default_factory=list)


def _due_by(c: Complaint, first: datetime, resolution: datetime) -> bool:
    return (
        c.first_responded_at is None and c.first_response_due_at <= first
    ) or c.resolution_due_at <= resolution


def _breached(c: Complaint, now: datetime) -> bool:
    return _due_by(c, now, now)


def _at_risk(c: Complaint, now: datetime) -> bool:
    first, resolution = at_risk_horizons()[c.priority]
    return (
        c.first_responded_at is None and c.first_response_due_at < now + first
    ) or c.resolution_due_at < now + resolution


def _matches(c: Complaint, f: DeskFilter) -> bool:
    checks = [
        f.status is None or c.status is f.status,
        f.type is None or c.type is f.type,
        f.priority is None or c.priority is f.priority,
        not f.unassigned or c.assigned_staff_id is None,
        f.unassigned or f.assignee is None or c.assigned_staff_id == f.assignee,
        f.created_from is None or c.created_at >= f.created_from,
        f.created_before is None or c.created_at < f.created_before,
    ]
    active = c.status in ACTIVE_STATUSES
    if f.sla is SlaState.BREACHED:
        checks.append(active and _breached(c, f.now))
    elif f.sla is SlaState.AT_RISK:
        checks.append(active and not _breached(c, f.now) and _at_risk(c, f.now))
    return all(checks)


class InMemoryComplaintDesk:
    """Reads `data`; with `live`, the complaints come from there instead (a repository's committed state)."""

    def __init__(self, data: DeskData, live: Callable[[], list[Complaint]] | None = None) -> None:
        self._data = data
        self._live = live

    @property
    def data(self) -> DeskData:
        if self._live is not None:
            self._data.complaints = self._live()
        return self._data

    def _row(self, c: Complaint) -> DeskRow:
        assert c.id is not None
        return DeskRow(
            id=c.id,
            customer_id=c.customer_id,
            customer_name=self.data.customers[c.customer_id].name,
            booking_id=c.booking_id,
            type=c.type,
            subject=c.subject,
            priority=c.priority,
            priority_score=c.priority_score,
            status=c.status,
            assigned_staff_id=c.assigned_staff_id,
            assignee_name=self.data.staff.get(c.assigned_staff_id) if c.assigned_staff_id else None,
            first_response_due_at=c.first_response_due_at,
            resolution_due_at=c.resolution_due_at,
            first_responded_at=c.first_responded_at,
            resolved_at=c.resolved_at,
            escalation_level=c.escalation_level,
            created_at=c.created_at,
        )

    async def search(self, criteria: DeskFilter) -> tuple[Sequence[DeskRow], int]:
        found = sorted(
            (c for c in self.data.complaints if _matches(c, criteria)),
            key=lambda c: (c.created_at, c.id or 0),
            reverse=True,
        )
        page = found[criteria.offset : criteria.offset + criteria.limit]
        return [self._row(c) for c in page], len(found)

    async def detail(self, complaint_id: int) -> DeskDetail | None:
        c = next((c for c in self.data.complaints if c.id == complaint_id), None)
        if c is None:
            return None
        ids = {u.author_staff_id for u in c.updates if u.author_staff_id}
        ids |= {c.assigned_staff_id} if c.assigned_staff_id else set()
        return DeskDetail(
            complaint=c,
            customer=self.data.customers[c.customer_id],
            booking=self.data.bookings.get(c.booking_id) if c.booking_id else None,
            staff_names={i: self.data.staff[i] for i in ids if i in self.data.staff},
        )

    async def queue(self, criteria: QueueFilter) -> tuple[Sequence[QueueRow], int]:
        subjects = {c.id: c.subject for c in self.data.complaints}
        found = sorted(
            (
                q
                for q in self.data.queue
                if q.status in criteria.statuses
                and criteria.item_type in (None, "complaint")
                and (criteria.level is None or q.level is criteria.level)
            ),
            key=lambda q: (-q.score, q.due_at, q.id),
        )
        page = found[criteria.offset : criteria.offset + criteria.limit]
        return [
            QueueRow(
                id=q.id,
                item_type="complaint",
                complaint_id=q.complaint_id,
                message_id=None,
                score=q.score,
                level=q.level,
                due_at=q.due_at,
                status=q.status,
                claimed_by_staff_id=q.claimed_by_staff_id,
                claimed_by_name=self.data.staff.get(q.claimed_by_staff_id) if q.claimed_by_staff_id else None,
                reason=q.reason,
                title=subjects[q.complaint_id],
                created_at=q.created_at or q.due_at,
            )
            for q in page
        ], len(found)


def _seconds(start: datetime, end: datetime) -> int:
    return int(end.timestamp()) - int(start.timestamp())


class InMemoryComplaintAnalytics:
    """The analytics port computed in Python: an independent oracle for the SQL adapter."""

    def __init__(self, data: DeskData) -> None:
        self.data = data

    async def figures(self, window: AnalyticsWindow) -> ComplaintFigures:
        now = window.now
        every = self.data.complaints
        inside = [c for c in every if window.created_from <= c.created_at < window.created_before]
        fr_met = fr_late = res_met = res_late = 0
        fr_time, res_time = Duration(), Duration()
        for c in inside:
            answered = c.first_responded_at or c.resolved_at
            if answered is not None:
                fr_met += answered <= c.first_response_due_at
                fr_late += answered > c.first_response_due_at
                fr_time = Duration(fr_time.seconds + _seconds(c.created_at, answered), fr_time.count + 1)
            else:
                fr_late += c.first_response_due_at <= now
            if c.resolved_at is not None:
                res_met += c.resolved_at <= c.resolution_due_at
                res_late += c.resolved_at > c.resolution_due_at
                res_time = Duration(
                    res_time.seconds + _seconds(c.created_at, c.resolved_at), res_time.count + 1
                )
            else:
                res_late += c.resolution_due_at <= now
        resolved_days: Counter[date] = Counter(
            local_date(c.resolved_at)
            for c in every
            if c.resolved_at is not None and window.created_from <= c.resolved_at < window.created_before
        )
        return ComplaintFigures(
            by_status=Counter(c.status.value for c in inside),
            by_type=Counter(c.type.value for c in inside),
            by_priority=Counter(c.priority.value for c in inside),
            first_response=SlaCounts(fr_met, fr_late),
            resolution=SlaCounts(res_met, res_late),
            time_to_first_response=fr_time,
            time_to_resolution=res_time,
            workload=self._workload(now),
            opened_by_day=Counter(local_date(c.created_at) for c in inside),
            resolved_by_day=resolved_days,
        )

    def _workload(self, now: datetime) -> list[WorkloadRow]:
        rows: dict[int | None, list[int]] = {}
        for c in self.data.complaints:
            if c.status not in ACTIVE_STATUSES:
                continue
            counts = rows.setdefault(c.assigned_staff_id, [0, 0, 0, 0])
            counts[
                [ComplaintStatus.OPEN, ComplaintStatus.IN_PROGRESS, ComplaintStatus.ESCALATED].index(c.status)
            ] += 1
            counts[3] += _breached(c, now)
        return [
            WorkloadRow(
                staff_id=sid,
                name=self.data.staff[sid] if sid is not None else "unassigned",
                open=n[0],
                in_progress=n[1],
                escalated=n[2],
                overdue=n[3],
            )
            for sid, n in rows.items()
        ]


class RecordingDeskQueue:
    """The DeskQueue port: when the transaction commits, a claim lands in `claims` and marks the
    complaint's waiting or claimed entries in `data` (if given) claimed by the member."""

    def __init__(self, later: Callable[[Callable[[], None]], None], data: DeskData | None = None) -> None:
        self._later = later
        self._data = data
        self.claims: list[tuple[int, int]] = []

    async def claim(self, complaint_id: int, staff_id: int, *, now: datetime) -> None:
        def apply() -> None:
            self.claims.append((complaint_id, staff_id))
            for entry in self._data.queue if self._data else []:
                if entry.complaint_id == complaint_id and entry.status in ("waiting", "claimed"):
                    entry.status, entry.claimed_by_staff_id = "claimed", staff_id

        self._later(apply)
