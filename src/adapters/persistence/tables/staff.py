"""Roles, permissions, staff members, their sessions and the activity log."""

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Index, Integer, String, Table, Text

from adapters.persistence.tables.base import enum_check, metadata, timestamps
from adapters.persistence.types import StrEnumType, UtcDateTime
from domain.staff.entities import StaffStatus

roles = Table(
    "roles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("code", String(40), nullable=False, unique=True),
    Column("name", String(80), nullable=False),
    Column("level", Integer, nullable=False),
    Column("description", Text, nullable=False),
    *timestamps(),
)

permissions = Table(
    "permissions",
    metadata,
    Column("code", String(60), primary_key=True),
    Column("module", String(40), nullable=False),
    Column("description", Text, nullable=False),
    Index(None, "module"),
)

role_permissions = Table(
    "role_permissions",
    metadata,
    Column("role_id", Integer, ForeignKey("roles.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "permission_code", String(60), ForeignKey("permissions.code", ondelete="CASCADE"), primary_key=True
    ),
)

staff = Table(
    "staff",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(120), nullable=False),
    Column("email", String(254), nullable=False, unique=True),
    Column("phone", String(13), nullable=True),
    Column("password_hash", String(255), nullable=False),
    Column("role_id", Integer, ForeignKey("roles.id", ondelete="RESTRICT"), nullable=False),
    Column("status", StrEnumType(StaffStatus), nullable=False),
    Column("approved_by_id", Integer, ForeignKey("staff.id", ondelete="SET NULL"), nullable=True),
    Column("last_login_at", UtcDateTime(), nullable=True),
    *timestamps(),
    enum_check("status", StaffStatus),
    Index(None, "role_id", "status"),
)

staff_sessions = Table(
    "staff_sessions",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("staff_id", Integer, ForeignKey("staff.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False),
    Column("last_seen_at", UtcDateTime(), nullable=True),
    Column("revoked_at", UtcDateTime(), nullable=True),
    Column("revoked_by_id", Integer, ForeignKey("staff.id", ondelete="SET NULL"), nullable=True),
    Column("ip", String(45), nullable=False, server_default=""),
    Column("user_agent", String(255), nullable=False, server_default=""),
    Index(None, "staff_id", "revoked_at"),
)

staff_activity_log = Table(
    "staff_activity_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("staff_id", Integer, ForeignKey("staff.id", ondelete="SET NULL"), nullable=True),
    Column("action", String(80), nullable=False),
    Column("target_type", String(40), nullable=False),
    Column("target_id", String(64), nullable=True),
    Column("before", JSON, nullable=True),
    Column("after", JSON, nullable=True),
    Column("ip", String(45), nullable=False, server_default=""),
    Column("request_id", String(128), nullable=False, server_default=""),
    Column("succeeded", Boolean, nullable=False, server_default="1"),
    Column("created_at", UtcDateTime(), nullable=False),
    Index(None, "staff_id", "created_at"),
    Index(None, "target_type", "target_id"),
    Index(None, "created_at"),
)
