"""The Complaint aggregate: its status table, timeline, resolution, assignment, replies, reopening, SLA
clocks and escalation once per breach."""

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from domain.booking.entities import BookingId
from domain.complaint.entities import (
    ACTIVE_STATUSES,
    TRANSITIONS,
    Breach,
    Complaint,
    ComplaintStatus,
    ComplaintType,
    Priority,
    SlaState,
    UpdateAuthor,
    UpdateKind,
)
from domain.complaint.errors import (
    ComplaintClosed,
    EmptyMessage,
    InternalNoteByCustomer,
    ReopenWindowClosed,
    ResolutionNoteRequired,
)
from domain.complaint.policy import REOPEN_WINDOW, SERVICE_LEVELS, due_times, level_for_score, raised
from domain.customer.entities import CustomerId
from domain.shared.errors import InvalidValue
from domain.shared.status_machine import TransitionNotAllowed

OPENED = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)
SEVERITY = [Priority.LOW, Priority.MEDIUM, Priority.HIGH, Priority.CRITICAL]
S = ComplaintStatus
# A shortest path from a new complaint to each status, along the table.
PATH_TO: dict[ComplaintStatus, list[ComplaintStatus]] = {
    S.OPEN: [],
    S.IN_PROGRESS: [S.IN_PROGRESS],
    S.ESCALATED: [S.ESCALATED],
    S.RESOLVED: [S.IN_PROGRESS, S.RESOLVED],
    S.CLOSED: [S.IN_PROGRESS, S.RESOLVED, S.CLOSED],
}


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


def complaint_in(status: ComplaintStatus, score: int = 65) -> Complaint:
    complaint = make_complaint(score)
    for step in PATH_TO[status]:
        complaint.move_to(step, now=OPENED, staff_id=4, note="step")
    return complaint


def test_filed_complaint_is_open_with_sla_due_times_and_a_received_entry_when_filed() -> None:
    complaint = Complaint.file(
        customer_id=CustomerId(3),
        booking_id=None,
        type=ComplaintType.SAFETY,
        subject="  Gas smell after repair ",
        description="The technician left the pipe loose.",
        priority=Priority.CRITICAL,
        priority_score=88,
        priority_factors=(),
        sentiment=-0.6,
        now=OPENED,
    )
    assert complaint.status is S.OPEN
    assert complaint.subject == "Gas smell after repair"
    assert complaint.first_response_due_at == OPENED + timedelta(hours=1)
    assert complaint.resolution_due_at == OPENED + timedelta(hours=4)
    [entry] = complaint.updates
    assert (entry.author, entry.new_status, entry.is_internal) == (UpdateAuthor.CUSTOMER, S.OPEN, False)


@pytest.mark.parametrize(("subject", "description"), [("", "x"), ("   ", "x"), ("x" * 201, "x"), ("ok", " ")])
def test_filing_refused_when_subject_or_description_is_blank_or_too_long(
    subject: str, description: str
) -> None:
    with pytest.raises(InvalidValue):
        Complaint.file(
            customer_id=CustomerId(3), booking_id=None, type=ComplaintType.OTHER, subject=subject,
            description=description, priority=Priority.LOW, priority_score=5, priority_factors=(),
            sentiment=None, now=OPENED,
        )  # fmt: skip


@pytest.mark.parametrize("score", [-1, 101])
def test_complaint_refused_when_priority_score_is_outside_0_to_100(score: int) -> None:
    with pytest.raises(InvalidValue) as caught:
        make_complaint(score)
    assert caught.value.field == "priority_score"


def test_transition_table_is_exactly_the_issue_table_when_read() -> None:
    assert {
        S.OPEN: {S.IN_PROGRESS, S.ESCALATED},
        S.IN_PROGRESS: {S.RESOLVED, S.ESCALATED},
        S.ESCALATED: {S.IN_PROGRESS, S.RESOLVED},
        S.RESOLVED: {S.CLOSED, S.IN_PROGRESS},
        S.CLOSED: set(),
    } == TRANSITIONS


@pytest.mark.parametrize(("current", "requested"), list(itertools.product(ComplaintStatus, ComplaintStatus)))
def test_every_status_pair_is_allowed_exactly_when_the_table_has_it(
    current: ComplaintStatus, requested: ComplaintStatus
) -> None:
    complaint = complaint_in(current)
    before = len(complaint.updates)
    if requested in TRANSITIONS[current]:
        complaint.move_to(requested, now=OPENED, staff_id=4, note="a note")
        assert complaint.status is requested
        public = complaint.updates[before:]
        if requested is not S.RESOLVED:  # any other note is kept as an internal note after the entry
            assert [(u.kind, u.message, u.is_internal) for u in public[1:]] == [
                (UpdateKind.INTERNAL_NOTE, "a note", True)
            ]
            public = public[:1]
        assert len(public) == 1
        assert (public[-1].old_status, public[-1].new_status) == (current, requested)
    else:
        with pytest.raises(TransitionNotAllowed) as caught:
            complaint.move_to(requested, now=OPENED, staff_id=4, note="a note")
        assert caught.value.allowed == sorted(s.value for s in TRANSITIONS[current])
        assert complaint.status is current
        assert len(complaint.updates) == before


def test_move_writes_a_status_change_by_staff_when_staff_moves_it() -> None:
    complaint = make_complaint()
    complaint.move_to(S.IN_PROGRESS, now=OPENED, staff_id=4)
    [entry] = complaint.updates
    assert (entry.old_status, entry.new_status) == (S.OPEN, S.IN_PROGRESS)
    assert entry.kind is UpdateKind.STATUS_CHANGE
    assert (entry.author, entry.author_staff_id) == (UpdateAuthor.STAFF, 4)
    assert entry.message == "Status changed from open to in_progress"


def test_resolve_from_open_passes_through_in_progress_and_counts_as_first_response_when_resolved() -> None:
    complaint = make_complaint()
    at = OPENED + timedelta(hours=3)
    complaint.resolve("Refunded the visit charge", now=at, staff_id=4)
    assert complaint.status is S.RESOLVED
    assert (complaint.resolution, complaint.resolved_at, complaint.first_responded_at) == (
        "Refunded the visit charge", at, at,
    )  # fmt: skip
    assert [u.new_status for u in complaint.updates] == [S.IN_PROGRESS, S.RESOLVED]
    assert complaint.updates[-1].kind is UpdateKind.RESOLUTION


@pytest.mark.parametrize("note", ["", "   ", "\n\t"])
def test_resolve_refused_and_nothing_changes_when_note_is_blank(note: str) -> None:
    complaint = complaint_in(S.IN_PROGRESS)
    before = len(complaint.updates)
    with pytest.raises(ResolutionNoteRequired):
        complaint.resolve(note, now=OPENED, staff_id=4)
    with pytest.raises(ResolutionNoteRequired):
        complaint.move_to(S.RESOLVED, now=OPENED, staff_id=4, note=note)
    assert complaint.status is S.IN_PROGRESS
    assert len(complaint.updates) == before
    assert complaint.resolved_at is None


def test_assign_records_an_internal_entry_when_staff_assigns() -> None:
    complaint = make_complaint()
    complaint.assign(12, now=OPENED, by_staff_id=4)
    complaint.assign(15, now=OPENED, by_staff_id=4)
    assert complaint.assigned_staff_id == 15
    entry = complaint.updates[-1]
    assert (entry.kind, entry.is_internal, entry.author_staff_id) == (UpdateKind.ASSIGNMENT, True, 4)
    assert "(was #12)" in entry.message
    assert complaint.visible_to_customer() == []


def test_staff_public_reply_is_the_first_response_but_internal_notes_and_customer_words_are_not() -> None:
    complaint = make_complaint()
    complaint.add_update("Any news?", now=OPENED, author=UpdateAuthor.CUSTOMER)
    complaint.add_update(
        "Called the provider", now=OPENED, author=UpdateAuthor.STAFF, staff_id=4, internal=True
    )
    assert complaint.first_responded_at is None
    reply_at = OPENED + timedelta(minutes=40)
    complaint.add_update("We are on it", now=reply_at, author=UpdateAuthor.STAFF, staff_id=4)
    complaint.add_update("Update: rebooked", now=reply_at + timedelta(hours=1), author=UpdateAuthor.STAFF)
    assert complaint.first_responded_at == reply_at
    assert [u.message for u in complaint.visible_to_customer()] == [
        "Any news?", "We are on it", "Update: rebooked",
    ]  # fmt: skip
    assert complaint.updates[1].kind is UpdateKind.INTERNAL_NOTE


def test_updates_refused_when_blank_internal_by_customer_or_complaint_closed() -> None:
    complaint = make_complaint()
    with pytest.raises(EmptyMessage):
        complaint.add_update("  ", now=OPENED, author=UpdateAuthor.CUSTOMER)
    with pytest.raises(InternalNoteByCustomer):
        complaint.add_update("secret", now=OPENED, author=UpdateAuthor.CUSTOMER, internal=True)
    closed = complaint_in(S.CLOSED)
    with pytest.raises(ComplaintClosed):
        closed.add_update("hello?", now=OPENED, author=UpdateAuthor.CUSTOMER)
    with pytest.raises(ComplaintClosed):
        closed.assign(3, now=OPENED, by_staff_id=4)
    assert complaint.updates == []


def test_reopen_within_the_window_goes_back_to_in_progress_with_a_fresh_clock() -> None:
    complaint = make_complaint()
    complaint.resolve("Rebooked for free", now=OPENED, staff_id=4)
    at = OPENED + REOPEN_WINDOW
    complaint.reopen(now=at, reason="It broke again")
    assert complaint.status is S.IN_PROGRESS
    assert (complaint.resolved_at, complaint.resolution) == (None, None)
    assert complaint.resolution_due_at == at + SERVICE_LEVELS[complaint.priority].resolution
    entry = complaint.updates[-1]
    assert (entry.author, entry.old_status, entry.new_status) == (
        UpdateAuthor.CUSTOMER,
        S.RESOLVED,
        S.IN_PROGRESS,
    )
    assert entry.message == "Reopened by the customer: It broke again"


def test_reopen_refused_after_the_window_or_when_not_resolved() -> None:
    complaint = make_complaint()
    complaint.resolve("Done", now=OPENED, staff_id=4)
    with pytest.raises(ReopenWindowClosed):
        complaint.reopen(now=OPENED + REOPEN_WINDOW + timedelta(seconds=1))
    assert complaint.status is S.RESOLVED
    for status in (S.OPEN, S.IN_PROGRESS, S.ESCALATED, S.CLOSED):
        other = complaint_in(status)
        with pytest.raises(TransitionNotAllowed):
            other.reopen(now=OPENED)
        assert other.status is status


@pytest.mark.parametrize("priority", list(Priority))
def test_breaches_appear_at_the_due_times_of_each_level(priority: Priority) -> None:
    complaint = make_complaint()
    complaint.priority = priority
    complaint.first_response_due_at, complaint.resolution_due_at = due_times(priority, OPENED)
    level = SERVICE_LEVELS[priority]
    assert complaint.breaches(OPENED + level.first_response - timedelta(seconds=1)) == []
    assert complaint.breaches(OPENED + level.first_response) == [Breach.FIRST_RESPONSE]
    assert complaint.breaches(OPENED + level.resolution) == [Breach.FIRST_RESPONSE, Breach.RESOLUTION]
    complaint.first_responded_at = OPENED
    assert complaint.breaches(OPENED + level.resolution) == [Breach.RESOLUTION]


def test_escalation_happens_once_per_breach_and_raises_priority_each_time() -> None:
    complaint = make_complaint(40)  # medium
    at = OPENED + timedelta(days=1)
    assert complaint.escalate(
        now=at, reason="first response overdue", to_staff_id=20, breach=Breach.FIRST_RESPONSE
    )
    assert (complaint.status, complaint.priority, complaint.escalation_level) == (
        S.ESCALATED,
        Priority.HIGH,
        1,
    )
    assert complaint.assigned_staff_id == 20
    assert complaint.first_response_escalated_at == at
    entries = len(complaint.updates)
    assert not complaint.escalate(now=at, reason="again", to_staff_id=21, breach=Breach.FIRST_RESPONSE)
    assert (complaint.priority, complaint.escalation_level, len(complaint.updates)) == (
        Priority.HIGH,
        1,
        entries,
    )
    assert complaint.breaches(at + timedelta(days=3)) == [Breach.RESOLUTION]
    assert complaint.escalate(now=at, reason="resolution overdue", to_staff_id=None, breach=Breach.RESOLUTION)
    assert (complaint.priority, complaint.escalation_level, complaint.assigned_staff_id) == (
        Priority.CRITICAL, 2, 20,
    )  # fmt: skip
    assert complaint.breaches(at + timedelta(days=30)) == []
    entry = complaint.updates[-1]
    assert (entry.kind, entry.author, entry.is_internal) == (
        UpdateKind.ESCALATION,
        UpdateAuthor.SYSTEM,
        False,
    )


def test_escalation_refused_when_resolved_or_closed() -> None:
    for status in (S.RESOLVED, S.CLOSED):
        complaint = complaint_in(status)
        with pytest.raises(TransitionNotAllowed):
            complaint.escalate(now=OPENED, reason="x", to_staff_id=None, breach=Breach.RESOLUTION)
        assert complaint.resolution_escalated_at is None
        assert complaint.breaches(OPENED + timedelta(days=60)) == []


def test_sla_state_moves_from_on_track_to_at_risk_to_breached_then_met_when_answered() -> None:
    complaint = make_complaint(40)  # medium: 24 h first response
    assert complaint.sla_state(Breach.FIRST_RESPONSE, OPENED) is SlaState.ON_TRACK
    assert complaint.sla_state(Breach.FIRST_RESPONSE, OPENED + timedelta(hours=19)) is SlaState.AT_RISK
    assert complaint.sla_state(Breach.FIRST_RESPONSE, OPENED + timedelta(hours=24)) is SlaState.BREACHED
    complaint.add_update("Hi", now=OPENED + timedelta(hours=2), author=UpdateAuthor.STAFF, staff_id=1)
    assert complaint.sla_state(Breach.FIRST_RESPONSE, OPENED + timedelta(hours=30)) is SlaState.MET


def test_raised_goes_one_level_up_and_critical_stays_critical() -> None:
    assert [raised(p) for p in SEVERITY] == [
        Priority.MEDIUM,
        Priority.HIGH,
        Priority.CRITICAL,
        Priority.CRITICAL,
    ]


notes = st.one_of(st.sampled_from(["", " ", "\t\n", "Refund issued"]), st.text(max_size=12))


class ComplaintMachine(RuleBasedStateMachine):
    """Random moves, replies, escalations and reopenings on one complaint; the timeline must tell exactly the
    story of accepted status changes, and the rules must hold after every step."""

    complaint: Complaint

    @initialize(score=st.integers(min_value=0, max_value=100))
    def open_complaint(self, score: int) -> None:
        self.complaint = make_complaint(score)
        self.clock = OPENED
        self.closed = False

    @rule(
        status=st.sampled_from(ComplaintStatus),
        staff_id=st.one_of(st.none(), st.integers(min_value=1, max_value=500)),
        note=notes,
    )
    def move(self, status: ComplaintStatus, staff_id: int | None, note: str) -> None:
        self.clock += timedelta(minutes=23)
        c = self.complaint
        old, before = c.status, len(c.updates)
        expected_ok = status in TRANSITIONS[old] and (status is not S.RESOLVED or bool(note.strip()))
        try:
            c.move_to(status, now=self.clock, staff_id=staff_id, note=note)
        except (TransitionNotAllowed, ResolutionNoteRequired):
            assert not expected_ok
            assert (c.status, len(c.updates)) == (old, before)
            return
        assert expected_ok
        assert c.status is status
        entry = [u for u in c.updates if not u.is_internal][-1]  # a staff note follows as an internal note
        assert (entry.old_status, entry.new_status, entry.created_at) == (old, status, self.clock)

    @rule(breach=st.sampled_from(Breach), hours=st.integers(min_value=0, max_value=200))
    def monitor(self, breach: Breach, hours: int) -> None:
        self.clock += timedelta(hours=hours)
        c = self.complaint
        due = c.breaches(self.clock)
        level, escalations = c.escalation_level, len(c.updates)
        for found in due:
            assert c.escalate(now=self.clock, reason="overdue", to_staff_id=None, breach=found)
        assert c.breaches(self.clock) == []
        assert c.escalation_level == level + len(due)
        assert len(c.updates) == escalations + len(due)

    @rule(text=st.text(min_size=1, max_size=20))
    def reply(self, text: str) -> None:
        self.clock += timedelta(minutes=5)
        c = self.complaint
        if c.status is S.CLOSED or not text.strip():
            return
        c.add_update(text, now=self.clock, author=UpdateAuthor.STAFF, staff_id=7)
        assert c.first_responded_at is not None

    @invariant()
    def status_entries_chain_along_the_table(self) -> None:
        c = self.complaint
        changes = [u for u in c.updates if u.new_status is not None]
        chain = [S.OPEN] + [u.new_status for u in changes]
        assert [u.old_status for u in changes] == chain[:-1]
        assert chain[-1] is c.status
        for old, new in itertools.pairwise(chain):
            assert new in TRANSITIONS[old] or (old is new is S.ESCALATED)

    @invariant()
    def closed_is_final(self) -> None:
        if self.closed:
            assert self.complaint.status is S.CLOSED
        self.closed = self.complaint.status is S.CLOSED

    @invariant()
    def resolved_at_is_set_only_while_resolved_or_closed(self) -> None:
        c = self.complaint
        assert (c.resolved_at is not None) == (c.status in (S.RESOLVED, S.CLOSED))
        if c.resolved_at is not None:
            assert c.resolution
        assert (c.closed_at is not None) == (c.status is S.CLOSED)
        if c.status not in ACTIVE_STATUSES:
            assert c.breaches(self.clock + timedelta(days=400)) == []


ComplaintMachine.TestCase.settings = settings(max_examples=60, stateful_step_count=20, deadline=None)
TestComplaintLifecycle = ComplaintMachine.TestCase


@pytest.mark.parametrize(
    ("score", "level"),
    [(0, Priority.LOW), (34, Priority.LOW), (35, Priority.MEDIUM), (59, Priority.MEDIUM),
     (60, Priority.HIGH), (79, Priority.HIGH), (80, Priority.CRITICAL), (100, Priority.CRITICAL)],
)  # fmt: skip
def test_level_follows_thresholds_when_score_is_at_a_boundary(score: int, level: Priority) -> None:
    assert level_for_score(score) is level


@given(st.integers(min_value=0, max_value=100), st.integers(min_value=0, max_value=100))
def test_higher_score_never_gets_a_lower_level_when_comparing_two_scores(a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert SEVERITY.index(level_for_score(low)) <= SEVERITY.index(level_for_score(high))


@pytest.mark.parametrize(
    ("priority", "first_response_hours", "resolution_hours"),
    [(Priority.CRITICAL, 1, 4), (Priority.HIGH, 4, 24), (Priority.MEDIUM, 24, 72), (Priority.LOW, 48, 168)],
)
def test_due_times_follow_the_sla_table_when_complaint_is_opened(
    priority: Priority, first_response_hours: int, resolution_hours: int
) -> None:
    first_response_due, resolution_due = due_times(priority, OPENED)
    assert first_response_due == OPENED + timedelta(hours=first_response_hours)
    assert resolution_due == OPENED + timedelta(hours=resolution_hours)


def test_a_resolution_without_staff_still_counts_as_the_first_response() -> None:
    complaint = make_complaint()
    complaint.resolve("Refunded by the operations team", now=OPENED + timedelta(hours=2), staff_id=None)
    assert complaint.first_responded_at == OPENED + timedelta(hours=2)
    assert complaint.updates[-1].author is UpdateAuthor.SYSTEM


def test_escalating_a_critical_complaint_says_its_priority_stays() -> None:
    complaint = make_complaint(90)
    assert complaint.escalate(
        now=OPENED, reason="resolution overdue", to_staff_id=None, breach=Breach.RESOLUTION
    )
    assert complaint.priority is Priority.CRITICAL
    assert complaint.updates[-1].message == (
        "Escalated to a senior team member (resolution overdue); priority stays critical"
    )
    assert "critical -> critical" not in complaint.updates[-1].message


def test_one_escalation_records_both_breaches_and_raises_one_level() -> None:
    complaint = make_complaint(40)  # medium
    at = OPENED + timedelta(hours=80)
    assert complaint.breaches(at) == [Breach.FIRST_RESPONSE, Breach.RESOLUTION]
    assert complaint.escalate(now=at, reason="x", to_staff_id=7, breaches=complaint.breaches(at))
    assert (complaint.priority, complaint.escalation_level, complaint.breaches(at)) == (Priority.HIGH, 1, [])
    assert complaint.priority_score == 60  # lifted to the high level's minimum
    assert not complaint.escalate(now=at, reason="x", to_staff_id=8, breaches=list(Breach))
    assert complaint.assigned_staff_id == 7
