"""Infrastructure the features lean on: idempotency keys, the outbox, and knowledge-base documents."""

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from adapters.persistence.tables.base import enum_check, metadata, timestamps
from adapters.persistence.types import UtcDateTime

idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("scope", String(80), nullable=False),
    Column("key", String(128), nullable=False),
    Column("request_hash", String(64), nullable=False),
    Column("status_code", Integer, nullable=True),
    Column("response_body", Text, nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False),
    UniqueConstraint("scope", "key"),
    Index(None, "expires_at"),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("topic", String(80), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("status", String(10), nullable=False, server_default="pending"),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("available_at", UtcDateTime(), nullable=False),
    Column("sent_at", UtcDateTime(), nullable=True),
    Column("last_error", Text, nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("lease_until", UtcDateTime(), nullable=True),
    Column("lease_token", String(32), nullable=True),
    Column("subject", String(40), nullable=True),
    enum_check("status", ["pending", "sending", "sent", "failed", "withdrawn"]),
    Index(None, "status", "available_at"),
    Index(None, "subject", "status"),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("slug", String(120), nullable=False, unique=True),
    Column("title", String(200), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("body", Text, nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
    Column("checksum", String(64), nullable=False),
    Column("is_active", Boolean, nullable=False, server_default="1"),
    *timestamps(),
    enum_check("kind", ["policy", "faq", "guide", "pricing"]),
)

document_chunks = Table(
    "document_chunks",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("heading", String(200), nullable=False, server_default=""),
    Column("text", Text, nullable=False),
    Column("token_count", Integer, nullable=False),
    Column("embedding_model", String(80), nullable=True),
    Column("embedding", LargeBinary, nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    UniqueConstraint("document_id", "ordinal"),
)
