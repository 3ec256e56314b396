"""Complaints in every status with SLA due times, timelines that match their status, and the ops
priority queue (every active complaint plus flagged chat messages)."""

import random
from datetime import datetime, timedelta
from typing import Any

from adapters.persistence.seed.context import SeedContext, distribute
from adapters.persistence.seed.conversations import Talk
from adapters.persistence.seed.work import Work
from domain.complaint.entities import ComplaintStatus, Priority
from domain.complaint.policy import SERVICE_LEVELS, due_times, level_for_score

COMPLAINTS_PER_BLOCK = 120
UPDATES_PER_BLOCK = 180
STATUS_PLAN = {"open": 25, "in_progress": 22, "escalated": 10, "resolved": 35, "closed": 28}
ACTIVE = ("open", "in_progress", "escalated")
TYPE_WEIGHT = {
    "safety": 70,
    "damage": 60,
    "no_show": 45,
    "behaviour": 45,
    "billing": 35,
    "refund": 35,
    "service_quality": 30,
    "late_arrival": 25,
    "other": 15,
}
URGENT = ("urgent", "immediately", "asap", "third time", "unsafe", "police", "jaldi")


def _score(kind: str, text: str, total: float, rng: random.Random) -> int:
    score = TYPE_WEIGHT[kind] + (10 if any(w in text.lower() for w in URGENT) else 0)
    score += min(10, int(total / 1000)) + rng.randint(-8, 12)
    return max(0, min(100, score))


def generate_care(
    ctx: SeedContext, block: int, work: Work, customers: list[int], talk: Talk
) -> dict[str, list[dict[str, Any]]]:
    rng = ctx.rng(block, "complaints")
    statuses = [s for s, n in STATUS_PLAN.items() for _ in range(n)]
    rng.shuffle(statuses)
    complaints: list[dict[str, Any]] = []
    timelines: list[list[dict[str, Any]]] = []
    for status in statuses:
        complaint, timeline = _complaint(ctx, rng, status, work, customers)
        complaints.append(complaint)
        timelines.append(timeline)
    _add_comments(ctx, rng, complaints, timelines)
    updates = [u for timeline in timelines for u in timeline]
    for update in updates:
        update["id"] = ctx.counters.take("complaint_updates")
    queue = _queue(ctx, complaints, talk)
    return {"complaints": complaints, "complaint_updates": updates, "priority_queue": queue}


def _pick_booking(rng: random.Random, work: Work, customers: list[int]) -> tuple[int, dict[str, Any] | None]:
    with_bookings = [
        c for c in customers if any(b["status"] != "pending" for b in work.by_customer.get(c, []))
    ]
    if with_bookings and rng.random() < 0.75:
        customer = rng.choice(with_bookings)
        booking = rng.choice([b for b in work.by_customer[customer] if b["status"] != "pending"])
        return customer, booking
    return rng.choice(customers), None


def _complaint(
    ctx: SeedContext, rng: random.Random, status: str, work: Work, customers: list[int]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    now = ctx.now
    customer, booking = _pick_booking(rng, work, customers)
    kinds = list(TYPE_WEIGHT)
    kind = "no_show" if booking and booking["status"] == "no_show" else rng.choice(kinds)
    template = rng.choice(ctx.vocab["complaints"][kind])
    age = timedelta(hours=rng.randint(1, 96)) if status in ACTIVE else timedelta(days=rng.randint(4, 30))
    created = now - age
    if booking is not None:
        created = max(created, min(booking["slot_start"] + timedelta(hours=2), now - timedelta(minutes=30)))
    score = _score(kind, template["description"], float(booking["total"]) if booking else 0.0, rng)
    priority = level_for_score(score)
    if status == "escalated" and priority is not Priority.CRITICAL:
        priority = list(Priority)[list(Priority).index(priority) + 1]
    first_due, resolution_due = due_times(priority, created)
    agents = [ctx.staff_ids_by_role[r] for r in ("support_agent", "senior_agent", "ops_manager")]
    row: dict[str, Any] = {
        "id": ctx.counters.take("complaints"),
        "user_id": customer,
        "booking_id": booking["id"] if booking else None,
        "type": kind,
        "subject": template["subject"],
        "description": template["description"],
        "priority": priority.value,
        "priority_score": score,
        "sentiment": round(rng.uniform(-0.95, 0.05), 3),
        "status": status,
        "assigned_staff_id": None if status == "open" and rng.random() < 0.6 else rng.choice(agents),
        "first_response_due_at": first_due,
        "resolution_due_at": resolution_due,
        "first_responded_at": None,
        "resolved_at": None,
        "closed_at": None,
        "resolution": None,
        "escalation_level": 1 if status == "escalated" else 0,
        "created_at": created,
        "updated_at": created,
    }
    return row, _timeline(ctx, rng, row, now)


def _update(row: dict[str, Any], at: datetime, **values: Any) -> dict[str, Any]:
    base = {
        "complaint_id": row["id"],
        "author": "staff",
        "author_staff_id": row["assigned_staff_id"],
        "kind": "comment",
        "message": "",
        "is_internal": False,
        "old_status": None,
        "new_status": None,
        "created_at": at,
    }
    return {**base, **values}


def _timeline(
    ctx: SeedContext, rng: random.Random, row: dict[str, Any], now: datetime
) -> list[dict[str, Any]]:
    """The status changes the complaint's status requires, at times between creation and now."""
    vocab = ctx.vocab["complaint_updates"]
    status, created = row["status"], row["created_at"]
    level = SERVICE_LEVELS[Priority(row["priority"])]
    span = max(now - created, timedelta(minutes=20))
    timeline: list[dict[str, Any]] = []
    if status == "open":
        return timeline
    row["assigned_staff_id"] = row["assigned_staff_id"] or ctx.staff_ids_by_role["support_agent"]
    responded = created + min(level.first_response * rng.uniform(0.2, 1.3), span * 0.3)
    row["first_responded_at"] = responded
    if status == "in_progress":
        timeline.append(
            _update(
                row,
                responded,
                kind="status_change",
                message=rng.choice(vocab["staff"]),
                old_status="open",
                new_status="in_progress",
            )
        )
    elif status == "escalated":
        timeline.append(
            _update(
                row,
                responded,
                author="system",
                author_staff_id=None,
                kind="escalation",
                message="First response or resolution time was breached; escalated one level",
                old_status="open",
                new_status="escalated",
            )
        )
    else:
        resolved = responded + (span - (responded - created)) * rng.uniform(0.2, 0.6)
        row["resolved_at"] = resolved
        row["resolution"] = rng.choice(vocab["resolution"])
        timeline.append(
            _update(
                row,
                resolved,
                kind="resolution",
                message=row["resolution"],
                old_status="open",
                new_status="resolved",
            )
        )
        if status == "closed":
            row["closed_at"] = resolved + (now - resolved) * rng.uniform(0.3, 0.9)
            timeline.append(
                _update(
                    row,
                    row["closed_at"],
                    author="system",
                    author_staff_id=None,
                    kind="status_change",
                    message="Closed after the customer confirmed the resolution",
                    old_status="resolved",
                    new_status="closed",
                )
            )
    row["updated_at"] = timeline[-1]["created_at"]
    return timeline


def _add_comments(
    ctx: SeedContext,
    rng: random.Random,
    complaints: list[dict[str, Any]],
    timelines: list[list[dict[str, Any]]],
) -> None:
    """Spread customer follow-ups, staff replies and internal notes to reach the block's update count."""
    vocab = ctx.vocab["complaint_updates"]
    extra = UPDATES_PER_BLOCK - sum(len(t) for t in timelines)
    for index, count in enumerate(distribute(extra, len(complaints), 0, 6, rng)):
        row, timeline = complaints[index], timelines[index]
        end = row["resolved_at"] or ctx.now
        for _ in range(count):
            at = row["created_at"] + (end - row["created_at"]) * rng.uniform(0.05, 0.95)
            voice = rng.choice(("customer", "staff", "internal")) if row["assigned_staff_id"] else "customer"
            timeline.append(
                _update(
                    row,
                    at,
                    author="customer" if voice == "customer" else "staff",
                    author_staff_id=None if voice == "customer" else row["assigned_staff_id"],
                    kind="internal_note" if voice == "internal" else "comment",
                    message=rng.choice(vocab[voice]),
                    is_internal=voice == "internal",
                )
            )
        timeline.sort(key=lambda u: u["created_at"])


def _queue(ctx: SeedContext, complaints: list[dict[str, Any]], talk: Talk) -> list[dict[str, Any]]:
    queue: list[dict[str, Any]] = []
    for row in complaints:
        if row["status"] in ACTIVE:
            due = (
                row["first_response_due_at"]
                if row["first_responded_at"] is None
                else row["resolution_due_at"]
            )
            queue.append(
                {
                    "id": ctx.counters.take("priority_queue"),
                    "item_type": "complaint",
                    "complaint_id": row["id"],
                    "message_id": None,
                    "score": row["priority_score"],
                    "level": row["priority"],
                    "due_at": due,
                    "status": "claimed" if row["status"] != ComplaintStatus.OPEN else "waiting",
                    "claimed_by_staff_id": row["assigned_staff_id"] if row["status"] != "open" else None,
                    "reason": f"{row['type'].replace('_', ' ')} complaint",
                    "created_at": row["created_at"],
                    "updated_at": row["updated_at"],
                }
            )
    for message in talk.flagged:
        score = 55 if message["intent"] == "complaint" else 40
        level = level_for_score(score)
        queue.append(
            {
                "id": ctx.counters.take("priority_queue"),
                "item_type": "message",
                "complaint_id": None,
                "message_id": message["id"],
                "score": score,
                "level": level.value,
                "due_at": message["created_at"] + SERVICE_LEVELS[level].first_response,
                "status": "waiting",
                "claimed_by_staff_id": None,
                "reason": "chat message needs a human",
                "created_at": message["created_at"],
                "updated_at": message["created_at"],
            }
        )
    return queue
