"""Assistant conversations in English, Indian English, Hinglish and Hindi, with intents, entities,
agents, latencies and token counts; some user turns are flagged for a human."""

import random
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from adapters.persistence.seed.context import SeedContext
from adapters.persistence.seed.work import Work

MESSAGES_PER_BLOCK = 1192
FLAGGED_PER_BLOCK = 43
INTENT_WEIGHTS = {
    "book_service": 26,
    "booking_status": 14,
    "cancel_booking": 9,
    "reschedule_booking": 8,
    "complaint": 10,
    "policy_question": 10,
    "service_info": 12,
    "greeting": 6,
    "out_of_scope": 5,
}
AGENTS = {
    "book_service": "booking_agent",
    "cancel_booking": "booking_agent",
    "reschedule_booking": "booking_agent",
    "booking_status": "booking_agent",
    "complaint": "care_agent",
    "policy_question": "knowledge_agent",
    "service_info": "catalog_agent",
    "greeting": "router",
    "out_of_scope": "router",
}


@dataclass
class Talk:
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    flagged: list[dict[str, Any]] = field(default_factory=list)


def _fill(text: str, values: dict[str, str]) -> tuple[str, dict[str, str]]:
    used = {}
    for key, value in values.items():
        if "{" + key + "}" in text:
            text = text.replace("{" + key + "}", value)
            used[key] = value
    return text, used


def generate_conversations(ctx: SeedContext, block: int, work: Work, customers: list[int]) -> Talk:
    rng = ctx.rng(block, "conversations")
    dialogues: dict[str, list[list[str]]] = ctx.vocab["conversations"]
    intents = list(INTENT_WEIGHTS)
    weights = list(INTENT_WEIGHTS.values())
    bookings = [b for rows in work.by_customer.values() for b in rows]
    conversations: list[dict[str, Any]] = []
    messages: list[dict[str, Any]] = []
    remaining = MESSAGES_PER_BLOCK
    while remaining:
        intent = rng.choices(intents, weights=weights)[0]
        turns = rng.choice(dialogues[intent])[:remaining]
        remaining -= len(turns)
        conversations.append(_conversation(ctx, rng, intent, turns, bookings, customers, messages))
    talk = Talk(rows={"conversations": conversations, "messages": messages})
    candidates = [m for m in messages if m["role"] == "user" and m["intent"] in ("complaint", "out_of_scope")]
    others = [m for m in messages if m["role"] == "user" and m not in candidates]
    chosen = rng.sample(candidates, k=min(FLAGGED_PER_BLOCK, len(candidates)))
    chosen += rng.sample(others, k=FLAGGED_PER_BLOCK - len(chosen))
    for message in chosen:
        message["flagged"] = True
    talk.flagged = chosen
    return talk


def _conversation(
    ctx: SeedContext,
    rng: random.Random,
    intent: str,
    turns: list[str],
    bookings: list[dict[str, Any]],
    customers: list[int],
    messages: list[dict[str, Any]],
) -> dict[str, Any]:
    conversation_id = ctx.counters.take("conversations")
    booking = rng.choice(bookings)
    signed_in = rng.random() < 0.7
    sub = rng.choice(list(ctx.catalog.subcategory_name))
    values = {
        "service": ctx.catalog.subcategory_name[sub].lower(),
        "pincode": booking["pincode"],
        "reference": booking["reference"],
        "time": rng.choice(("10 AM", "11:30 AM", "2 PM", "4 PM", "5:30 PM", "6 PM")),
        "price": f"{booking['total']:.0f}",
    }
    started = ctx.now - timedelta(days=rng.randint(0, 30), minutes=rng.randint(15, 1439))
    at = started
    for n, turn in enumerate(turns):
        role, _, raw = turn.partition(": ")
        text, entities = _fill(raw, values)
        at += timedelta(seconds=rng.randint(4, 90))
        user = role == "user"
        messages.append(
            {
                "id": ctx.counters.take("messages"),
                "conversation_id": conversation_id,
                "role": "user" if user else "assistant",
                "text": text,
                "intent": intent if user else None,
                "confidence": round(rng.uniform(0.55, 0.99) - (0.05 if n else 0), 3) if user else None,
                "entities": entities if user else None,
                "agent": None if user else AGENTS[intent],
                "latency_ms": None if user else rng.randint(250, 2400),
                "prompt_tokens": None if user else rng.randint(300, 1800),
                "completion_tokens": None if user else rng.randint(20, 220),
                "flagged": False,
                "created_at": at,
            }
        )
    recent = ctx.now - at < timedelta(minutes=30)
    return {
        "id": conversation_id,
        "session_id": uuid.UUID(int=rng.getrandbits(128)).hex,
        "user_id": booking["user_id"]
        if signed_in
        else (rng.choice(customers) if rng.random() < 0.2 else None),
        "staff_id": None,
        "channel": rng.choices(("web", "app", "whatsapp"), weights=(40, 45, 15))[0],
        "status": "active" if recent else rng.choices(("closed", "handed_off"), weights=(92, 8))[0],
        "started_at": started,
        "last_message_at": at,
        "message_count": len(turns),
    }
