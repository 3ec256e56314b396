"""Complaints, their timelines, and the queue the ops desk works from."""

from sqlalchemy import (
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
    UniqueConstraint,
)

from adapters.persistence.complaint_types import PriorityFactorsType
from adapters.persistence.tables.base import enum_check, metadata, timestamps
from adapters.persistence.types import StrEnumType, UtcDateTime
from domain.complaint.entities import ComplaintStatus, ComplaintType, Priority, UpdateAuthor, UpdateKind

complaints = Table(
    "complaints",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="RESTRICT"), nullable=False),
    Column("booking_id", Integer, ForeignKey("bookings.id", ondelete="SET NULL"), nullable=True),
    Column("type", StrEnumType(ComplaintType), nullable=False),
    Column("subject", String(200), nullable=False),
    Column("description", Text, nullable=False),
    Column("priority", StrEnumType(Priority, 10), nullable=False),
    Column("priority_score", Integer, nullable=False),
    Column("sentiment", Float, nullable=True),
    Column("status", StrEnumType(ComplaintStatus), nullable=False),
    Column("assigned_staff_id", Integer, ForeignKey("staff.id", ondelete="SET NULL"), nullable=True),
    Column("first_response_due_at", UtcDateTime(), nullable=False),
    Column("resolution_due_at", UtcDateTime(), nullable=False),
    Column("first_responded_at", UtcDateTime(), nullable=True),
    Column("resolved_at", UtcDateTime(), nullable=True),
    Column("closed_at", UtcDateTime(), nullable=True),
    Column("resolution", Text, nullable=True),
    Column("escalation_level", Integer, nullable=False, server_default="0"),
    Column("first_response_escalated_at", UtcDateTime(), nullable=True),
    Column("resolution_escalated_at", UtcDateTime(), nullable=True),
    Column("priority_factors", PriorityFactorsType(), nullable=True),
    *timestamps(),
    enum_check("type", ComplaintType),
    enum_check("priority", Priority),
    enum_check("status", ComplaintStatus),
    CheckConstraint("priority_score >= 0 AND priority_score <= 100", name="score_range"),
    CheckConstraint("sentiment IS NULL OR (sentiment >= -1 AND sentiment <= 1)", name="sentiment_range"),
    CheckConstraint(
        "status NOT IN ('resolved', 'closed') OR (resolution IS NOT NULL AND resolved_at IS NOT NULL)",
        name="resolution_recorded",
    ),
    CheckConstraint("status <> 'closed' OR closed_at IS NOT NULL", name="closure_recorded"),
    CheckConstraint("escalation_level >= 0", name="escalation_not_negative"),
    Index(None, "status", "priority", "resolution_due_at"),
    Index(None, "status", "first_response_due_at"),
    Index(None, "assigned_staff_id", "status"),
    Index(None, "user_id", "created_at"),
    Index(None, "booking_id"),
    Index(None, "created_at"),  # the ops desk: newest first, analytics by creation day
    Index(None, "resolved_at"),  # analytics: resolutions per day
)

complaint_updates = Table(
    "complaint_updates",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("complaint_id", Integer, ForeignKey("complaints.id", ondelete="CASCADE"), nullable=False),
    Column("author", StrEnumType(UpdateAuthor, 10), nullable=False),
    Column("author_staff_id", Integer, ForeignKey("staff.id", ondelete="SET NULL"), nullable=True),
    Column("kind", StrEnumType(UpdateKind), nullable=False),
    Column("message", Text, nullable=False),
    Column("is_internal", Boolean, nullable=False, server_default="0"),
    Column("old_status", StrEnumType(ComplaintStatus), nullable=True),
    Column("new_status", StrEnumType(ComplaintStatus), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    enum_check("author", UpdateAuthor),
    enum_check("kind", UpdateKind),
    Index(None, "complaint_id", "created_at"),
)

priority_queue = Table(
    "priority_queue",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("item_type", String(20), nullable=False),
    Column("complaint_id", Integer, ForeignKey("complaints.id", ondelete="CASCADE"), nullable=True),
    Column("message_id", Integer, ForeignKey("messages.id", ondelete="CASCADE"), nullable=True),
    Column("score", Integer, nullable=False),
    Column("level", String(10), nullable=False),
    Column("due_at", UtcDateTime(), nullable=False),
    Column("status", String(20), nullable=False, server_default="waiting"),
    Column("claimed_by_staff_id", Integer, ForeignKey("staff.id", ondelete="SET NULL"), nullable=True),
    Column("reason", String(200), nullable=False, server_default=""),
    *timestamps(),
    enum_check("item_type", ["complaint", "message"]),
    enum_check("level", Priority),
    enum_check("status", ["waiting", "claimed", "done"]),
    CheckConstraint(
        "(item_type = 'complaint' AND complaint_id IS NOT NULL AND message_id IS NULL)"
        " OR (item_type = 'message' AND message_id IS NOT NULL AND complaint_id IS NULL)",
        name="one_target",
    ),
    CheckConstraint("score >= 0 AND score <= 100", name="score_range"),
    UniqueConstraint("complaint_id"),
    UniqueConstraint("message_id"),
    Index(None, "status", "score", "due_at"),
)
