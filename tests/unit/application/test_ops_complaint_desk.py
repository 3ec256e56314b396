"""The ops desk's use cases with in-memory fakes over the known complaints (tests/complaint_desk_data.py):
filters, masking, the queue, analytics and its export, assign, status moves, resolve and notes, and the
refusals, each logged."""

import copy
from dataclasses import dataclass
from datetime import date

import pytest

from application.common.errors import InvalidInput
from application.complaint.commands.ops_add_complaint_note import AddComplaintNote, AddComplaintNoteHandler
from application.complaint.commands.ops_assign_complaint import AssignComplaint, AssignComplaintHandler
from application.complaint.commands.ops_change_complaint_status import (
    ChangeComplaintStatus,
    ChangeComplaintStatusHandler,
)
from application.complaint.commands.ops_resolve_complaint import ResolveComplaint, ResolveComplaintHandler
from application.complaint.desk_actions import AssigneeCannotWork
from application.complaint.errors import ComplaintNotFound
from application.complaint.escalation import Escalator
from application.complaint.ports import ComplaintContact, StaffMember
from application.complaint.queries.ops_complaint_analytics import ComplaintAnalytics, ComplaintAnalyticsQuery
from application.complaint.queries.ops_complaint_queue import ComplaintQueue, ComplaintQueueQuery
from application.complaint.queries.ops_export_complaint_analytics import ExportComplaintAnalytics
from application.complaint.queries.ops_get_complaint import GetDeskComplaint, GetDeskComplaintQuery
from application.complaint.queries.ops_list_complaints import ListDeskComplaints, ListDeskComplaintsQuery
from application.identity.actors import StaffActor, SystemActor
from application.identity.errors import Forbidden
from application.staff.errors import StaffNotFound
from domain.complaint.entities import ComplaintStatus, UpdateKind
from domain.complaint.errors import ComplaintClosed, ResolutionNoteRequired
from domain.shared.status_machine import TransitionNotAllowed
from tests.complaint_desk_data import ASHA, BALA, NOW, desk_data
from tests.complaint_desk_fakes import (
    InMemoryComplaintAnalytics,
    InMemoryComplaintDesk,
    RecordingDeskQueue,
)
from tests.complaint_fakes import (
    FakeComplaintFacts,
    FakeEscalationStaff,
    InMemoryComplaintRepository,
    RecordingNotifier,
)
from tests.fakes import FakeClock
from tests.staff_fakes import StaffWorld, actor_for


class BothUow:
    """One transaction over the staff fakes (activity log) and the complaint repository."""

    def __init__(self, world: StaffWorld, repository: InMemoryComplaintRepository) -> None:
        self._world, self._repository = world, repository

    async def commit(self) -> None:
        self._repository.commit()
        await self._world.tx.commit()

    async def rollback(self) -> None:
        self._repository.rollback()
        await self._world.tx.rollback()


@dataclass
class Desk:
    staff: StaffWorld
    repository: InMemoryComplaintRepository
    queue: RecordingDeskQueue
    listing: ListDeskComplaints
    detail: GetDeskComplaint
    work_queue: ComplaintQueue
    analytics: ComplaintAnalytics
    export: ExportComplaintAnalytics
    assign: AssignComplaintHandler
    status: ChangeComplaintStatusHandler
    resolve: ResolveComplaintHandler
    note: AddComplaintNoteHandler
    notifier: RecordingNotifier

    def actor(self, role: str) -> StaffActor:
        return actor_for(self.staff.staff.seed(f"Member {len(self.staff.staff.members) + 1}", role))


def desk() -> Desk:
    clock = FakeClock(NOW)
    staff = StaffWorld(clock)
    assert staff.staff.seed("Asha Verma", "support_agent").id == ASHA
    assert staff.staff.seed("Bala Krishnan", "senior_agent").id == BALA
    data = desk_data()
    repository = InMemoryComplaintRepository()
    repository.committed = {c.id: copy.deepcopy(c) for c in data.complaints if c.id is not None}
    reader = InMemoryComplaintDesk(data, live=lambda: list(repository.committed.values()))
    uow = BothUow(staff, repository)
    queue = RecordingDeskQueue(staff.tx.later)
    analytics = ComplaintAnalytics(InMemoryComplaintAnalytics(data), staff.audit, clock)
    members = [
        StaffMember(id=ASHA, name="Asha Verma", email="asha@nexora.in", level=40),
        StaffMember(id=BALA, name="Bala Krishnan", email="bala@nexora.in", level=50),
    ]
    contacts = {c.customer_id: ComplaintContact("Customer", "c@example.in", None) for c in data.complaints}
    notifier = RecordingNotifier()
    escalator = Escalator(
        FakeEscalationStaff(members=members), FakeComplaintFacts(contacts=contacts), notifier
    )
    return Desk(
        staff,
        repository,
        queue,
        ListDeskComplaints(reader, staff.audit, clock),
        GetDeskComplaint(reader, staff.audit, uow, clock),
        ComplaintQueue(reader, staff.audit, clock),
        analytics,
        ExportComplaintAnalytics(analytics, staff.audit, uow),
        AssignComplaintHandler(repository, staff.staff, queue, reader, staff.audit, uow, clock),
        ChangeComplaintStatusHandler(repository, escalator, reader, staff.audit, uow, clock),
        ResolveComplaintHandler(repository, reader, staff.audit, uow, clock),
        AddComplaintNoteHandler(repository, reader, staff.audit, uow, clock),
        notifier,
    )


NOBODY = StaffActor(staff_id=99, role="none", level=1, permissions=frozenset())


# --- reads ---------------------------------------------------------------------------------------
async def test_list_filters_and_flags_breached_complaints_when_asked() -> None:
    d = desk()
    agent = actor_for(d.staff.staff.members[ASHA])

    mine = await d.listing.execute(ListDeskComplaintsQuery(assignee="me"), actor=agent)
    late = await d.listing.execute(ListDeskComplaintsQuery(sla="breached"), actor=agent)
    nobody = await d.listing.execute(ListDeskComplaintsQuery(assignee="none", limit=1), actor=agent)
    days = await d.listing.execute(
        ListDeskComplaintsQuery(date_from=date(2026, 11, 19), date_to=date(2026, 11, 19)), actor=agent
    )

    assert [c.id for c in mine.items] == [3, 1, 6]
    assert [(c.id, c.sla_breached) for c in late.items] == [(4, True), (10, True), (6, True)]
    assert [c.id for c in nobody.items] == [4]
    assert (nobody.total, nobody.next_offset) == (2, 1)
    assert [c.id for c in days.items] == [4, 3, 10, 2]
    assert [c.sla_breached for c in days.items] == [True, False, True, False]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        (ListDeskComplaintsQuery(status="lost"), "status"),
        (ListDeskComplaintsQuery(type="noise"), "type"),
        (ListDeskComplaintsQuery(priority="urgent"), "priority"),
        (ListDeskComplaintsQuery(sla="soon"), "sla"),
        (ListDeskComplaintsQuery(assignee="asha"), "assignee"),
        (ListDeskComplaintsQuery(date_from=date(2026, 11, 20), date_to=date(2026, 11, 1)), "from"),
        (ListDeskComplaintsQuery(limit=0), "limit"),
        (ListDeskComplaintsQuery(offset=-1), "offset"),
    ],
)
async def test_list_refuses_a_bad_filter_with_its_field_when_given(
    query: ListDeskComplaintsQuery, field: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        await desk().listing.execute(query, actor=SystemActor())
    assert refused.value.field == field


async def test_me_needs_a_staff_member_and_reads_need_complaints_view_when_refused() -> None:
    d = desk()
    with pytest.raises(InvalidInput):
        await d.listing.execute(ListDeskComplaintsQuery(assignee="me"), actor=SystemActor())
    with pytest.raises(Forbidden):
        await d.listing.execute(ListDeskComplaintsQuery(), actor=NOBODY)
    with pytest.raises(Forbidden):
        await d.detail.execute(GetDeskComplaintQuery(complaint_id=1), actor=NOBODY)
    with pytest.raises(Forbidden):
        await d.work_queue.execute(ComplaintQueueQuery(), actor=NOBODY)
    assert d.staff.log.actions() == [
        ("complaints.list", False),
        ("complaints.view", False),
        ("complaints.queue", False),
    ]


async def test_detail_masks_contact_without_customer_pii_and_logs_each_unmasked_view() -> None:
    d = desk()
    agent, manager = d.actor("support_agent"), d.actor("ops_manager")

    masked = await d.detail.execute(GetDeskComplaintQuery(complaint_id=1), actor=agent)
    shown = await d.detail.execute(GetDeskComplaintQuery(complaint_id=1), actor=manager)

    assert (masked.customer.email, masked.customer.phone, masked.customer.contact_masked) == (
        "m***@example.in",
        "******2345",
        True,
    )
    assert (shown.customer.email, shown.customer.phone) == ("meera.iyer@example.in", "+919845012345")
    assert [(e.kind, e.is_internal, e.author_name) for e in shown.timeline] == [
        ("comment", False, None),
        ("internal_note", True, "Asha Verma"),
        ("resolution", False, "Asha Verma"),
    ]
    assert d.staff.log.actions() == [("complaints.view_pii", True)]
    with pytest.raises(ComplaintNotFound):
        await d.detail.execute(GetDeskComplaintQuery(complaint_id=404), actor=manager)


async def test_queue_is_most_urgent_first_with_overdue_flags_and_refuses_unknown_values() -> None:
    d = desk()
    page = await d.work_queue.execute(ComplaintQueueQuery(), actor=SystemActor())

    assert [(i.id, i.overdue) for i in page.items] == [(2, True), (5, True), (1, True), (3, False)]
    assert page.items[0].claimed_by_name == "Bala Krishnan"
    for bad in (
        ComplaintQueueQuery(status="lost"),
        ComplaintQueueQuery(item_type="x"),
        ComplaintQueueQuery(level="y"),
    ):
        with pytest.raises(InvalidInput):
            await d.work_queue.execute(bad, actor=SystemActor())


async def test_analytics_defaults_to_the_last_30_days_and_refuses_long_or_unpermitted_ranges() -> None:
    d = desk()
    report = await d.analytics.execute(ComplaintAnalyticsQuery(), actor=d.actor("quality"))

    assert (report.date_from, report.date_to) == (date(2026, 10, 22), date(2026, 11, 20))
    assert len(report.trend) == 30
    assert report.total == 9
    with pytest.raises(InvalidInput):
        await d.analytics.execute(
            ComplaintAnalyticsQuery(date_from=date(2025, 1, 1), date_to=date(2026, 1, 2)), actor=SystemActor()
        )
    with pytest.raises(Forbidden):
        await d.analytics.execute(ComplaintAnalyticsQuery(), actor=d.actor("support_agent"))
    with pytest.raises(Forbidden):
        await d.export.execute(ComplaintAnalyticsQuery(), actor=d.actor("quality"))
    csv_text = await d.export.execute(ComplaintAnalyticsQuery(), actor=d.actor("analyst"))
    assert csv_text.splitlines()[3] == "summary,all,complaints,9"
    assert d.staff.log.actions() == [
        ("complaints.analytics", False),
        ("complaints.analytics_export", False),
        ("complaints.analytics_export", True),
    ]


# --- writes --------------------------------------------------------------------------------------
async def test_assign_gives_the_complaint_claims_its_queue_entry_and_logs_before_and_after() -> None:
    d = desk()
    manager = d.actor("ops_manager")

    view = await d.assign.execute(AssignComplaint(complaint_id=4, staff_id=BALA), actor=manager)

    assert (view.assigned_staff_id, view.assignee_name) == (BALA, "Bala Krishnan")
    assert view.timeline[-1].kind == UpdateKind.ASSIGNMENT.value
    assert view.timeline[-1].is_internal
    assert d.queue.claims == [(4, BALA)]
    entry = d.staff.log.entries[-1]
    assert (entry.action, entry.before["assigned_staff_id"], entry.after["assigned_staff_id"]) == (  # type: ignore[index]
        "complaints.assign",
        None,
        BALA,
    )


async def test_assign_is_refused_for_members_who_cannot_work_complaints_and_nothing_changes() -> None:
    d = desk()
    manager = d.actor("ops_manager")
    analyst = d.staff.staff.seed("Ana Lyst", "analyst")
    assert analyst.id is not None

    with pytest.raises(AssigneeCannotWork):
        await d.assign.execute(AssignComplaint(complaint_id=4, staff_id=analyst.id), actor=manager)
    with pytest.raises(StaffNotFound):
        await d.assign.execute(AssignComplaint(complaint_id=4, staff_id=404), actor=manager)
    with pytest.raises(ComplaintNotFound):
        await d.assign.execute(AssignComplaint(complaint_id=404, staff_id=BALA), actor=manager)
    with pytest.raises(Forbidden):
        await d.assign.execute(AssignComplaint(complaint_id=4, staff_id=BALA), actor=d.actor("support_agent"))

    assert d.repository.committed[4].assigned_staff_id is None
    assert d.queue.claims == []
    assert d.staff.log.actions() == [("complaints.assign", False)]


async def test_status_moves_need_the_targets_permission_and_follow_the_table() -> None:
    d = desk()
    agent, senior = d.actor("support_agent"), d.actor("senior_agent")

    started = await d.status.execute(ChangeComplaintStatus(complaint_id=4, status="in_progress"), actor=agent)
    with pytest.raises(Forbidden):
        await d.status.execute(ChangeComplaintStatus(complaint_id=4, status="escalated"), actor=agent)
    escalated = await d.status.execute(
        ChangeComplaintStatus(complaint_id=4, status="escalated", note="angry"), actor=senior
    )
    with pytest.raises(TransitionNotAllowed):
        await d.status.execute(ChangeComplaintStatus(complaint_id=4, status="closed"), actor=senior)
    with pytest.raises(ResolutionNoteRequired):
        await d.status.execute(ChangeComplaintStatus(complaint_id=4, status="resolved"), actor=senior)
    with pytest.raises(InvalidInput):
        await d.status.execute(ChangeComplaintStatus(complaint_id=4, status="open"), actor=senior)

    assert started.status == "in_progress"
    assert (escalated.status, escalated.priority, escalated.escalation_level) == ("escalated", "critical", 1)
    assert d.repository.committed[4].status is ComplaintStatus.ESCALATED
    assert d.staff.log.actions() == [
        ("complaints.status", True),
        ("complaints.status", False),
        ("complaints.status", True),
    ]


async def test_resolve_needs_a_note_and_counts_as_the_first_response() -> None:
    d = desk()
    agent = d.actor("support_agent")

    with pytest.raises(ResolutionNoteRequired):
        await d.resolve.execute(ResolveComplaint(complaint_id=4, note="  "), actor=agent)
    assert d.repository.committed[4].status is ComplaintStatus.OPEN
    resolved = await d.resolve.execute(ResolveComplaint(complaint_id=4, note="Refunded"), actor=agent)

    assert (resolved.status, resolved.resolution, resolved.first_responded_at) == (
        "resolved",
        "Refunded",
        NOW,
    )
    assert [e.new_status for e in resolved.timeline[-2:]] == ["in_progress", "resolved"]
    assert d.staff.log.entries[-1].after["resolution"] == "Refunded"  # type: ignore[index]
    with pytest.raises(TransitionNotAllowed):
        await d.resolve.execute(ResolveComplaint(complaint_id=2, note="again"), actor=agent)


async def test_internal_notes_stay_internal_and_a_reply_is_the_first_response() -> None:
    d = desk()
    agent = d.actor("support_agent")

    noted = await d.note.execute(AddComplaintNote(complaint_id=4, message="Check the provider"), actor=agent)
    replied = await d.note.execute(
        AddComplaintNote(complaint_id=4, message="On it", internal=False), actor=agent
    )
    with pytest.raises(ComplaintClosed):
        await d.note.execute(AddComplaintNote(complaint_id=2, message="late"), actor=agent)
    with pytest.raises(Forbidden):
        await d.note.execute(AddComplaintNote(complaint_id=4, message="x"), actor=d.actor("quality"))

    assert noted.first_responded_at is None
    assert replied.first_responded_at == NOW
    visible = [u.message for u in d.repository.committed[4].visible_to_customer()]
    assert "Check the provider" not in visible
    assert "On it" in visible
    assert d.staff.log.actions() == [
        ("complaints.note", True),
        ("complaints.reply", True),
        ("complaints.note", False),
    ]


async def test_a_status_note_stays_internal_and_the_customer_sees_a_neutral_line() -> None:
    d = desk()
    senior = d.actor("senior_agent")

    await d.status.execute(
        ChangeComplaintStatus(complaint_id=4, status="in_progress", note="INTERNAL: check refund abuse"),
        actor=senior,
    )
    await d.status.execute(
        ChangeComplaintStatus(complaint_id=4, status="escalated", note="INTERNAL: fraud suspected"),
        actor=senior,
    )
    complaint = d.repository.committed[4]
    public = " | ".join(u.message for u in complaint.visible_to_customer())
    internal = [u.message for u in complaint.updates if u.is_internal]

    assert "INTERNAL" not in public
    assert "Status changed from open to in_progress" in public
    assert "Escalated to a senior team member" in public
    assert {"INTERNAL: check refund abuse", "INTERNAL: fraud suspected"} <= set(internal)


async def test_a_resolution_note_is_the_answer_the_customer_sees() -> None:
    d = desk()
    await d.status.execute(
        ChangeComplaintStatus(complaint_id=4, status="resolved", note="Refunded INR 500"),
        actor=d.actor("senior_agent"),
    )
    assert "Refunded INR 500" in [u.message for u in d.repository.committed[4].visible_to_customer()]


async def test_escalating_by_hand_reassigns_above_the_base_level_and_notifies() -> None:
    d = desk()
    assert d.repository.committed[4].assigned_staff_id is None

    escalated = await d.status.execute(
        ChangeComplaintStatus(complaint_id=4, status="escalated"), actor=d.actor("senior_agent")
    )

    assert escalated.assigned_staff_id == BALA  # above support_agent, the base complaint-working level
    assert [n.template for n in d.notifier.published] == [
        "complaint_escalated",
        "complaint_escalated_to_you",
    ]
    assert d.notifier.published[1].to == "bala@nexora.in"
    with pytest.raises(TransitionNotAllowed):
        await d.status.execute(
            ChangeComplaintStatus(complaint_id=4, status="escalated"), actor=d.actor("senior_agent")
        )
    assert len(d.notifier.published) == 2
