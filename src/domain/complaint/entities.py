"""The Complaint aggregate: what went wrong, how urgent it is, who handles it, and its timeline.

Every rule of a complaint's life is a method here; use cases call them and never set fields."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NewType

from domain.booking.entities import BookingId
from domain.complaint.errors import (
    ComplaintClosed,
    EmptyMessage,
    InternalNoteByCustomer,
    NotReopenable,
    ReopenWindowClosed,
    ResolutionNoteRequired,
)
from domain.complaint.policy import (
    AT_RISK_FRACTION,
    REOPEN_WINDOW,
    SERVICE_LEVELS,
    due_times,
    min_score,
    raised,
)
from domain.complaint.values import (
    Breach,
    ComplaintStatus,
    ComplaintType,
    Priority,
    PriorityFactor,
    SlaState,
    UpdateAuthor,
    UpdateKind,
)
from domain.customer.entities import CustomerId
from domain.shared.errors import InvalidValue
from domain.shared.status_machine import check_transition

__all__ = [
    "ACTIVE_STATUSES",
    "TRANSITIONS",
    "Breach",
    "Complaint",
    "ComplaintId",
    "ComplaintStatus",
    "ComplaintType",
    "ComplaintUpdate",
    "ComplaintUpdateId",
    "Priority",
    "PriorityFactor",
    "SlaState",
    "UpdateAuthor",
    "UpdateKind",
]

ComplaintId = NewType("ComplaintId", int)
ComplaintUpdateId = NewType("ComplaintUpdateId", int)

TRANSITIONS: dict[ComplaintStatus, frozenset[ComplaintStatus]] = {
    ComplaintStatus.OPEN: frozenset({ComplaintStatus.IN_PROGRESS, ComplaintStatus.ESCALATED}),
    ComplaintStatus.IN_PROGRESS: frozenset({ComplaintStatus.RESOLVED, ComplaintStatus.ESCALATED}),
    ComplaintStatus.ESCALATED: frozenset({ComplaintStatus.IN_PROGRESS, ComplaintStatus.RESOLVED}),
    ComplaintStatus.RESOLVED: frozenset({ComplaintStatus.CLOSED, ComplaintStatus.IN_PROGRESS}),
    ComplaintStatus.CLOSED: frozenset(),
}
"""open -> in_progress -> resolved -> closed; escalated from open or in_progress (and back to in_progress,
or resolved by the senior who took it); reopened: resolved -> in_progress."""

ACTIVE_STATUSES = frozenset({ComplaintStatus.OPEN, ComplaintStatus.IN_PROGRESS, ComplaintStatus.ESCALATED})
"""Statuses whose SLA clocks are running."""

MAX_MESSAGE = 5000


@dataclass(eq=False, kw_only=True)
class ComplaintUpdate:
    """One entry of the timeline. Internal notes are never shown to the customer."""

    id: ComplaintUpdateId | None = None
    complaint_id: ComplaintId | None = None
    author: UpdateAuthor
    author_staff_id: int | None = None
    kind: UpdateKind
    message: str
    is_internal: bool = False
    old_status: ComplaintStatus | None = None
    new_status: ComplaintStatus | None = None
    created_at: datetime


@dataclass(eq=False, kw_only=True)
class Complaint:
    """Status moves only along TRANSITIONS and every change is written to the timeline. Resolving needs a
    resolution note. Each SLA breach (first response, resolution) escalates at most once: the time it was
    escalated is recorded in `first_response_escalated_at` / `resolution_escalated_at`."""

    id: ComplaintId | None = None
    customer_id: CustomerId
    booking_id: BookingId | None = None
    type: ComplaintType
    subject: str
    description: str
    priority: Priority
    priority_score: int
    priority_factors: tuple[PriorityFactor, ...] = ()
    sentiment: float | None = None
    status: ComplaintStatus = ComplaintStatus.OPEN
    assigned_staff_id: int | None = None
    first_response_due_at: datetime
    resolution_due_at: datetime
    first_responded_at: datetime | None = None
    resolved_at: datetime | None = None
    closed_at: datetime | None = None
    resolution: str | None = None
    escalation_level: int = 0
    first_response_escalated_at: datetime | None = None
    resolution_escalated_at: datetime | None = None
    created_at: datetime
    updates: list[ComplaintUpdate] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not 0 <= self.priority_score <= 100:
            raise InvalidValue("priority_score", "priority score is 0 to 100")

    @classmethod
    def file(
        cls,
        *,
        customer_id: CustomerId,
        booking_id: BookingId | None,
        type: ComplaintType,
        subject: str,
        description: str,
        priority: Priority,
        priority_score: int,
        priority_factors: tuple[PriorityFactor, ...],
        sentiment: float | None,
        now: datetime,
    ) -> "Complaint":
        """A new open complaint by a customer, with SLA due times from its level and a first timeline
        entry. Subject (1-200) and description (1-5000) are trimmed and must not be empty."""
        subject, description = subject.strip(), description.strip()
        if not 1 <= len(subject) <= 200:
            raise InvalidValue("subject", "the subject is 1 to 200 characters")
        if not 1 <= len(description) <= MAX_MESSAGE:
            raise InvalidValue("description", f"the description is 1 to {MAX_MESSAGE} characters")
        first_due, resolution_due = due_times(priority, now)
        complaint = cls(
            customer_id=customer_id,
            booking_id=booking_id,
            type=type,
            subject=subject,
            description=description,
            priority=priority,
            priority_score=priority_score,
            priority_factors=priority_factors,
            sentiment=sentiment,
            first_response_due_at=first_due,
            resolution_due_at=resolution_due,
            created_at=now,
        )
        complaint._record(
            UpdateAuthor.CUSTOMER,
            None,
            UpdateKind.STATUS_CHANGE,
            "Complaint received",
            now,
            new_status=ComplaintStatus.OPEN,
        )
        return complaint

    # --- status ---------------------------------------------------------------------------------
    def move_to(
        self, status: ComplaintStatus, *, now: datetime, staff_id: int | None, note: str = ""
    ) -> None:
        """Change status along TRANSITIONS (TransitionNotAllowed otherwise) and record it on the timeline.
        Resolving needs a note (ResolutionNoteRequired); moving to escalated goes through `escalate`.

        What the customer sees: a resolution note is the answer to the customer, so it is the public
        timeline entry. For every other move the public entry is a neutral "Status changed" line and the
        staff member's note, if any, is kept as an internal note (never shown to the customer)."""
        check_transition("complaint", TRANSITIONS, self.status, status)
        if status is ComplaintStatus.ESCALATED:
            self.escalate(now=now, reason="", to_staff_id=None, by_staff_id=staff_id, note=note)
            return
        old = self.status
        if status is ComplaintStatus.RESOLVED:
            if not note.strip():
                raise ResolutionNoteRequired()
            self.resolution = note.strip()
            self.resolved_at = now
            if self.first_responded_at is None:  # the resolution answers the customer
                self.first_responded_at = now
        if status is ComplaintStatus.CLOSED:
            self.closed_at = now
        if old is ComplaintStatus.RESOLVED and status is ComplaintStatus.IN_PROGRESS:
            self._restart_resolution_clock(now)
        self.status = status
        author = UpdateAuthor.STAFF if staff_id is not None else UpdateAuthor.SYSTEM
        if status is ComplaintStatus.RESOLVED:
            self._record(
                author, staff_id, UpdateKind.RESOLUTION, note.strip(), now, old_status=old, new_status=status
            )
            return
        message = f"Status changed from {old.value} to {status.value}"
        self._record(
            author, staff_id, UpdateKind.STATUS_CHANGE, message, now, old_status=old, new_status=status
        )
        self._internal_note(note, now=now, staff_id=staff_id)

    def start(self, *, now: datetime, staff_id: int | None) -> None:
        """Staff start working on it: open or escalated -> in_progress."""
        self.move_to(ComplaintStatus.IN_PROGRESS, now=now, staff_id=staff_id)

    def resolve(self, note: str, *, now: datetime, staff_id: int | None) -> None:
        """Resolve with a resolution note (ResolutionNoteRequired when blank). An open complaint is moved to
        in_progress first, so the timeline shows the table's path. A resolution counts as the first response
        when there was none."""
        if not note.strip():
            raise ResolutionNoteRequired()
        if self.status is ComplaintStatus.OPEN:
            self.start(now=now, staff_id=staff_id)
        self.move_to(ComplaintStatus.RESOLVED, now=now, staff_id=staff_id, note=note)

    def close(self, *, now: datetime, staff_id: int | None) -> None:
        """A resolved complaint is closed for good."""
        self.move_to(ComplaintStatus.CLOSED, now=now, staff_id=staff_id)

    def reopen(self, *, now: datetime, window: timedelta = REOPEN_WINDOW, reason: str = "") -> None:
        """The customer reopens a resolved complaint within `window` after its resolution (ReopenWindowClosed
        later; TransitionNotAllowed when it is not resolved). It goes back to in_progress with a fresh
        resolution clock for its level."""
        if self.status is not ComplaintStatus.RESOLVED or self.resolved_at is None:
            raise NotReopenable(self.status.value)
        closes_at = self.resolved_at + window
        if now > closes_at:
            raise ReopenWindowClosed(self.resolved_at, closes_at)
        old = self.status
        self._restart_resolution_clock(now)
        self.status = ComplaintStatus.IN_PROGRESS
        message = "Reopened by the customer" + (f": {reason.strip()}" if reason.strip() else "")
        self._record(
            UpdateAuthor.CUSTOMER,
            None,
            UpdateKind.STATUS_CHANGE,
            message,
            now,
            old_status=old,
            new_status=self.status,
        )

    # --- people ---------------------------------------------------------------------------------
    def assign(self, staff_id: int, *, now: datetime, by_staff_id: int | None) -> None:
        """Give the complaint to a staff member (internal timeline entry). Not for closed complaints."""
        if self.status is ComplaintStatus.CLOSED:
            raise ComplaintClosed()
        previous = self.assigned_staff_id
        self.assigned_staff_id = staff_id
        message = f"Assigned to staff #{staff_id}" + (f" (was #{previous})" if previous else "")
        author = UpdateAuthor.STAFF if by_staff_id is not None else UpdateAuthor.SYSTEM
        self._record(author, by_staff_id, UpdateKind.ASSIGNMENT, message, now, internal=True)

    def add_update(
        self,
        message: str,
        *,
        now: datetime,
        author: UpdateAuthor,
        staff_id: int | None = None,
        internal: bool = False,
    ) -> ComplaintUpdate:
        """Add a message to the timeline. Only staff write internal notes (never shown to the customer); a
        staff member's first public reply records `first_responded_at`. A closed complaint takes none."""
        text = message.strip()
        if not text:
            raise EmptyMessage()
        if len(text) > MAX_MESSAGE:
            raise InvalidValue("message", f"a message is at most {MAX_MESSAGE} characters")
        if self.status is ComplaintStatus.CLOSED:
            raise ComplaintClosed()
        if internal and author is not UpdateAuthor.STAFF:
            raise InternalNoteByCustomer()
        if author is UpdateAuthor.STAFF and not internal and self.first_responded_at is None:
            self.first_responded_at = now
        kind = UpdateKind.INTERNAL_NOTE if internal else UpdateKind.COMMENT
        return self._record(author, staff_id, kind, text, now, internal=internal)

    # --- SLA ------------------------------------------------------------------------------------
    def breaches(self, now: datetime) -> list[Breach]:
        """The SLA breaches at `now` that have not been escalated yet (first response before resolution)."""
        if self.status not in ACTIVE_STATUSES:
            return []
        found = []
        if (
            self.first_responded_at is None
            and now >= self.first_response_due_at
            and self.first_response_escalated_at is None
        ):
            found.append(Breach.FIRST_RESPONSE)
        if now >= self.resolution_due_at and self.resolution_escalated_at is None:
            found.append(Breach.RESOLUTION)
        return found

    def sla_state(self, breach: Breach, now: datetime) -> SlaState:
        """Where one SLA clock stands: met, on track, at risk (less than AT_RISK_FRACTION left) or
        breached."""
        if breach is Breach.FIRST_RESPONSE:
            done, due = self.first_responded_at, self.first_response_due_at
            window = SERVICE_LEVELS[self.priority].first_response
        else:
            done, due = self.resolved_at, self.resolution_due_at
            window = SERVICE_LEVELS[self.priority].resolution
        if done is not None:
            return SlaState.MET if done <= due else SlaState.BREACHED
        if now >= due:
            return SlaState.BREACHED
        return SlaState.AT_RISK if due - now < window * AT_RISK_FRACTION else SlaState.ON_TRACK

    def escalate(
        self,
        *,
        now: datetime,
        reason: str,
        to_staff_id: int | None,
        breach: Breach | None = None,
        breaches: Sequence[Breach] = (),
        by_staff_id: int | None = None,
        note: str = "",
    ) -> bool:
        """Escalate: status escalated (from open/in_progress; TransitionNotAllowed otherwise, an escalated
        complaint stays escalated), priority one level up (the score lifted to at least the new level's
        minimum, see `min_score`), escalation_level + 1, reassigned to `to_staff_id`
        when given, and one public timeline entry.

        With breaches (`breach` and/or `breaches`) it happens once per breach: the breaches not escalated
        yet are all recorded by this ONE escalation (one level up, however many clocks ran out); when all
        were escalated already it returns False and changes nothing. Returns True when it escalated.

        `reason` is system text shown to the customer (e.g. "first response overdue"); a staff member's
        `note` is kept as an internal note, never shown to the customer."""
        asked = ([breach] if breach is not None else []) + [b for b in breaches if b is not breach]
        pending = [
            b
            for b in asked
            if (b is Breach.FIRST_RESPONSE and self.first_response_escalated_at is None)
            or (b is Breach.RESOLUTION and self.resolution_escalated_at is None)
        ]
        if asked and not pending:
            return False
        old = self.status
        if old is not ComplaintStatus.ESCALATED:
            check_transition("complaint", TRANSITIONS, old, ComplaintStatus.ESCALATED)
        for found in pending:
            if found is Breach.FIRST_RESPONSE:
                self.first_response_escalated_at = now
            else:
                self.resolution_escalated_at = now
        old_priority = self.priority
        self.priority = raised(self.priority)
        self._raise_score_to_level(old_priority)
        self.escalation_level += 1
        self.status = ComplaintStatus.ESCALATED
        if to_staff_id is not None:
            self.assigned_staff_id = to_staff_id
        why = f" ({reason.strip()})" if reason.strip() else ""
        if self.priority is old_priority:
            level = f"priority stays {self.priority.value}"
        else:
            level = f"priority {old_priority.value} -> {self.priority.value}"
        message = f"Escalated to a senior team member{why}; {level}"
        author = UpdateAuthor.STAFF if by_staff_id is not None else UpdateAuthor.SYSTEM
        self._record(
            author, by_staff_id, UpdateKind.ESCALATION, message, now, old_status=old, new_status=self.status
        )
        self._internal_note(note, now=now, staff_id=by_staff_id)
        return True

    def visible_to_customer(self) -> list[ComplaintUpdate]:
        """The timeline without internal notes and internal entries, oldest first."""
        return [u for u in self.updates if not u.is_internal]

    # --- internals ------------------------------------------------------------------------------
    def _raise_score_to_level(self, old_priority: Priority) -> None:
        """Lift the score to the new level's minimum, as an `escalation` factor (the factors still add up
        to the score), so the priority queue ranks an escalated complaint with its new level."""
        gain = min_score(self.priority) - self.priority_score
        if gain > 0:
            self.priority_score += gain
            detail = f"{old_priority.value} -> {self.priority.value}"
            self.priority_factors = (*self.priority_factors, PriorityFactor("escalation", detail, gain))

    def _internal_note(self, note: str, *, now: datetime, staff_id: int | None) -> None:
        """Keep a staff member's note to a status change for staff only."""
        text = note.strip()[:MAX_MESSAGE]
        if text:
            author = UpdateAuthor.STAFF if staff_id is not None else UpdateAuthor.SYSTEM
            self._record(author, staff_id, UpdateKind.INTERNAL_NOTE, text, now, internal=True)

    def _restart_resolution_clock(self, now: datetime) -> None:
        self.resolved_at = None
        self.resolution = None  # the old resolution stays in the timeline
        self.resolution_due_at = now + SERVICE_LEVELS[self.priority].resolution
        self.resolution_escalated_at = None

    def _record(
        self,
        author: UpdateAuthor,
        staff_id: int | None,
        kind: UpdateKind,
        message: str,
        now: datetime,
        *,
        internal: bool = False,
        old_status: ComplaintStatus | None = None,
        new_status: ComplaintStatus | None = None,
    ) -> ComplaintUpdate:
        update = ComplaintUpdate(
            author=author,
            author_staff_id=staff_id,
            kind=kind,
            message=message,
            is_internal=internal,
            old_status=old_status,
            new_status=new_status,
            created_at=now,
        )
        self.updates.append(update)
        return update
