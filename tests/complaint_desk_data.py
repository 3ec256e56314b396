"""A small, hand-computed set of complaints for the desk and analytics tests: the fakes load it as objects,
`load_sql` writes it into a freshly migrated database. Every expected figure in the tests follows from the
times below (NOW is noon in India on 20 Nov 2026; the analytics window is the India days 18-20 Nov)."""

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select

from adapters.persistence import tables as t
from adapters.persistence.engine import create_engine
from application.complaint.desk_ports import CustomerContact
from domain.complaint.entities import (
    Complaint,
    ComplaintId,
    ComplaintStatus,
    ComplaintType,
    ComplaintUpdate,
    Priority,
    UpdateAuthor,
    UpdateKind,
)
from domain.complaint.policy import SERVICE_LEVELS
from domain.customer.entities import CustomerId
from tests.complaint_desk_fakes import DeskData, QueueEntry

NOW = datetime(2026, 11, 20, 6, 30, tzinfo=UTC)
FIRST_DAY, LAST_DAY = date(2026, 11, 18), date(2026, 11, 20)
ASHA, BALA = 1, 2  # support agent, senior agent
MEERA, RAVI = 1, 2  # customers
STAFF = {ASHA: ("Asha Verma", "support_agent"), BALA: ("Bala Krishnan", "senior_agent")}
CUSTOMERS = {
    MEERA: CustomerContact(MEERA, "Meera Iyer", "meera.iyer@example.in", "+919845012345"),
    RAVI: CustomerContact(RAVI, "Ravi Teja", None, "+919900112233"),
}


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, second, tzinfo=UTC)


def _complaint(
    number: int,
    kind: ComplaintType,
    priority: Priority,
    status: ComplaintStatus,
    created: datetime,
    *,
    score: int,
    first_due: timedelta,
    resolution_due: timedelta,
    customer: int = MEERA,
    assignee: int | None = None,
    responded: datetime | None = None,
    resolved: datetime | None = None,
    closed: datetime | None = None,
    escalation: int = 0,
) -> Complaint:
    return Complaint(
        id=ComplaintId(number),
        customer_id=CustomerId(customer),
        type=kind,
        subject=f"Complaint {number}: {kind.value.replace('_', ' ')}",
        description="Known test complaint",
        priority=priority,
        priority_score=score,
        status=status,
        assigned_staff_id=assignee,
        first_response_due_at=created + first_due,
        resolution_due_at=created + resolution_due,
        first_responded_at=responded,
        resolved_at=resolved,
        closed_at=closed,
        resolution="Refunded the visit" if resolved else None,
        escalation_level=escalation,
        created_at=created,
    )


def complaints() -> list[Complaint]:
    h = timedelta(hours=1)
    c = ComplaintType
    p = Priority
    s = ComplaintStatus
    found = [
        _complaint(
            1,
            c.SAFETY,
            p.CRITICAL,
            s.RESOLVED,
            at(18, 4, 30),
            score=92,
            first_due=h,
            resolution_due=4 * h,
            assignee=ASHA,
            responded=at(18, 5),
            resolved=at(18, 7, 30),
        ),
        _complaint(
            2,
            c.DAMAGE,
            p.HIGH,
            s.CLOSED,
            at(18, 20),
            score=68,
            first_due=4 * h,
            resolution_due=24 * h,
            assignee=BALA,
            responded=at(19, 1),
            resolved=at(19, 22),
            closed=at(20, 1),
        ),
        _complaint(
            3,
            c.BILLING,
            p.MEDIUM,
            s.IN_PROGRESS,
            at(19, 7),
            score=45,
            first_due=24 * h,
            resolution_due=72 * h,
            assignee=ASHA,
            responded=at(19, 8, 0, 20),
        ),
        _complaint(
            4,
            c.NO_SHOW,
            p.HIGH,
            s.OPEN,
            at(19, 10),
            score=70,
            first_due=4 * h,
            resolution_due=24 * h,
            customer=RAVI,
        ),
        _complaint(
            5,
            c.BILLING,
            p.LOW,
            s.OPEN,
            at(20, 2),
            score=20,
            first_due=48 * h,
            resolution_due=168 * h,
            customer=RAVI,
            assignee=BALA,
        ),
        _complaint(
            6,
            c.SAFETY,
            p.CRITICAL,
            s.ESCALATED,
            at(17, 12),
            score=88,
            first_due=h,
            resolution_due=4 * h,
            assignee=ASHA,
            escalation=1,
        ),
        _complaint(
            7,
            c.REFUND,
            p.LOW,
            s.RESOLVED,
            at(17, 19),
            score=25,
            first_due=48 * h,
            resolution_due=168 * h,
            resolved=at(18, 1),
        ),
        _complaint(
            9,
            c.LATE_ARRIVAL,
            p.MEDIUM,
            s.RESOLVED,
            at(10, 5),
            score=40,
            first_due=24 * h,
            resolution_due=72 * h,
            assignee=BALA,
            responded=at(10, 6),
            resolved=at(18, 5),
        ),
        _complaint(
            10,
            c.BEHAVIOUR,
            p.CRITICAL,
            s.ESCALATED,
            at(19, 0),
            score=85,
            first_due=h,
            resolution_due=4 * h,
            assignee=BALA,
            responded=at(19, 0, 47, 30),
            escalation=1,
        ),
    ]
    first = found[0]
    first.updates = [
        ComplaintUpdate(
            complaint_id=first.id,
            author=UpdateAuthor.CUSTOMER,
            kind=UpdateKind.COMMENT,
            message="Sparks from the socket after the visit",
            created_at=at(18, 4, 40),
        ),
        ComplaintUpdate(
            complaint_id=first.id,
            author=UpdateAuthor.STAFF,
            author_staff_id=ASHA,
            kind=UpdateKind.INTERNAL_NOTE,
            message="Provider flagged for review",
            is_internal=True,
            created_at=at(18, 5),
        ),
        ComplaintUpdate(
            complaint_id=first.id,
            author=UpdateAuthor.STAFF,
            author_staff_id=ASHA,
            kind=UpdateKind.RESOLUTION,
            message="Refunded the visit",
            old_status=ComplaintStatus.OPEN,
            new_status=ComplaintStatus.RESOLVED,
            created_at=at(18, 7, 30),
        ),
    ]
    return found


def queue() -> list[QueueEntry]:
    return [
        QueueEntry(1, 4, 70, Priority.HIGH, at(19, 14), created_at=at(19, 10)),
        QueueEntry(2, 10, 85, Priority.CRITICAL, at(19, 4), "claimed", BALA, created_at=at(19, 0)),
        QueueEntry(3, 5, 20, Priority.LOW, at(22, 2), created_at=at(20, 2)),
        QueueEntry(4, 1, 92, Priority.CRITICAL, at(18, 8, 30), "done", ASHA, created_at=at(18, 4, 30)),
        QueueEntry(5, 3, 70, Priority.MEDIUM, at(19, 12), created_at=at(19, 7)),
    ]


def desk_data() -> DeskData:
    return DeskData(
        complaints=complaints(),
        customers=dict(CUSTOMERS),
        staff={i: name for i, (name, _) in STAFF.items()},
        queue=queue(),
    )


def _complaint_row(c: Complaint) -> dict[str, Any]:
    return {
        "id": c.id,
        "user_id": c.customer_id,
        "booking_id": None,
        "type": c.type,
        "subject": c.subject,
        "description": c.description,
        "priority": c.priority,
        "priority_score": c.priority_score,
        "sentiment": None,
        "status": c.status,
        "assigned_staff_id": c.assigned_staff_id,
        "first_response_due_at": c.first_response_due_at,
        "resolution_due_at": c.resolution_due_at,
        "first_responded_at": c.first_responded_at,
        "resolved_at": c.resolved_at,
        "closed_at": c.closed_at,
        "resolution": c.resolution,
        "escalation_level": c.escalation_level,
        "created_at": c.created_at,
        "updated_at": c.created_at,
    }


async def load_sql(url: str, data: DeskData) -> None:
    """Write `data` into a migrated, empty database (the roles come from the migrations)."""
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            roles = dict((await conn.execute(select(t.roles.c.code, t.roles.c.id))).all())
            await conn.execute(
                insert(t.users),
                [
                    {
                        "id": u.id,
                        "name": u.name,
                        "email": u.email,
                        "phone": u.phone,
                        "password_hash": "x",
                        "created_at": NOW,
                        "updated_at": NOW,
                    }
                    for u in data.customers.values()
                ],
            )
            await conn.execute(
                insert(t.staff),
                [
                    {
                        "id": i,
                        "name": name,
                        "email": f"staff{i}@nexora-test.in",
                        "password_hash": "x",
                        "role_id": roles[STAFF[i][1]],
                        "status": "active",
                        "created_at": NOW,
                        "updated_at": NOW,
                    }
                    for i, name in data.staff.items()
                ],
            )
            await conn.execute(insert(t.complaints), [_complaint_row(c) for c in data.complaints])
            updates = [
                {
                    "complaint_id": c.id,
                    "author": u.author,
                    "author_staff_id": u.author_staff_id,
                    "kind": u.kind,
                    "message": u.message,
                    "is_internal": u.is_internal,
                    "old_status": u.old_status,
                    "new_status": u.new_status,
                    "created_at": u.created_at,
                }
                for c in data.complaints
                for u in c.updates
            ]
            if updates:
                await conn.execute(insert(t.complaint_updates), updates)
            if not data.queue:
                return
            await conn.execute(
                insert(t.priority_queue),
                [
                    {
                        "id": q.id,
                        "item_type": "complaint",
                        "complaint_id": q.complaint_id,
                        "score": q.score,
                        "level": q.level.value,
                        "due_at": q.due_at,
                        "status": q.status,
                        "claimed_by_staff_id": q.claimed_by_staff_id,
                        "reason": q.reason,
                        "created_at": q.created_at,
                        "updated_at": q.created_at,
                    }
                    for q in data.queue
                ],
            )
    finally:
        await engine.dispose()


def random_data(seed: int, count: int = 60) -> DeskData:
    """`count` random but valid complaints (whole-second times around 10-20 Nov 2026) for comparing the SQL
    analytics with the in-memory oracle."""
    rng = random.Random(seed)
    found = []
    for number in range(1, count + 1):
        created = at(10, 0) + timedelta(seconds=rng.randint(0, 10 * 86400))
        priority = rng.choice(list(Priority))
        level = SERVICE_LEVELS[priority]
        status = rng.choice(list(ComplaintStatus))
        responded = resolved = closed = None
        if status in (ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED):
            resolved = created + timedelta(seconds=rng.randint(600, 8 * 86400))
            if rng.random() < 0.7:
                responded = created + (resolved - created) * rng.uniform(0.05, 1.0)
                responded = responded.replace(microsecond=0)
            closed = resolved + timedelta(hours=2) if status is ComplaintStatus.CLOSED else None
        elif status is not ComplaintStatus.OPEN and rng.random() < 0.6:
            responded = created + timedelta(seconds=rng.randint(60, 3 * 86400))
        found.append(
            _complaint(
                number,
                rng.choice(list(ComplaintType)),
                priority,
                status,
                created,
                score=rng.randint(0, 100),
                first_due=level.first_response,
                resolution_due=level.resolution,
                customer=rng.choice((MEERA, RAVI)),
                assignee=rng.choice((None, ASHA, BALA)),
                responded=responded,
                resolved=resolved,
                closed=closed,
            )
        )
    return DeskData(
        complaints=found, customers=dict(CUSTOMERS), staff={i: name for i, (name, _) in STAFF.items()}
    )
