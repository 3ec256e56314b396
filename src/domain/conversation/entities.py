"""Assistant conversations and their messages, kept for context, analytics and human hand-off."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, NewType

ConversationId = NewType("ConversationId", int)
MessageId = NewType("MessageId", int)

INTENTS = (
    "book_service",
    "cancel_booking",
    "reschedule_booking",
    "booking_status",
    "complaint",
    "policy_question",
    "service_info",
    "greeting",
    "out_of_scope",
)


class Channel(StrEnum):
    WEB = "web"
    APP = "app"
    WHATSAPP = "whatsapp"
    OPS = "ops"


class ConversationStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"
    HANDED_OFF = "handed_off"


class Role(StrEnum):
    USER = "user"
    ASSISTANT = "assistant"
    SYSTEM = "system"
    TOOL = "tool"


@dataclass(eq=False, kw_only=True)
class Conversation:
    id: ConversationId | None = None
    session_id: str
    customer_id: int | None = None
    staff_id: int | None = None
    channel: Channel = Channel.WEB
    status: ConversationStatus = ConversationStatus.ACTIVE
    started_at: datetime
    last_message_at: datetime
    message_count: int = 0


@dataclass(eq=False, kw_only=True)
class Message:
    """A turn. User turns carry the recognised intent, its confidence and entities; assistant turns carry
    the agent that answered, its latency and token usage."""

    id: MessageId | None = None
    conversation_id: ConversationId
    role: Role
    text: str
    intent: str | None = None
    confidence: float | None = None
    entities: dict[str, Any] | None = None
    agent: str | None = None
    latency_ms: int | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    flagged: bool = False
    created_at: datetime
