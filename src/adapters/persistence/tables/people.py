"""Customers (`users`), their addresses, and providers with their skills and served pincodes."""

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Table,
    Text,
)

from adapters.persistence.tables.base import metadata, timestamps
from adapters.persistence.types import UtcDateTime

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(120), nullable=False),
    Column("email", String(254), nullable=True, unique=True),
    Column("phone", String(13), nullable=True, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("email_verified", Boolean, nullable=False, server_default="0"),
    Column("phone_verified", Boolean, nullable=False, server_default="0"),
    Column("is_active", Boolean, nullable=False, server_default="1"),
    Column("deleted_at", UtcDateTime(), nullable=True),
    Column("last_login_at", UtcDateTime(), nullable=True),
    *timestamps(),
    CheckConstraint(
        "email IS NOT NULL OR phone IS NOT NULL OR deleted_at IS NOT NULL", name="contact_present"
    ),
)

addresses = Table(
    "addresses",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("label", String(40), nullable=False),
    Column("line1", String(200), nullable=False),
    Column("line2", String(200), nullable=False, server_default=""),
    Column("landmark", String(120), nullable=False, server_default=""),
    Column("locality", String(120), nullable=False, server_default=""),
    Column("city", String(80), nullable=False),
    Column("state", String(80), nullable=False),
    Column("pincode", String(6), ForeignKey("pincodes.pincode", ondelete="RESTRICT"), nullable=False),
    Column("is_default", Boolean, nullable=False, server_default="0"),
    Column("deleted_at", UtcDateTime(), nullable=True),
    *timestamps(),
    Index(None, "user_id", "is_default"),
    Index(None, "pincode"),
)

providers = Table(
    "providers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(120), nullable=False),
    Column("business_name", String(160), nullable=False, server_default=""),
    Column("phone", String(13), nullable=False, unique=True),
    Column("email", String(254), nullable=True),
    Column("bio", Text, nullable=False),
    Column("experience_years", Integer, nullable=False, server_default="0"),
    Column("work_start_minute", Integer, nullable=False),
    Column("work_end_minute", Integer, nullable=False),
    Column("working_days", String(7), nullable=False, server_default="1111110"),
    Column("rating_average", Numeric(3, 2), nullable=False, server_default="0"),
    Column("rating_count", Integer, nullable=False, server_default="0"),
    Column("rating_total", Integer, nullable=False, server_default="0"),
    Column("jobs_completed", Integer, nullable=False, server_default="0"),
    Column("is_verified", Boolean, nullable=False, server_default="0"),
    Column("is_active", Boolean, nullable=False, server_default="1"),
    *timestamps(),
    CheckConstraint(
        "work_start_minute >= 0 AND work_start_minute < work_end_minute AND work_end_minute <= 1440",
        name="working_hours",
    ),
    CheckConstraint("rating_average >= 0 AND rating_average <= 5", name="rating_range"),
    CheckConstraint(
        "rating_count >= 0 AND jobs_completed >= 0"
        " AND rating_total >= rating_count AND rating_total <= 5 * rating_count",
        name="counters_consistent",
    ),
    Index(None, "is_active", "rating_average"),
)

provider_skills = Table(
    "provider_skills",
    metadata,
    Column("provider_id", Integer, ForeignKey("providers.id", ondelete="CASCADE"), primary_key=True),
    Column("subcategory_id", Integer, ForeignKey("subcategories.id", ondelete="CASCADE"), primary_key=True),
    Index(None, "subcategory_id", "provider_id"),
)

provider_pincodes = Table(
    "provider_pincodes",
    metadata,
    Column("provider_id", Integer, ForeignKey("providers.id", ondelete="CASCADE"), primary_key=True),
    Column("pincode", String(6), ForeignKey("pincodes.pincode", ondelete="CASCADE"), primary_key=True),
    Index(None, "pincode", "provider_id"),
)
