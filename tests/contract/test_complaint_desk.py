"""One suite for the ops desk's read ports (ComplaintDesk, ComplaintAnalyticsSource): the in-memory fakes,
SQLite and MariaDB, each over the same hand-computed complaints (tests/complaint_desk_data.py) in a freshly
migrated database. The analytics figures, the report and its CSV are checked exactly."""

import csv
import io
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from adapters.persistence.complaint_analytics import SqlaComplaintAnalytics
from adapters.persistence.complaint_desk import SqlaComplaintDesk, SqlaDeskQueue
from adapters.persistence.engine import create_engine
from application.complaint.desk_actions import DeskQueue
from application.complaint.desk_ports import (
    AnalyticsWindow,
    ComplaintAnalyticsSource,
    ComplaintDesk,
    DeskFilter,
    QueueFilter,
    SlaState,
)
from application.complaint.queries.ops_complaint_analytics import ComplaintAnalytics, ComplaintAnalyticsQuery
from application.complaint.queries.ops_export_complaint_analytics import ExportComplaintAnalytics
from application.identity.actors import SystemActor
from domain.complaint.entities import ComplaintStatus, ComplaintType, Priority
from domain.provider.availability import ist_midnight
from tests.complaint_desk_data import (
    ASHA,
    BALA,
    FIRST_DAY,
    LAST_DAY,
    NOW,
    at,
    desk_data,
    load_sql,
    random_data,
)
from tests.complaint_desk_fakes import InMemoryComplaintAnalytics, InMemoryComplaintDesk, RecordingDeskQueue
from tests.conftest import DatabaseFactory, migrated, run_async
from tests.fakes import FakeClock
from tests.staff_fakes import StaffWorld


@dataclass
class Ports:
    desk: ComplaintDesk
    analytics: ComplaintAnalyticsSource
    queue: DeskQueue


@pytest.fixture(scope="module", params=["fake", "sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
def known_url(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """None for the fakes; otherwise a migrated database holding only the known complaints."""
    if request.param == "fake":
        yield None
        return
    factory: DatabaseFactory = request.getfixturevalue(f"{request.param}_databases")
    url = migrated(factory.make(request.param))
    run_async(lambda: load_sql(url, desk_data()))
    yield url


@pytest.fixture
async def ports(known_url: str | None) -> AsyncIterator[Ports]:
    if known_url is None:
        data = desk_data()
        at_once = RecordingDeskQueue(lambda apply: apply(), data)
        yield Ports(InMemoryComplaintDesk(data), InMemoryComplaintAnalytics(data), at_once)
        return
    engine: AsyncEngine = create_engine(known_url)
    try:
        # nothing is committed: each test's writes roll back with the connection's transaction
        async with engine.connect() as conn, AsyncSession(bind=conn) as session:
            yield Ports(SqlaComplaintDesk(session), SqlaComplaintAnalytics(session), SqlaDeskQueue(session))
    finally:
        await engine.dispose()


def desk_filter(**values: object) -> DeskFilter:
    values.setdefault("now", NOW)
    return DeskFilter(**values)  # type: ignore[arg-type]


async def ids(ports: Ports, **values: object) -> tuple[list[int], int]:
    rows, total = await ports.desk.search(desk_filter(**values))
    return [r.id for r in rows], total


async def test_search_lists_newest_first_and_pages_when_unfiltered(ports: Ports) -> None:
    assert await ids(ports) == ([5, 4, 3, 10, 2, 1, 7, 6, 9], 9)
    assert await ids(ports, limit=2, offset=2) == ([3, 10], 9)
    rows, _ = await ports.desk.search(desk_filter(limit=1))
    assert (rows[0].customer_name, rows[0].assignee_name, rows[0].status) == (
        "Ravi Teja",
        "Bala Krishnan",
        ComplaintStatus.OPEN,
    )


async def test_each_filter_narrows_the_search_when_given(ports: Ports) -> None:
    assert await ids(ports, status=ComplaintStatus.RESOLVED) == ([1, 7, 9], 3)
    assert await ids(ports, type=ComplaintType.BILLING) == ([5, 3], 2)
    assert await ids(ports, priority=Priority.CRITICAL) == ([10, 1, 6], 3)
    assert await ids(ports, assignee=ASHA) == ([3, 1, 6], 3)
    assert await ids(ports, unassigned=True) == ([4, 7], 2)
    assert await ids(ports, sla=SlaState.BREACHED) == ([4, 10, 6], 3)
    assert await ids(ports, sla=SlaState.AT_RISK) == ([], 0)
    assert await ids(ports, sla=SlaState.AT_RISK, now=at(21, 20)) == (
        [5, 3],
        2,
    )  # under 25% of the window left
    assert await ids(ports, sla=SlaState.BREACHED, now=at(19, 14)) == (
        [4, 10, 6],
        3,
    )  # due counts as breached
    assert await ids(ports, sla=SlaState.BREACHED, now=at(19, 13, 59, 59)) == ([10, 6], 2)
    day = FIRST_DAY + timedelta(days=1)
    assert await ids(ports, created_from=ist_midnight(day), created_before=ist_midnight(LAST_DAY)) == (
        [4, 3, 10, 2],
        4,
    )
    assert await ids(ports, assignee=BALA, status=ComplaintStatus.ESCALATED) == ([10], 1)


async def test_detail_has_customer_and_whole_timeline_with_staff_names_when_known(ports: Ports) -> None:
    found = await ports.desk.detail(1)

    assert found is not None
    assert (found.customer.name, found.customer.email, found.customer.phone) == (
        "Meera Iyer",
        "meera.iyer@example.in",
        "+919845012345",
    )
    assert found.booking is None
    assert [(u.kind.value, u.is_internal) for u in found.complaint.updates] == [
        ("comment", False),
        ("internal_note", True),
        ("resolution", False),
    ]
    assert dict(found.staff_names) == {ASHA: "Asha Verma"}
    assert await ports.desk.detail(999) is None


async def test_queue_orders_by_score_then_due_time_and_filters_when_asked(ports: Ports) -> None:
    rows, total = await ports.desk.queue(QueueFilter())
    done, _ = await ports.desk.queue(QueueFilter(statuses=("done",)))
    high, _ = await ports.desk.queue(QueueFilter(level=Priority.HIGH))
    messages, none = await ports.desk.queue(QueueFilter(item_type="message"))

    assert ([r.id for r in rows], total) == ([2, 5, 1, 3], 4)
    assert (rows[0].claimed_by_name, rows[0].title, rows[0].level) == (
        "Bala Krishnan",
        "Complaint 10: behaviour",
        Priority.CRITICAL,
    )
    assert [r.id for r in done] == [4]
    assert [r.id for r in high] == [1]
    assert (list(messages), none) == ([], 0)


async def test_claim_marks_open_queue_entries_claimed_by_the_member_and_leaves_done_ones(
    ports: Ports,
) -> None:
    await ports.queue.claim(4, BALA, now=NOW)
    await ports.queue.claim(1, BALA, now=NOW)  # its entry is done
    await ports.queue.claim(7, BALA, now=NOW)  # no entry

    claimed, _ = await ports.desk.queue(QueueFilter(statuses=("claimed",)))
    done, _ = await ports.desk.queue(QueueFilter(statuses=("done",)))

    assert [(r.complaint_id, r.claimed_by_staff_id) for r in claimed] == [(10, BALA), (4, BALA)]
    assert [(r.complaint_id, r.claimed_by_staff_id) for r in done] == [(1, ASHA)]


async def test_analytics_figures_are_exact_when_computed_from_the_known_complaints(ports: Ports) -> None:
    window = AnalyticsWindow(ist_midnight(FIRST_DAY), ist_midnight(LAST_DAY + timedelta(days=1)), NOW)
    f = await ports.analytics.figures(window)

    assert dict(f.by_status) == {"open": 2, "in_progress": 1, "escalated": 1, "resolved": 2, "closed": 1}
    assert dict(f.by_type) == {
        "safety": 1,
        "damage": 1,
        "billing": 2,
        "no_show": 1,
        "refund": 1,
        "behaviour": 1,
    }
    assert dict(f.by_priority) == {"critical": 2, "high": 2, "medium": 1, "low": 2}
    assert (f.first_response.met, f.first_response.breached) == (4, 2)
    assert (f.resolution.met, f.resolution.breached) == (2, 2)
    assert (f.time_to_first_response.seconds, f.time_to_first_response.count) == (47870, 5)
    assert (f.time_to_resolution.seconds, f.time_to_resolution.count) == (126000, 3)
    assert sorted(
        (w.staff_id or 0, w.name, w.open, w.in_progress, w.escalated, w.overdue) for w in f.workload
    ) == [
        (0, "unassigned", 1, 0, 0, 1),
        (ASHA, "Asha Verma", 0, 1, 1, 1),
        (BALA, "Bala Krishnan", 1, 0, 1, 1),
    ]
    assert {d.isoformat(): n for d, n in f.opened_by_day.items()} == {
        "2026-11-18": 2,
        "2026-11-19": 4,
        "2026-11-20": 1,
    }
    assert {d.isoformat(): n for d, n in f.resolved_by_day.items()} == {"2026-11-18": 3, "2026-11-20": 1}


EXPECTED_CSV = [
    ["section", "key", "metric", "value"],
    ["range", "from", "date", "2026-11-18"],
    ["range", "to", "date", "2026-11-20"],
    ["summary", "all", "complaints", "7"],
    ["status", "open", "complaints", "2"],
    ["status", "in_progress", "complaints", "1"],
    ["status", "escalated", "complaints", "1"],
    ["status", "resolved", "complaints", "2"],
    ["status", "closed", "complaints", "1"],
    ["type", "no_show", "complaints", "1"],
    ["type", "late_arrival", "complaints", "0"],
    ["type", "service_quality", "complaints", "0"],
    ["type", "damage", "complaints", "1"],
    ["type", "behaviour", "complaints", "1"],
    ["type", "billing", "complaints", "2"],
    ["type", "refund", "complaints", "1"],
    ["type", "safety", "complaints", "1"],
    ["type", "other", "complaints", "0"],
    ["priority", "low", "complaints", "2"],
    ["priority", "medium", "complaints", "1"],
    ["priority", "high", "complaints", "2"],
    ["priority", "critical", "complaints", "2"],
    ["sla", "first_response", "met", "4"],
    ["sla", "first_response", "breached", "2"],
    ["sla", "first_response", "compliance_percent", "66.7"],
    ["sla", "resolution", "met", "2"],
    ["sla", "resolution", "breached", "2"],
    ["sla", "resolution", "compliance_percent", "50.0"],
    ["mean_time", "first_response", "complaints", "5"],
    ["mean_time", "first_response", "mean_minutes", "159.6"],
    ["mean_time", "resolution", "complaints", "3"],
    ["mean_time", "resolution", "mean_minutes", "700.0"],
    *[
        ["workload", "1 Asha Verma", m, v]
        for m, v in zip(("open", "in_progress", "escalated", "total", "overdue"), "01121", strict=True)
    ],
    *[
        ["workload", "2 Bala Krishnan", m, v]
        for m, v in zip(("open", "in_progress", "escalated", "total", "overdue"), "10121", strict=True)
    ],
    *[
        ["workload", "unassigned", m, v]
        for m, v in zip(("open", "in_progress", "escalated", "total", "overdue"), "10011", strict=True)
    ],
    ["trend", "2026-11-18", "opened", "2"],
    ["trend", "2026-11-18", "resolved", "3"],
    ["trend", "2026-11-19", "opened", "4"],
    ["trend", "2026-11-19", "resolved", "0"],
    ["trend", "2026-11-20", "opened", "1"],
    ["trend", "2026-11-20", "resolved", "1"],
]


async def test_report_and_csv_carry_every_figure_exactly_when_run_through_the_use_cases(ports: Ports) -> None:
    staff = StaffWorld(FakeClock(NOW))
    analytics = ComplaintAnalytics(ports.analytics, staff.audit, staff.clock)
    query = ComplaintAnalyticsQuery(date_from=FIRST_DAY, date_to=LAST_DAY)

    report = await analytics.execute(query, actor=SystemActor())
    exported = await ExportComplaintAnalytics(analytics, staff.audit, staff.tx).execute(
        query, actor=SystemActor()
    )

    assert report.total == 7
    assert (report.sla.first_response.compliance_percent, report.sla.resolution.compliance_percent) == (
        66.7,
        50.0,
    )
    assert (report.first_response.mean_minutes, report.resolution.mean_minutes) == (159.6, 700.0)
    assert [w.name for w in report.workload] == ["Asha Verma", "Bala Krishnan", "unassigned"]
    assert list(csv.reader(io.StringIO(exported))) == EXPECTED_CSV
    assert staff.log.actions() == [("complaints.analytics_export", True)]


RANDOM_SEED = 7


@pytest.fixture(scope="module", params=["sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
def random_url(request: pytest.FixtureRequest) -> str:
    factory: DatabaseFactory = request.getfixturevalue(f"{request.param}_databases")
    url = migrated(factory.make(request.param))
    run_async(lambda: load_sql(url, random_data(RANDOM_SEED)))
    return url


@pytest.mark.parametrize("days", [(12, 17), (10, 20), (19, 19)])
async def test_sql_analytics_match_the_python_oracle_when_complaints_are_random(
    random_url: str, days: tuple[int, int]
) -> None:
    window = AnalyticsWindow(
        ist_midnight(date(2026, 11, days[0])), ist_midnight(date(2026, 11, days[1] + 1)), at(16, 6, 30)
    )
    expected = await InMemoryComplaintAnalytics(random_data(RANDOM_SEED)).figures(window)
    engine = create_engine(random_url)
    try:
        async with AsyncSession(engine) as session:
            found = await SqlaComplaintAnalytics(session).figures(window)
    finally:
        await engine.dispose()

    assert sum(expected.by_status.values()) > 0
    for name in ("by_status", "by_type", "by_priority", "opened_by_day", "resolved_by_day"):
        assert dict(getattr(found, name)) == dict(getattr(expected, name)), name
    assert (found.first_response, found.resolution) == (expected.first_response, expected.resolution)
    assert found.time_to_first_response == expected.time_to_first_response
    assert found.time_to_resolution == expected.time_to_resolution
    assert sorted(found.workload, key=str) == sorted(expected.workload, key=str)
