"""The SLA monitor with a fake clock: complaints at every level breach their SLAs, each breach escalates
exactly once (priority up, a more senior assignee, a timeline entry, notices), and a second run changes
nothing."""

from datetime import UTC, datetime, timedelta

import pytest

from application.complaint.commands.escalate_breached import EscalateBreachedComplaints
from application.complaint.escalation import Escalator
from application.complaint.ports import ComplaintContact, StaffMember
from application.identity.actors import StaffActor, SystemActor
from application.identity.errors import Forbidden
from domain.complaint.entities import Breach, Complaint, ComplaintStatus, ComplaintType, Priority, UpdateKind
from domain.complaint.policy import LEVEL_ORDER, SERVICE_LEVELS
from domain.customer.entities import CustomerId
from tests.complaint_fakes import (
    FakeComplaintFacts,
    FakeComplaintUow,
    FakeEscalationStaff,
    InMemoryComplaintRepository,
    RecordingNotifier,
)
from tests.fakes import FakeClock

START = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
AGENT = StaffMember(1, "Agent", "agent@nexora.in", 40)
SENIOR = StaffMember(2, "Senior", "senior@nexora.in", 50)
MANAGER = StaffMember(3, "Manager", "manager@nexora.in", 70)
ADMIN = StaffMember(4, "Admin", "admin@nexora.in", 90)


class World:
    def __init__(self) -> None:
        self.repo = InMemoryComplaintRepository()
        self.uow = FakeComplaintUow(self.repo)
        self.clock = FakeClock(START)
        self.staff = FakeEscalationStaff(members=[AGENT, SENIOR, MANAGER, ADMIN])
        self.facts = FakeComplaintFacts(contacts={5: ComplaintContact("Asha", "asha@example.in", None)})
        self.notifier = RecordingNotifier()
        self.monitor = EscalateBreachedComplaints(
            self.repo, Escalator(self.staff, self.facts, self.notifier), self.uow, self.clock
        )

    async def add(self, priority: Priority, *, assignee: int | None = AGENT.id, score: int = 50) -> int:
        complaint = Complaint.file(
            customer_id=CustomerId(5), booking_id=None, type=ComplaintType.SERVICE_QUALITY,
            subject=f"{priority.value} complaint", description="Not good", priority=priority,
            priority_score=score, priority_factors=(), sentiment=None, now=self.clock.now(),
        )  # fmt: skip
        if assignee is not None:
            complaint.assign(assignee, now=self.clock.now(), by_staff_id=None)
        await self.repo.add(complaint)
        await self.repo.enqueue(complaint, reason="new", now=self.clock.now())
        self.repo.commit()
        assert complaint.id is not None
        return complaint.id

    def snapshot(self) -> dict[int, tuple[object, ...]]:
        return {
            i: (c.status, c.priority, c.escalation_level, c.assigned_staff_id, len(c.updates))
            for i, c in self.repo.committed.items()
        }


async def test_each_level_escalates_once_per_breach_as_time_passes_and_reruns_change_nothing() -> None:
    world = World()
    ids = {p: await world.add(p) for p in Priority}
    escalated: dict[tuple[int, Breach], int] = {}
    # Travel through the week in 10-minute steps, running the monitor twice at each step.
    for _ in range(int(timedelta(days=8) / timedelta(minutes=10))):
        world.clock.advance(timedelta(minutes=10))
        report = await world.monitor.execute(actor=SystemActor())
        for item in report.escalations:
            for breach in item.breaches:
                key = (item.complaint_id, Breach(breach))
                assert key not in escalated, f"{key} escalated twice"
                escalated[key] = 1
        before = world.snapshot()
        again = await world.monitor.execute(actor=SystemActor())
        assert again.escalations == []
        assert world.snapshot() == before
    assert set(escalated) == {(i, b) for i in ids.values() for b in Breach}
    for priority, complaint_id in ids.items():
        complaint = world.repo.committed[complaint_id]
        level = SERVICE_LEVELS[priority]
        assert complaint.first_response_escalated_at is not None
        assert complaint.resolution_escalated_at is not None
        first_late = complaint.first_response_escalated_at - (START + level.first_response)
        resolution_late = complaint.resolution_escalated_at - (START + level.resolution)
        assert timedelta(0) <= first_late < timedelta(minutes=10)
        assert timedelta(0) <= resolution_late < timedelta(minutes=10)
        expected = LEVEL_ORDER[min(LEVEL_ORDER.index(priority) + 2, 3)]
        assert (complaint.status, complaint.priority, complaint.escalation_level) == (
            ComplaintStatus.ESCALATED, expected, 2,
        )  # fmt: skip
        assert complaint.assigned_staff_id == MANAGER.id  # agent (40) -> senior (50) -> manager (70)
        entries = [u for u in complaint.updates if u.kind is UpdateKind.ESCALATION]
        assert [("first response" in u.message, "resolution" in u.message) for u in entries] == [
            (True, False), (False, True),
        ]  # fmt: skip
    templates = [n.template for n in world.notifier.published]
    assert templates.count("complaint_escalated") == 8
    assert templates.count("complaint_escalated_to_you") == 8
    assert world.repo.queue[ids[Priority.LOW]].level == "high"


async def test_nothing_is_escalated_before_the_first_due_time() -> None:
    world = World()
    await world.add(Priority.CRITICAL)
    world.clock.advance(timedelta(minutes=59))
    report = await world.monitor.execute(actor=SystemActor())
    assert (report.breached, report.escalations) == (0, [])


async def test_an_answered_complaint_escalates_only_for_its_resolution() -> None:
    world = World()
    complaint_id = await world.add(Priority.HIGH)
    world.repo.committed[complaint_id].first_responded_at = START + timedelta(minutes=30)
    world.clock.advance(timedelta(hours=30))
    report = await world.monitor.execute(actor=SystemActor())
    assert [(e.complaint_id, e.breaches) for e in report.escalations] == [(complaint_id, ["resolution"])]


async def test_an_unassigned_complaint_goes_above_the_base_working_level_and_the_top_keeps_its_assignee() -> (
    None
):
    world = World()
    unassigned = await world.add(Priority.CRITICAL, assignee=None)
    top = await world.add(Priority.CRITICAL, assignee=ADMIN.id)
    world.clock.advance(timedelta(hours=1))
    await world.monitor.execute(actor=SystemActor())
    assert world.repo.committed[unassigned].assigned_staff_id == SENIOR.id  # not the agent (base level 40)
    assert world.repo.committed[top].assigned_staff_id == ADMIN.id
    assert world.repo.committed[top].escalation_level == 1


async def test_resolved_and_closed_complaints_are_never_escalated() -> None:
    world = World()
    complaint_id = await world.add(Priority.CRITICAL)
    world.repo.committed[complaint_id].resolve("Fixed", now=START, staff_id=1)
    world.clock.advance(timedelta(days=30))
    report = await world.monitor.execute(actor=SystemActor())
    assert report.escalations == []


async def test_staff_need_the_escalate_permission_to_run_the_monitor() -> None:
    world = World()
    agent = StaffActor(staff_id=1, role="support_agent", level=40, permissions=frozenset({"complaints.view"}))
    with pytest.raises(Forbidden):
        await world.monitor.execute(actor=agent)
    senior = StaffActor(
        staff_id=2, role="senior_agent", level=50, permissions=frozenset({"complaints.escalate"})
    )
    assert (await world.monitor.execute(actor=senior)).escalations == []


async def test_both_clocks_breached_in_one_run_make_one_escalation_and_each_breach_is_done_once() -> None:
    world = World()
    complaint_id = await world.add(Priority.MEDIUM)
    world.clock.advance(timedelta(hours=80))  # past the first response (24 h) and resolution (72 h) due
    report = await world.monitor.execute(actor=SystemActor())

    assert [(e.complaint_id, e.breaches) for e in report.escalations] == [
        (complaint_id, ["first_response", "resolution"])
    ]
    complaint = world.repo.committed[complaint_id]
    assert (complaint.priority, complaint.escalation_level) == (Priority.HIGH, 1)
    assert complaint.first_response_escalated_at == complaint.resolution_escalated_at == world.clock.now()
    entries = [u.message for u in complaint.updates if u.kind is UpdateKind.ESCALATION]
    assert len(entries) == 1
    assert "first response overdue and resolution overdue" in entries[0]
    assert [n.template for n in world.notifier.published] == [
        "complaint_escalated",
        "complaint_escalated_to_you",
    ]
    world.clock.advance(timedelta(days=10))
    assert (await world.monitor.execute(actor=SystemActor())).escalations == []


async def test_escalation_lifts_the_queue_score_and_moves_the_claim_to_the_new_assignee() -> None:
    world = World()
    escalated = await world.add(Priority.LOW, score=10)
    busy = await world.add(Priority.LOW, score=30)
    world.repo.committed[busy].first_responded_at = START  # answered: its first response never breaches
    world.clock.advance(timedelta(hours=48))  # only the first complaint's first response breaches

    await world.monitor.execute(actor=SystemActor())

    item = world.repo.queue[escalated]
    assert (item.level, item.score, item.claimed_by) == ("medium", 35, SENIOR.id)
    ranked = sorted(world.repo.queue, key=lambda i: (-world.repo.queue[i].score, world.repo.queue[i].due_at))
    assert ranked == [escalated, busy]
    factors = world.repo.committed[escalated].priority_factors
    assert factors[-1].name == "escalation"
    assert (factors[-1].detail, factors[-1].points) == ("low -> medium", 25)
