"""Assistant conversations and messages."""

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from adapters.persistence.tables.base import enum_check, metadata
from adapters.persistence.types import StrEnumType, UtcDateTime
from domain.conversation.entities import Channel, ConversationStatus, Role

conversations = Table(
    "conversations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("session_id", String(64), nullable=False, unique=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="SET NULL"), nullable=True),
    Column("staff_id", Integer, ForeignKey("staff.id", ondelete="SET NULL"), nullable=True),
    Column("channel", StrEnumType(Channel), nullable=False),
    Column("status", StrEnumType(ConversationStatus), nullable=False),
    Column("started_at", UtcDateTime(), nullable=False),
    Column("last_message_at", UtcDateTime(), nullable=False),
    Column("message_count", Integer, nullable=False, server_default="0"),
    enum_check("channel", Channel),
    enum_check("status", ConversationStatus),
    Index(None, "user_id", "last_message_at"),
)

messages = Table(
    "messages",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conversation_id", Integer, ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False),
    Column("role", StrEnumType(Role, 10), nullable=False),
    Column("text", Text, nullable=False),
    Column("intent", String(40), nullable=True),
    Column("confidence", Float, nullable=True),
    Column("entities", JSON, nullable=True),
    Column("agent", String(60), nullable=True),
    Column("latency_ms", Integer, nullable=True),
    Column("prompt_tokens", Integer, nullable=True),
    Column("completion_tokens", Integer, nullable=True),
    Column("flagged", Boolean, nullable=False, server_default="0"),
    Column("created_at", UtcDateTime(), nullable=False),
    enum_check("role", Role),
    CheckConstraint("confidence IS NULL OR (confidence >= 0 AND confidence <= 1)", name="confidence_range"),
    Index(None, "conversation_id", "created_at"),
    Index(None, "intent", "created_at"),
)
