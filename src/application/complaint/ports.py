"""What the complaint use cases need: the aggregate's store (with the priority queue), the facts that feed
the priority score, the staff who can take an escalation, and the notifications outbox."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from application.booking.events import Notice
from domain.complaint.entities import Complaint, ComplaintId, ComplaintStatus
from domain.customer.entities import CustomerId


class ComplaintRepository(Protocol):
    """Loads and saves Complaint aggregates with their timelines, inside the caller's unit of work (the
    caller commits). Raises StorageUnavailable when the store cannot be reached."""

    async def get(self, complaint_id: ComplaintId) -> Complaint | None:
        """The complaint with its whole timeline (internal notes included); None for unknown ids."""
        ...

    async def get_for_update(self, complaint_id: ComplaintId) -> Complaint | None:
        """Like `get`, but holds the complaint's row lock until the transaction ends and reads its latest
        committed state (not an older snapshot or a cached copy). Concurrent writers of one complaint are
        serialised by this lock (MySQL/MariaDB; SQLite has a single writer)."""
        ...

    async def get_for_customer(self, customer_id: CustomerId, complaint_id: ComplaintId) -> Complaint | None:
        """The customer's own complaint; None for unknown ids and for anyone else's. A read: use
        `get_for_customer_update` to change it."""
        ...

    async def get_for_customer_update(
        self, customer_id: CustomerId, complaint_id: ComplaintId
    ) -> Complaint | None:
        """Like `get_for_customer`, but under the complaint's row lock and with its latest committed state
        (as `get_for_update`), so a customer's change never overwrites a concurrent staff change."""
        ...

    async def add(self, complaint: Complaint) -> Complaint:
        """Insert a new complaint with its timeline and give it an id."""
        ...

    async def save(self, complaint: Complaint) -> None:
        """Write the changes of a loaded complaint (fields and new timeline entries), and keep its
        priority-queue entry in step: level, due time, and `done` once resolved or closed."""
        ...

    async def enqueue(self, complaint: Complaint, *, reason: str, now: datetime) -> None:
        """Put the complaint on the ops priority queue (ordered by score, then due time), or refresh its
        entry. The due time is the earliest pending SLA due time."""
        ...

    async def list_for_customer(
        self,
        customer_id: CustomerId,
        *,
        status: ComplaintStatus | None,
        limit: int,
        offset: int,
    ) -> tuple[Sequence[Complaint], int]:
        """A page of the customer's complaints, newest first (then highest id), and how many match."""
        ...

    async def count_recent(self, customer_id: CustomerId, *, since: datetime) -> int:
        """How many complaints the customer filed at or after `since`."""
        ...

    async def breached(self, now: datetime, *, limit: int) -> Sequence[ComplaintId]:
        """Ids of active complaints with an SLA breach at `now` not escalated yet (first response unanswered
        and due, or resolution due), earliest first-response due time first (then lowest id), at most
        `limit`. Read without locks: re-check under `get_for_update` before escalating."""
        ...


@dataclass(frozen=True, slots=True)
class ComplaintContact:
    """Where a customer's complaint notices go (None: no contact on file)."""

    name: str
    email: str | None
    phone: str | None


class ComplaintFacts(Protocol):
    """Facts from other contexts that the priority score and the notices need. Raises StorageUnavailable."""

    async def booking_value(self, customer_id: CustomerId, booking_id: int) -> Decimal | None:
        """The total of the customer's own booking; None when the booking is unknown or someone else's."""
        ...

    async def contact(self, customer_id: CustomerId) -> ComplaintContact | None:
        """The customer's name and contact details; None for unknown or deleted customers."""
        ...


@dataclass(frozen=True, slots=True)
class StaffMember:
    id: int
    name: str
    email: str
    level: int


class EscalationStaff(Protocol):
    """Who can take an escalated complaint. Raises StorageUnavailable."""

    async def level_of(self, staff_id: int) -> int | None:
        """The role level of this staff member; None for unknown ids."""
        ...

    async def base_level(self) -> int:
        """The lowest role level that may work complaints (complaints.manage); 0 when no role may."""
        ...

    async def pick_above(self, level: int) -> StaffMember | None:
        """An active staff member who may work complaints (complaints.manage) with a role level strictly
        above `level`: the lowest such level, then the fewest active complaints, then the lowest id. None
        when nobody qualifies."""
        ...


class ComplaintNotifier(Protocol):
    """Queues notices in the caller's unit of work (the transactional outbox): written by its commit,
    dropped by its rollback. Raises StorageUnavailable."""

    async def publish(self, notices: Sequence[Notice]) -> None: ...


class MessageQueue(Protocol):
    """The priority queue's message entries, written in the caller's unit of work. Raises
    StorageUnavailable."""

    async def enqueue_message(
        self, message_id: int, *, score: int, level: str, due_at: datetime, reason: str, now: datetime
    ) -> bool:
        """Put the message on the queue (item_type `message`, waiting) or refresh its entry, and mark the
        message flagged. False (nothing written) when there is no such message."""
        ...
