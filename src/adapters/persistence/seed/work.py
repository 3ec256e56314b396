"""Bookings in every status with their items: prices from the offered rate cards, consistent times,
payments, cancellations with the refund the policy gives, and ratings that feed the providers' averages."""

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

from adapters.persistence.seed.context import RateCardInfo, SeedContext, distribute
from adapters.persistence.seed.people import People

BOOKINGS_PER_BLOCK = 139
ITEMS_PER_BLOCK = 294
STATUS_PLAN = {
    "completed": 60,
    "cancelled": 22,
    "no_show": 5,
    "in_progress": 4,
    "confirmed": 28,
    "pending": 20,
}
GST_RATE = Decimal("0.18")
PAISE = Decimal("0.01")
IST = ZoneInfo("Asia/Kolkata")
METHODS = (("upi", 50), ("card", 20), ("cash", 15), ("netbanking", 8), ("wallet", 7))
STARS = ((5, 50), (4, 30), (3, 12), (2, 5), (1, 3))


@dataclass
class Work:
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    by_customer: dict[int, list[dict[str, Any]]] = field(default_factory=dict)


def _money(value: Decimal) -> Decimal:
    return value.quantize(PAISE, rounding=ROUND_HALF_UP)


def _ist_slot(day: datetime, rng: random.Random) -> datetime:
    local = datetime(day.year, day.month, day.day, rng.randint(8, 17), rng.choice((0, 30)), tzinfo=IST)
    return local.astimezone(UTC)


def _slot_start(status: str, now: datetime, rng: random.Random) -> datetime:
    if status in ("completed", "no_show") or (status == "cancelled" and rng.random() < 0.5):
        return _ist_slot(now - timedelta(days=rng.randint(1, 60)), rng)
    if status == "in_progress":
        return now - timedelta(minutes=rng.randint(10, 110))
    start = _ist_slot(now + timedelta(days=rng.randint(1, 14)), rng)
    return start if start > now else start + timedelta(days=1)


def _choose(
    ctx: SeedContext, people: People, rng: random.Random, needed: int
) -> tuple[tuple[int, int, str], int, list[RateCardInfo]]:
    """An address, a provider serving its pincode, and the rate cards of the provider's skills offered
    there: the first combination with at least `needed` cards, else the richest of 200 tries."""
    bookable = [a for a in people.addresses if a[2] in people.providers_at]
    best: tuple[tuple[int, int, str], int, list[RateCardInfo]] | None = None
    for _ in range(200):
        address = rng.choice(bookable)
        provider = rng.choice(people.providers_at[address[2]])
        cards = [c for s in people.skills[provider] for c in ctx.catalog.offered_cards(s, address[2])]
        if len(cards) >= needed:
            return address, provider, cards
        if cards and (best is None or len(cards) > len(best[2])):
            best = (address, provider, cards)
    if best is None:
        raise RuntimeError("no bookable address, provider and rate card combination in this block")
    return best


def generate_work(ctx: SeedContext, block: int, people: People) -> Work:
    rng = ctx.rng(block, "bookings")
    statuses = [s for s, n in STATUS_PLAN.items() for _ in range(n)]
    rng.shuffle(statuses)
    item_counts = distribute(ITEMS_PER_BLOCK, BOOKINGS_PER_BLOCK, 1, 4, rng)
    work = Work()
    bookings: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    providers = {p["id"]: p for p in people.rows["providers"]}
    ratings: dict[int, list[int]] = {}
    carry = 0
    for status, wanted in zip(statuses, item_counts, strict=True):
        count = wanted + carry
        address, provider_id, cards = _choose(ctx, people, rng, count)
        chosen = rng.sample(cards, k=min(count, len(cards)))
        carry = count - len(chosen)
        booking = _booking(ctx, rng, status, address, provider_id, chosen, items)
        bookings.append(booking)
        work.by_customer.setdefault(address[1], []).append(booking)
        if status == "completed":
            providers[provider_id]["jobs_completed"] += 1
            if booking["rating"] is not None:
                ratings.setdefault(provider_id, []).append(booking["rating"])
    if carry:
        raise RuntimeError(f"{carry} booking items could not be placed; widen the rate cards offered")
    for provider_id, stars in ratings.items():
        providers[provider_id]["rating_count"] = len(stars)
        providers[provider_id]["rating_total"] = sum(stars)
        providers[provider_id]["rating_average"] = _money(Decimal(sum(stars)) / len(stars))
    work.rows.update(bookings=bookings, booking_items=items)
    return work


def _booking(
    ctx: SeedContext,
    rng: random.Random,
    status: str,
    address: tuple[int, int, str],
    provider_id: int,
    cards: list[RateCardInfo],
    items: list[dict[str, Any]],
) -> dict[str, Any]:
    now = ctx.now
    booking_id = ctx.counters.take("bookings")
    start = _slot_start(status, now, rng)
    duration = min(ctx.catalog.duration_of[cards[0].subcategory_id], 540)
    end = start + timedelta(minutes=max(30, (duration + 29) // 30 * 30))
    created = min(start - timedelta(hours=rng.randint(3, 240)), now - timedelta(minutes=rng.randint(60, 600)))
    subtotal = Decimal(0)
    for card in cards:
        quantity = 1 if rng.random() < 0.8 else rng.randint(2, 3)
        line = _money(card.price * quantity)
        subtotal += line
        items.append(
            {
                "id": ctx.counters.take("booking_items"),
                "booking_id": booking_id,
                "rate_card_id": card.id,
                "name": f"{ctx.catalog.subcategory_name[card.subcategory_id]} - {card.name}",
                "unit_price": card.price,
                "quantity": quantity,
                "line_total": line,
                "currency": "INR",
            }
        )
    discount = (
        min(_money(subtotal * Decimal("0.10")), Decimal(500)) if rng.random() < 0.15 else Decimal("0.00")
    )
    tax = _money((subtotal - discount) * GST_RATE)
    total = subtotal - discount + tax
    method = rng.choices([m for m, _ in METHODS], weights=[w for _, w in METHODS])[0]
    if status == "no_show" and method == "cash":
        method = "upi"
    day = created.astimezone(IST).strftime("%Y%m%d")
    ctx.counters.reference_sequence[day] += 1
    row: dict[str, Any] = {
        "id": booking_id,
        "reference": f"BK-{day}-{ctx.counters.reference_sequence[day]:04d}",
        "user_id": address[1],
        "address_id": address[0],
        "pincode": address[2],
        "provider_id": provider_id,
        "status": status,
        "slot_start": start,
        "slot_end": end,
        "subtotal": subtotal,
        "discount": discount,
        "tax": tax,
        "total": total,
        "currency": "INR",
        "payment_method": method,
        "payment_status": "pending" if method == "cash" else "paid",
        "notes": rng.choice(ctx.vocab["booking_notes"]) if rng.random() < 0.4 else "",
        "confirmed_at": None,
        "started_at": None,
        "completed_at": None,
        "cancelled_at": None,
        "cancelled_by": None,
        "cancellation_reason": None,
        "refund_amount": None,
        "refund_currency": None,
        "refund_rule": None,
        "rating": None,
        "rating_comment": None,
        "rated_at": None,
        "reschedule_count": rng.choices((0, 1, 2), weights=(87, 10, 3))[0],
        "created_at": created,
        "updated_at": created,
    }
    _lifecycle(ctx, rng, row, end - start)
    return row


def _lifecycle(ctx: SeedContext, rng: random.Random, row: dict[str, Any], length: timedelta) -> None:
    """Stamp the times and money that the booking's status implies."""
    status, now, start, created = row["status"], ctx.now, row["slot_start"], row["created_at"]
    if status != "pending":
        row["confirmed_at"] = created + timedelta(minutes=rng.randint(2, 90))
    if status in ("in_progress", "completed"):
        row["started_at"] = start + timedelta(minutes=rng.randint(0, 20))
    if status == "completed":
        row["completed_at"] = row["started_at"] + length
        row["payment_status"] = "paid"
        if rng.random() < 0.7:
            stars = rng.choices([s for s, _ in STARS], weights=[w for _, w in STARS])[0]
            row["rating"] = stars
            row["rating_comment"] = rng.choice(ctx.vocab["rating_comments"][str(stars)])
            row["rated_at"] = min(
                row["completed_at"] + timedelta(hours=rng.randint(1, 48)), now - timedelta(minutes=10)
            )
        row["updated_at"] = row["rated_at"] or row["completed_at"]
    elif status == "no_show":
        row.update(
            cancelled_at=start + timedelta(minutes=45),
            cancelled_by="provider",
            refund_rule="provider_no_show_full_refund",
        )
        row.update(refund_amount=row["total"], refund_currency="INR", payment_status="refunded")
        row["cancellation_reason"] = "Professional did not arrive for the slot"
    elif status == "cancelled":
        _cancel(ctx, rng, row)
    if status not in ("pending", "confirmed") and row["updated_at"] == created:
        row["updated_at"] = row["cancelled_at"] or row["started_at"] or row["confirmed_at"]


def _cancel(ctx: SeedContext, rng: random.Random, row: dict[str, Any]) -> None:
    by = rng.choices(("customer", "provider", "ops"), weights=(75, 15, 10))[0]
    latest = min(row["slot_start"], ctx.now) - timedelta(minutes=30)
    cancelled_at = max(
        row["created_at"] + timedelta(minutes=10), latest - timedelta(hours=rng.randint(0, 72))
    )
    hours_before = (row["slot_start"] - cancelled_at).total_seconds() / 3600
    total: Decimal = row["total"]
    if row["payment_method"] == "cash":
        refund, rule, payment = Decimal("0.00"), "nothing_paid", "not_required"
    elif by != "customer":
        refund, rule = total, f"{by}_cancelled_full_refund"
        payment = "refunded"
    elif hours_before >= 6:
        refund, rule, payment = total, "customer_6h_or_more_full_refund", "refunded"
    elif hours_before >= 3:
        refund, rule, payment = _money(total / 2), "customer_3_to_6h_half_refund", "partially_refunded"
    else:
        refund, rule, payment = Decimal("0.00"), "customer_under_3h_no_refund", "paid"
    row.update(
        cancelled_at=cancelled_at,
        cancelled_by=by,
        cancellation_reason=rng.choice(ctx.vocab["cancellation_reasons"][by]),
        refund_amount=refund,
        refund_currency="INR",
        refund_rule=rule,
        payment_status=payment,
    )
    if row["confirmed_at"] and row["confirmed_at"] >= cancelled_at:
        row["confirmed_at"] = None


def status_counts(bookings: list[dict[str, Any]]) -> Counter[str]:
    return Counter(b["status"] for b in bookings)
