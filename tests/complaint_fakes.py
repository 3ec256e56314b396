"""In-memory fakes of the complaint ports, with the SQL adapters' semantics (tests/contract/
test_complaint_repository.py holds both to one suite). Changes become visible to other readers only on
commit; rollback drops them."""

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from application.ai.ports import AIServiceError
from application.booking.events import Notice
from application.common.errors import DependencyUnavailable
from application.complaint.ports import ComplaintContact, StaffMember
from domain.complaint.entities import ACTIVE_STATUSES, Complaint, ComplaintId, ComplaintStatus
from domain.customer.entities import CustomerId


def queue_due(c: Complaint) -> datetime:
    if c.first_responded_at is None:
        return min(c.first_response_due_at, c.resolution_due_at)
    return c.resolution_due_at


@dataclass
class QueueItem:
    score: int
    level: str
    due_at: datetime
    status: str
    reason: str
    claimed_by: int | None = None


def queue_state(c: Complaint) -> tuple[str, int | None]:
    """(status, claimant) of a complaint's entry: done once resolved or closed, else claimed by the
    assignee or waiting."""
    if c.status not in ACTIVE_STATUSES:
        return "done", c.assigned_staff_id
    return ("claimed" if c.assigned_staff_id is not None else "waiting"), c.assigned_staff_id


class InMemoryComplaintRepository:
    def __init__(self) -> None:
        self.committed: dict[int, Complaint] = {}
        self.queue: dict[int, QueueItem] = {}
        self._committed_queue: dict[int, QueueItem] = {}
        self._working: dict[int, Complaint] = {}
        self._next_id = 1
        self._next_update_id = 1
        self.locked: list[int] = []

    # unit of work
    def commit(self) -> None:
        for complaint in self._working.values():
            for update in complaint.updates:
                if update.id is None:
                    update.id = self._next_update_id  # type: ignore[assignment]
                    update.complaint_id = complaint.id
                    self._next_update_id += 1
        self.committed.update({k: copy.deepcopy(v) for k, v in self._working.items()})
        self._committed_queue = copy.deepcopy(self.queue)
        self._working.clear()

    def rollback(self) -> None:
        self._working.clear()
        self.queue = copy.deepcopy(self._committed_queue)

    def _load(self, complaint_id: int) -> Complaint | None:
        if complaint_id in self._working:
            return self._working[complaint_id]
        found = self.committed.get(complaint_id)
        if found is None:
            return None
        self._working[complaint_id] = copy.deepcopy(found)
        return self._working[complaint_id]

    async def get(self, complaint_id: ComplaintId) -> Complaint | None:
        return self._load(complaint_id)

    async def get_for_update(self, complaint_id: ComplaintId) -> Complaint | None:
        self.locked.append(complaint_id)
        self._working.pop(complaint_id, None)  # the latest committed state, not a stale copy
        return self._load(complaint_id)

    async def get_for_customer(self, customer_id: CustomerId, complaint_id: ComplaintId) -> Complaint | None:
        found = self._load(complaint_id)
        return found if found is not None and found.customer_id == customer_id else None

    async def get_for_customer_update(
        self, customer_id: CustomerId, complaint_id: ComplaintId
    ) -> Complaint | None:
        found = await self.get_for_update(complaint_id)
        return found if found is not None and found.customer_id == customer_id else None

    async def add(self, complaint: Complaint) -> Complaint:
        complaint.id = ComplaintId(self._next_id)
        self._next_id += 1
        self._working[complaint.id] = complaint
        return complaint

    async def save(self, complaint: Complaint) -> None:
        assert complaint.id is not None
        self._working[complaint.id] = complaint
        item = self.queue.get(complaint.id)
        if item is not None:
            item.level, item.due_at = complaint.priority.value, queue_due(complaint)
            item.score = complaint.priority_score
            item.status, item.claimed_by = queue_state(complaint)

    async def enqueue(self, complaint: Complaint, *, reason: str, now: datetime) -> None:
        assert complaint.id is not None
        status, claimed_by = queue_state(complaint)
        self.queue[complaint.id] = QueueItem(
            complaint.priority_score,
            complaint.priority.value,
            queue_due(complaint),
            status,
            reason[:200],
            claimed_by,
        )

    def _all(self) -> list[Complaint]:
        merged = {**self.committed, **self._working}
        return list(merged.values())

    async def list_for_customer(
        self, customer_id: CustomerId, *, status: ComplaintStatus | None, limit: int, offset: int
    ) -> tuple[Sequence[Complaint], int]:
        mine = [
            c for c in self._all() if c.customer_id == customer_id and (status is None or c.status is status)
        ]
        mine.sort(key=lambda c: (c.created_at, c.id or 0), reverse=True)
        return mine[offset : offset + limit], len(mine)

    async def count_recent(self, customer_id: CustomerId, *, since: datetime) -> int:
        return sum(1 for c in self._all() if c.customer_id == customer_id and c.created_at >= since)

    async def breached(self, now: datetime, *, limit: int) -> Sequence[ComplaintId]:
        found = [c for c in self.committed.values() if c.breaches(now)]
        found.sort(key=lambda c: (c.first_response_due_at, c.id or 0))
        return [ComplaintId(c.id) for c in found[:limit] if c.id is not None]


class FakeComplaintUow:
    def __init__(self, repository: InMemoryComplaintRepository) -> None:
        self._repository = repository
        self.commits = 0
        self.rollbacks = 0

    async def commit(self) -> None:
        self._repository.commit()
        self.commits += 1

    async def rollback(self) -> None:
        self._repository.rollback()
        self.rollbacks += 1


@dataclass
class FakeComplaintFacts:
    bookings: dict[tuple[int, int], Decimal] = field(default_factory=dict)  # (customer, booking) -> total
    contacts: dict[int, ComplaintContact] = field(default_factory=dict)

    async def booking_value(self, customer_id: CustomerId, booking_id: int) -> Decimal | None:
        return self.bookings.get((customer_id, booking_id))

    async def contact(self, customer_id: CustomerId) -> ComplaintContact | None:
        return self.contacts.get(customer_id)


@dataclass
class FakeEscalationStaff:
    """Active staff who work complaints, as (id, name, email, level)."""

    members: list[StaffMember] = field(default_factory=list)
    workload: dict[int, int] = field(default_factory=dict)
    base: int | None = None  # the lowest complaint-working level (default: the lowest member level)

    async def base_level(self) -> int:
        if self.base is not None:
            return self.base
        return min((m.level for m in self.members), default=0)

    async def level_of(self, staff_id: int) -> int | None:
        return next((m.level for m in self.members if m.id == staff_id), None)

    async def pick_above(self, level: int) -> StaffMember | None:
        above = [m for m in self.members if m.level > level]
        above.sort(key=lambda m: (m.level, self.workload.get(m.id, 0), m.id))
        return above[0] if above else None


@dataclass
class RecordingNotifier:
    published: list[Notice] = field(default_factory=list)

    async def publish(self, notices: Sequence[Notice]) -> None:
        self.published.extend(notices)


@dataclass
class FakeSentiment:
    score: float = 0.0
    down: bool = False
    model_error: bool = False
    seen: list[str] = field(default_factory=list)

    async def sentiment(self, text: str) -> float:
        self.seen.append(text)
        if self.down:
            raise DependencyUnavailable("sentiment")
        if self.model_error:
            raise AIServiceError("sentiment", "the model did not answer")
        return self.score


@dataclass
class InMemoryMessageQueue:
    """The MessageQueue port over a set of known message ids; entries by message id."""

    messages: set[int] = field(default_factory=set)
    flagged: set[int] = field(default_factory=set)
    entries: dict[int, dict[str, object]] = field(default_factory=dict)

    async def enqueue_message(
        self, message_id: int, *, score: int, level: str, due_at: datetime, reason: str, now: datetime
    ) -> bool:
        if message_id not in self.messages:
            return False
        self.flagged.add(message_id)
        created = self.entries.get(message_id, {}).get("created_at", now)
        self.entries[message_id] = {
            "item_type": "message", "message_id": message_id, "complaint_id": None, "score": score,
            "level": level, "due_at": due_at, "status": "waiting", "reason": reason[:200],
            "created_at": created,
        }  # fmt: skip
        return True
