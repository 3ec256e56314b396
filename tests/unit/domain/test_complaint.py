import itertools
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from domain.booking.entities import BookingId
from domain.complaint.entities import (
    TRANSITIONS,
    Complaint,
    ComplaintStatus,
    ComplaintType,
    Priority,
    UpdateAuthor,
    UpdateKind,
)
from domain.complaint.policy import SERVICE_LEVELS, due_times, level_for_score
from domain.customer.entities import CustomerId
from domain.shared.errors import InvalidValue
from domain.shared.status_machine import TransitionNotAllowed

OPENED = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)
SEVERITY = [Priority.LOW, Priority.MEDIUM, Priority.HIGH, Priority.CRITICAL]
S = ComplaintStatus


def make_complaint(score: int = 65) -> Complaint:
    priority = level_for_score(score)
    first_response_due, resolution_due = due_times(priority, OPENED)
    return Complaint(
        customer_id=CustomerId(1),
        booking_id=BookingId(9),
        type=ComplaintType.LATE_ARRIVAL,
        subject="Provider arrived two hours late",
        description="The cleaner came at 1 pm for an 11 am slot.",
        priority=priority,
        priority_score=score,
        first_response_due_at=first_response_due,
        resolution_due_at=resolution_due,
        created_at=OPENED,
    )


def test_new_complaint_is_open_with_empty_timeline_when_created() -> None:
    complaint = make_complaint()
    assert complaint.status is S.OPEN
    assert complaint.updates == []
    assert complaint.resolved_at is None


@pytest.mark.parametrize("score", [-1, 101])
def test_complaint_refused_when_priority_score_is_outside_0_to_100(score: int) -> None:
    with pytest.raises(InvalidValue) as caught:
        make_complaint(score)
    assert caught.value.field == "priority_score"


def test_move_writes_a_status_change_by_staff_when_staff_moves_it() -> None:
    complaint = make_complaint()
    complaint.move_to(S.IN_PROGRESS, now=OPENED, staff_id=4)
    [entry] = complaint.updates
    assert complaint.status is S.IN_PROGRESS
    assert (entry.old_status, entry.new_status) == (S.OPEN, S.IN_PROGRESS)
    assert entry.kind is UpdateKind.STATUS_CHANGE
    assert (entry.author, entry.author_staff_id) == (UpdateAuthor.STAFF, 4)
    assert entry.message == "Status changed from open to in_progress"
    assert entry.created_at == OPENED


def test_move_is_written_as_system_when_no_staff_member_moves_it() -> None:
    complaint = make_complaint()
    complaint.move_to(S.ESCALATED, now=OPENED, staff_id=None, note="SLA breached")
    [entry] = complaint.updates
    assert (entry.author, entry.author_staff_id) == (UpdateAuthor.SYSTEM, None)
    assert entry.message == "SLA breached"


def test_resolve_records_note_and_time_when_note_is_given() -> None:
    complaint = make_complaint()
    resolved = OPENED + timedelta(hours=3)
    complaint.move_to(S.RESOLVED, now=resolved, staff_id=4, note="Refunded the visit charge")
    assert complaint.status is S.RESOLVED
    assert complaint.resolution == "Refunded the visit charge"
    assert complaint.resolved_at == resolved
    assert complaint.updates[-1].kind is UpdateKind.RESOLUTION


@pytest.mark.parametrize("note", ["", "   ", "\n\t"])
def test_resolve_refused_and_timeline_unchanged_when_note_is_blank(note: str) -> None:
    complaint = make_complaint()
    with pytest.raises(InvalidValue) as caught:
        complaint.move_to(S.RESOLVED, now=OPENED, staff_id=4, note=note)
    assert caught.value.field == "resolution"
    assert complaint.status is S.OPEN
    assert complaint.updates == []
    assert complaint.resolved_at is None


def test_reopen_clears_resolved_at_when_resolved_goes_back_to_in_progress() -> None:
    complaint = make_complaint()
    complaint.move_to(S.RESOLVED, now=OPENED, staff_id=4, note="Rebooked for free")
    complaint.move_to(S.IN_PROGRESS, now=OPENED + timedelta(days=1), staff_id=None, note="Customer replied")
    assert complaint.status is S.IN_PROGRESS
    assert complaint.resolved_at is None
    assert [(u.old_status, u.new_status) for u in complaint.updates] == [
        (S.OPEN, S.RESOLVED),
        (S.RESOLVED, S.IN_PROGRESS),
    ]


def test_close_stamps_closed_at_and_nothing_follows_when_closed() -> None:
    complaint = make_complaint()
    complaint.move_to(S.RESOLVED, now=OPENED, staff_id=4, note="Done")
    complaint.move_to(S.CLOSED, now=OPENED + timedelta(days=2), staff_id=None)
    assert complaint.closed_at == OPENED + timedelta(days=2)
    for status in ComplaintStatus:
        with pytest.raises(TransitionNotAllowed) as caught:
            complaint.move_to(status, now=OPENED, staff_id=4, note="again")
        assert caught.value.allowed == []
    assert complaint.status is S.CLOSED
    assert len(complaint.updates) == 2


@pytest.mark.parametrize(
    ("path", "requested"),
    [
        ([], S.CLOSED),
        ([], S.OPEN),
        ([S.IN_PROGRESS], S.OPEN),
        ([S.IN_PROGRESS], S.CLOSED),
        ([S.ESCALATED], S.CLOSED),
        ([S.RESOLVED], S.ESCALATED),
        ([S.RESOLVED], S.RESOLVED),
    ],
)
def test_move_refused_with_current_requested_and_allowed_when_not_in_table(
    path: list[ComplaintStatus], requested: ComplaintStatus
) -> None:
    complaint = make_complaint()
    for status in path:
        complaint.move_to(status, now=OPENED, staff_id=4, note="step")
    current = complaint.status
    with pytest.raises(TransitionNotAllowed) as caught:
        complaint.move_to(requested, now=OPENED, staff_id=4, note="step")
    error = caught.value
    assert (error.entity, error.current, error.requested) == ("complaint", current.value, requested.value)
    assert error.allowed == sorted(s.value for s in TRANSITIONS[current])
    assert complaint.status is current
    assert len(complaint.updates) == len(path)


notes = st.one_of(st.sampled_from(["", " ", "\t\n", "Refund issued"]), st.text(max_size=12))


class ComplaintMachine(RuleBasedStateMachine):
    """Random moves on one complaint; the timeline must tell exactly the story of accepted moves."""

    complaint: Complaint

    @initialize(score=st.integers(min_value=0, max_value=100))
    def open_complaint(self, score: int) -> None:
        self.complaint = make_complaint(score)
        self.clock = OPENED
        self.accepted = 0
        self.closed = False

    @rule(
        status=st.sampled_from(ComplaintStatus),
        staff_id=st.one_of(st.none(), st.integers(min_value=1, max_value=500)),
        note=notes,
    )
    def move(self, status: ComplaintStatus, staff_id: int | None, note: str) -> None:
        self.clock += timedelta(minutes=23)
        c = self.complaint
        old = c.status
        before = (len(c.updates), c.resolved_at, c.resolution, c.closed_at)
        expected_ok = status in TRANSITIONS[old] and (status is not S.RESOLVED or bool(note.strip()))
        try:
            c.move_to(status, now=self.clock, staff_id=staff_id, note=note)
        except (TransitionNotAllowed, InvalidValue):
            assert not expected_ok
            assert c.status is old
            assert (len(c.updates), c.resolved_at, c.resolution, c.closed_at) == before
            return
        assert expected_ok
        self.accepted += 1
        entry = c.updates[-1]
        assert len(c.updates) == before[0] + 1
        assert (entry.old_status, entry.new_status, entry.created_at) == (old, status, self.clock)
        assert entry.author_staff_id == staff_id
        assert entry.author is (UpdateAuthor.STAFF if staff_id else UpdateAuthor.SYSTEM)
        assert entry.kind is (UpdateKind.RESOLUTION if status is S.RESOLVED else UpdateKind.STATUS_CHANGE)
        if note.strip():
            assert entry.message == note
        else:
            assert entry.message == f"Status changed from {old.value} to {status.value}"
        if status is S.RESOLVED:
            assert (c.resolution, c.resolved_at) == (note, self.clock)
        if status is S.CLOSED:
            assert c.closed_at == self.clock

    @invariant()
    def timeline_chains_every_accepted_move(self) -> None:
        c = self.complaint
        assert len(c.updates) == self.accepted
        chain = [S.OPEN] + [u.new_status for u in c.updates]
        assert [u.old_status for u in c.updates] == chain[:-1]
        assert chain[-1] is c.status
        assert all(new in TRANSITIONS[old] for old, new in itertools.pairwise(chain))

    @invariant()
    def closed_is_final(self) -> None:
        if self.closed:
            assert self.complaint.status is S.CLOSED
        self.closed = self.complaint.status is S.CLOSED

    @invariant()
    def resolved_at_is_set_only_while_resolved_or_closed(self) -> None:
        c = self.complaint
        assert (c.resolved_at is not None) == (c.status in (S.RESOLVED, S.CLOSED))
        if c.status in (S.RESOLVED, S.CLOSED):
            assert c.resolution is not None
            assert c.resolution.strip()
        assert (c.closed_at is not None) == (c.status is S.CLOSED)


ComplaintMachine.TestCase.settings = settings(max_examples=60, stateful_step_count=20, deadline=None)
TestComplaintLifecycle = ComplaintMachine.TestCase


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (0, Priority.LOW),
        (34, Priority.LOW),
        (35, Priority.MEDIUM),
        (59, Priority.MEDIUM),
        (60, Priority.HIGH),
        (79, Priority.HIGH),
        (80, Priority.CRITICAL),
        (100, Priority.CRITICAL),
    ],
)
def test_level_follows_thresholds_when_score_is_at_a_boundary(score: int, level: Priority) -> None:
    assert level_for_score(score) is level


@given(st.integers(min_value=0, max_value=100), st.integers(min_value=0, max_value=100))
def test_higher_score_never_gets_a_lower_level_when_comparing_two_scores(a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert SEVERITY.index(level_for_score(low)) <= SEVERITY.index(level_for_score(high))


@pytest.mark.parametrize(
    ("priority", "first_response_hours", "resolution_hours"),
    [
        (Priority.CRITICAL, 1, 4),
        (Priority.HIGH, 4, 24),
        (Priority.MEDIUM, 24, 72),
        (Priority.LOW, 48, 168),
    ],
)
def test_due_times_follow_the_sla_table_when_complaint_is_opened(
    priority: Priority, first_response_hours: int, resolution_hours: int
) -> None:
    first_response_due, resolution_due = due_times(priority, OPENED)
    assert first_response_due == OPENED + timedelta(hours=first_response_hours)
    assert resolution_due == OPENED + timedelta(hours=resolution_hours)


def test_every_level_has_a_service_level_when_reading_the_sla_table() -> None:
    assert set(SERVICE_LEVELS) == set(Priority)
    for level in SERVICE_LEVELS.values():
        assert level.first_response < level.resolution


def test_complaint_carries_policy_due_times_when_built_from_a_critical_score() -> None:
    complaint = make_complaint(92)
    assert complaint.priority is Priority.CRITICAL
    assert complaint.first_response_due_at == OPENED + timedelta(hours=1)
    assert complaint.resolution_due_at == OPENED + timedelta(hours=4)
