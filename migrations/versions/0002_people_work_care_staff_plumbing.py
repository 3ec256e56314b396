"""people, work, care, staff and access, conversations, and plumbing tables

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 16:54:15.779276+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("slug", sa.String(length=120), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("checksum", sa.String(length=64), nullable=False),
        sa.Column("is_active", sa.Boolean(), server_default="1", nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint(
            "kind IN ('policy', 'faq', 'guide', 'pricing')", name=op.f("ck_documents_kind_allowed")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("slug", name=op.f("uq_documents_slug")),
    )
    op.create_table(
        "idempotency_keys",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("scope", sa.String(length=80), nullable=False),
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("response_body", sa.Text(), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("expires_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_keys")),
        sa.UniqueConstraint("scope", "key", name=op.f("uq_idempotency_keys_scope_key")),
    )
    op.create_index(op.f("ix_idempotency_keys_expires_at"), "idempotency_keys", ["expires_at"])

    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("topic", sa.String(length=80), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=10), server_default="pending", nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("available_at", UTC_DATETIME, nullable=False),
        sa.Column("sent_at", UTC_DATETIME, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint("status IN ('pending', 'sent', 'failed')", name=op.f("ck_outbox_status_allowed")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
    )
    op.create_index(op.f("ix_outbox_status_available_at"), "outbox", ["status", "available_at"])

    op.create_table(
        "permissions",
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("module", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_permissions")),
    )
    op.create_index(op.f("ix_permissions_module"), "permissions", ["module"])

    op.create_table(
        "providers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("business_name", sa.String(length=160), server_default="", nullable=False),
        sa.Column("phone", sa.String(length=13), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("bio", sa.Text(), nullable=False),
        sa.Column("experience_years", sa.Integer(), server_default="0", nullable=False),
        sa.Column("work_start_minute", sa.Integer(), nullable=False),
        sa.Column("work_end_minute", sa.Integer(), nullable=False),
        sa.Column("working_days", sa.String(length=7), server_default="1111110", nullable=False),
        sa.Column("rating_average", sa.Numeric(precision=3, scale=2), server_default="0", nullable=False),
        sa.Column("rating_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("rating_total", sa.Integer(), server_default="0", nullable=False),
        sa.Column("jobs_completed", sa.Integer(), server_default="0", nullable=False),
        sa.Column("is_verified", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("is_active", sa.Boolean(), server_default="1", nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint(
            "rating_average >= 0 AND rating_average <= 5", name=op.f("ck_providers_rating_range")
        ),
        sa.CheckConstraint(
            "rating_count >= 0 AND jobs_completed >= 0 AND rating_total >= rating_count AND rating_total <= 5 * rating_count",
            name=op.f("ck_providers_counters_consistent"),
        ),
        sa.CheckConstraint(
            "work_start_minute >= 0 AND work_start_minute < work_end_minute AND work_end_minute <= 1440",
            name=op.f("ck_providers_working_hours"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_providers")),
        sa.UniqueConstraint("phone", name=op.f("uq_providers_phone")),
    )
    op.create_index(
        op.f("ix_providers_is_active_rating_average"), "providers", ["is_active", "rating_average"]
    )

    op.create_table(
        "roles",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roles")),
        sa.UniqueConstraint("code", name=op.f("uq_roles_code")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=13), nullable=True),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("email_verified", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("phone_verified", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("is_active", sa.Boolean(), server_default="1", nullable=False),
        sa.Column("deleted_at", UTC_DATETIME, nullable=True),
        sa.Column("last_login_at", UTC_DATETIME, nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint(
            "email IS NOT NULL OR phone IS NOT NULL OR deleted_at IS NOT NULL",
            name=op.f("ck_users_contact_present"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
        sa.UniqueConstraint("phone", name=op.f("uq_users_phone")),
    )
    op.create_table(
        "addresses",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.Column("line1", sa.String(length=200), nullable=False),
        sa.Column("line2", sa.String(length=200), server_default="", nullable=False),
        sa.Column("landmark", sa.String(length=120), server_default="", nullable=False),
        sa.Column("locality", sa.String(length=120), server_default="", nullable=False),
        sa.Column("city", sa.String(length=80), nullable=False),
        sa.Column("state", sa.String(length=80), nullable=False),
        sa.Column("pincode", sa.String(length=6), nullable=False),
        sa.Column("is_default", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("deleted_at", UTC_DATETIME, nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["pincode"], ["pincodes.pincode"], name=op.f("fk_addresses_pincode_pincodes"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_addresses_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_addresses")),
    )
    op.create_index(op.f("ix_addresses_pincode"), "addresses", ["pincode"])
    op.create_index(op.f("ix_addresses_user_id_is_default"), "addresses", ["user_id", "is_default"])

    op.create_table(
        "document_chunks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("heading", sa.String(length=200), server_default="", nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("token_count", sa.Integer(), nullable=False),
        sa.Column("embedding_model", sa.String(length=80), nullable=True),
        sa.Column("embedding", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_chunks_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_chunks")),
        sa.UniqueConstraint("document_id", "ordinal", name=op.f("uq_document_chunks_document_id_ordinal")),
    )
    op.create_table(
        "provider_pincodes",
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("pincode", sa.String(length=6), nullable=False),
        sa.ForeignKeyConstraint(
            ["pincode"],
            ["pincodes.pincode"],
            name=op.f("fk_provider_pincodes_pincode_pincodes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
            name=op.f("fk_provider_pincodes_provider_id_providers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("provider_id", "pincode", name=op.f("pk_provider_pincodes")),
    )
    op.create_index(
        op.f("ix_provider_pincodes_pincode_provider_id"), "provider_pincodes", ["pincode", "provider_id"]
    )

    op.create_table(
        "role_permissions",
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("permission_code", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["permission_code"],
            ["permissions.code"],
            name=op.f("fk_role_permissions_permission_code_permissions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["role_id"], ["roles.id"], name=op.f("fk_role_permissions_role_id_roles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("role_id", "permission_code", name=op.f("pk_role_permissions")),
    )
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=13), nullable=True),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("last_login_at", UTC_DATETIME, nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint(
            "status IN ('pending', 'active', 'suspended', 'deactivated')",
            name=op.f("ck_staff_status_allowed"),
        ),
        sa.ForeignKeyConstraint(
            ["approved_by_id"], ["staff.id"], name=op.f("fk_staff_approved_by_id_staff"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["role_id"], ["roles.id"], name=op.f("fk_staff_role_id_roles"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("email", name=op.f("uq_staff_email")),
    )
    op.create_index(op.f("ix_staff_role_id_status"), "staff", ["role_id", "status"])

    op.create_table(
        "bookings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("reference", sa.String(length=20), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("address_id", sa.Integer(), nullable=False),
        sa.Column("pincode", sa.String(length=6), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("slot_start", UTC_DATETIME, nullable=False),
        sa.Column("slot_end", UTC_DATETIME, nullable=False),
        sa.Column("subtotal", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("discount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("tax", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("total", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), server_default="INR", nullable=False),
        sa.Column("payment_method", sa.String(length=20), nullable=False),
        sa.Column("payment_status", sa.String(length=20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("confirmed_at", UTC_DATETIME, nullable=True),
        sa.Column("started_at", UTC_DATETIME, nullable=True),
        sa.Column("completed_at", UTC_DATETIME, nullable=True),
        sa.Column("cancelled_at", UTC_DATETIME, nullable=True),
        sa.Column("cancelled_by", sa.String(length=20), nullable=True),
        sa.Column("cancellation_reason", sa.Text(), nullable=True),
        sa.Column("refund_amount", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("refund_currency", sa.String(length=3), nullable=True),
        sa.Column("refund_rule", sa.String(length=60), nullable=True),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("rating_comment", sa.Text(), nullable=True),
        sa.Column("rated_at", UTC_DATETIME, nullable=True),
        sa.Column("reschedule_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint(
            "cancelled_by IS NULL OR cancelled_by IN ('customer', 'provider', 'ops', 'system')",
            name=op.f("ck_bookings_cancelled_by_allowed"),
        ),
        sa.CheckConstraint(
            "payment_method IN ('upi', 'card', 'netbanking', 'wallet', 'cash')",
            name=op.f("ck_bookings_payment_method_allowed"),
        ),
        sa.CheckConstraint(
            "payment_status IN ('pending', 'paid', 'refund_pending', 'refunded', 'partially_refunded', 'not_required')",
            name=op.f("ck_bookings_payment_status_allowed"),
        ),
        sa.CheckConstraint(
            "rating IS NULL OR (rating >= 1 AND rating <= 5 AND status = 'completed')",
            name=op.f("ck_bookings_rating_valid"),
        ),
        sa.CheckConstraint(
            "status <> 'completed' OR completed_at IS NOT NULL", name=op.f("ck_bookings_completion_recorded")
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'confirmed', 'in_progress', 'completed', 'cancelled', 'no_show')",
            name=op.f("ck_bookings_status_allowed"),
        ),
        sa.CheckConstraint(
            "status NOT IN ('cancelled', 'no_show') OR (cancelled_at IS NOT NULL AND refund_amount IS NOT NULL)",
            name=op.f("ck_bookings_cancellation_recorded"),
        ),
        sa.CheckConstraint(
            "(refund_amount IS NULL AND refund_currency IS NULL) OR (refund_amount >= 0 AND refund_amount <= total AND refund_currency = currency)",
            name=op.f("ck_bookings_refund_within_total"),
        ),
        sa.CheckConstraint(
            "ABS(total - (subtotal - discount + tax)) < 0.005", name=op.f("ck_bookings_total_adds_up")
        ),
        sa.CheckConstraint("reschedule_count >= 0", name=op.f("ck_bookings_reschedules_not_negative")),
        sa.CheckConstraint("slot_end > slot_start", name=op.f("ck_bookings_slot_order")),
        sa.CheckConstraint(
            "subtotal >= 0 AND discount >= 0 AND tax >= 0 AND total >= 0",
            name=op.f("ck_bookings_amounts_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["address_id"],
            ["addresses.id"],
            name=op.f("fk_bookings_address_id_addresses"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["pincode"], ["pincodes.pincode"], name=op.f("fk_bookings_pincode_pincodes"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
            name=op.f("fk_bookings_provider_id_providers"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_bookings_user_id_users"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bookings")),
        sa.UniqueConstraint("reference", name=op.f("uq_bookings_reference")),
    )
    op.create_index(op.f("ix_bookings_pincode_slot_start"), "bookings", ["pincode", "slot_start"])
    op.create_index(op.f("ix_bookings_provider_id_slot_start"), "bookings", ["provider_id", "slot_start"])
    op.create_index(op.f("ix_bookings_status_slot_start"), "bookings", ["status", "slot_start"])
    op.create_index(op.f("ix_bookings_user_id_slot_start"), "bookings", ["user_id", "slot_start"])

    op.create_table(
        "conversations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("session_id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("started_at", UTC_DATETIME, nullable=False),
        sa.Column("last_message_at", UTC_DATETIME, nullable=False),
        sa.Column("message_count", sa.Integer(), server_default="0", nullable=False),
        sa.CheckConstraint(
            "channel IN ('web', 'app', 'whatsapp', 'ops')", name=op.f("ck_conversations_channel_allowed")
        ),
        sa.CheckConstraint(
            "status IN ('active', 'closed', 'handed_off')", name=op.f("ck_conversations_status_allowed")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_conversations_staff_id_staff"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_conversations_user_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversations")),
        sa.UniqueConstraint("session_id", name=op.f("uq_conversations_session_id")),
    )
    op.create_index(
        op.f("ix_conversations_user_id_last_message_at"), "conversations", ["user_id", "last_message_at"]
    )

    op.create_table(
        "provider_skills",
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("subcategory_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
            name=op.f("fk_provider_skills_provider_id_providers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["subcategory_id"],
            ["subcategories.id"],
            name=op.f("fk_provider_skills_subcategory_id_subcategories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("provider_id", "subcategory_id", name=op.f("pk_provider_skills")),
    )
    op.create_index(
        op.f("ix_provider_skills_subcategory_id_provider_id"),
        "provider_skills",
        ["subcategory_id", "provider_id"],
    )

    op.create_table(
        "staff_activity_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=80), nullable=False),
        sa.Column("target_type", sa.String(length=40), nullable=False),
        sa.Column("target_id", sa.String(length=64), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("ip", sa.String(length=45), server_default="", nullable=False),
        sa.Column("request_id", sa.String(length=128), server_default="", nullable=False),
        sa.Column("succeeded", sa.Boolean(), server_default="1", nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_staff_activity_log_staff_id_staff"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_activity_log")),
    )
    op.create_index(op.f("ix_staff_activity_log_created_at"), "staff_activity_log", ["created_at"])
    op.create_index(
        op.f("ix_staff_activity_log_staff_id_created_at"), "staff_activity_log", ["staff_id", "created_at"]
    )
    op.create_index(
        op.f("ix_staff_activity_log_target_type_target_id"),
        "staff_activity_log",
        ["target_type", "target_id"],
    )

    op.create_table(
        "staff_sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("expires_at", UTC_DATETIME, nullable=False),
        sa.Column("last_seen_at", UTC_DATETIME, nullable=True),
        sa.Column("revoked_at", UTC_DATETIME, nullable=True),
        sa.Column("revoked_by_id", sa.Integer(), nullable=True),
        sa.Column("ip", sa.String(length=45), server_default="", nullable=False),
        sa.Column("user_agent", sa.String(length=255), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["revoked_by_id"],
            ["staff.id"],
            name=op.f("fk_staff_sessions_revoked_by_id_staff"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_staff_sessions_staff_id_staff"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_sessions")),
    )
    op.create_index(
        op.f("ix_staff_sessions_staff_id_revoked_at"), "staff_sessions", ["staff_id", "revoked_at"]
    )

    op.create_table(
        "booking_items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("rate_card_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("line_total", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), server_default="INR", nullable=False),
        sa.CheckConstraint("quantity >= 1 AND quantity <= 100", name=op.f("ck_booking_items_quantity_range")),
        sa.CheckConstraint(
            "unit_price >= 0 AND ABS(line_total - unit_price * quantity) < 0.005",
            name=op.f("ck_booking_items_line_total_adds_up"),
        ),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["bookings.id"],
            name=op.f("fk_booking_items_booking_id_bookings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["rate_card_id"],
            ["rate_cards.id"],
            name=op.f("fk_booking_items_rate_card_id_rate_cards"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_booking_items")),
    )
    op.create_index(op.f("ix_booking_items_booking_id"), "booking_items", ["booking_id"])
    op.create_index(op.f("ix_booking_items_rate_card_id"), "booking_items", ["rate_card_id"])

    op.create_table(
        "complaints",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=True),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("priority", sa.String(length=10), nullable=False),
        sa.Column("priority_score", sa.Integer(), nullable=False),
        sa.Column("sentiment", sa.Float(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("assigned_staff_id", sa.Integer(), nullable=True),
        sa.Column("first_response_due_at", UTC_DATETIME, nullable=False),
        sa.Column("resolution_due_at", UTC_DATETIME, nullable=False),
        sa.Column("first_responded_at", UTC_DATETIME, nullable=True),
        sa.Column("resolved_at", UTC_DATETIME, nullable=True),
        sa.Column("closed_at", UTC_DATETIME, nullable=True),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.Column("escalation_level", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint(
            "priority IN ('low', 'medium', 'high', 'critical')", name=op.f("ck_complaints_priority_allowed")
        ),
        sa.CheckConstraint(
            "status <> 'closed' OR closed_at IS NOT NULL", name=op.f("ck_complaints_closure_recorded")
        ),
        sa.CheckConstraint(
            "status IN ('open', 'in_progress', 'escalated', 'resolved', 'closed')",
            name=op.f("ck_complaints_status_allowed"),
        ),
        sa.CheckConstraint(
            "status NOT IN ('resolved', 'closed') OR (resolution IS NOT NULL AND resolved_at IS NOT NULL)",
            name=op.f("ck_complaints_resolution_recorded"),
        ),
        sa.CheckConstraint(
            "type IN ('no_show', 'late_arrival', 'service_quality', 'damage', 'behaviour', 'billing', 'refund', 'safety', 'other')",
            name=op.f("ck_complaints_type_allowed"),
        ),
        sa.CheckConstraint("escalation_level >= 0", name=op.f("ck_complaints_escalation_not_negative")),
        sa.CheckConstraint(
            "priority_score >= 0 AND priority_score <= 100", name=op.f("ck_complaints_score_range")
        ),
        sa.CheckConstraint(
            "sentiment IS NULL OR (sentiment >= -1 AND sentiment <= 1)",
            name=op.f("ck_complaints_sentiment_range"),
        ),
        sa.ForeignKeyConstraint(
            ["assigned_staff_id"],
            ["staff.id"],
            name=op.f("fk_complaints_assigned_staff_id_staff"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["bookings.id"],
            name=op.f("fk_complaints_booking_id_bookings"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_complaints_user_id_users"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaints")),
    )
    op.create_index(
        op.f("ix_complaints_assigned_staff_id_status"), "complaints", ["assigned_staff_id", "status"]
    )
    op.create_index(op.f("ix_complaints_booking_id"), "complaints", ["booking_id"])
    op.create_index(
        op.f("ix_complaints_status_first_response_due_at"), "complaints", ["status", "first_response_due_at"]
    )
    op.create_index(
        op.f("ix_complaints_status_priority_resolution_due_at"),
        "complaints",
        ["status", "priority", "resolution_due_at"],
    )
    op.create_index(op.f("ix_complaints_user_id_created_at"), "complaints", ["user_id", "created_at"])

    op.create_table(
        "messages",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("intent", sa.String(length=40), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("entities", sa.JSON(), nullable=True),
        sa.Column("agent", sa.String(length=60), nullable=True),
        sa.Column("latency_ms", sa.Integer(), nullable=True),
        sa.Column("prompt_tokens", sa.Integer(), nullable=True),
        sa.Column("completion_tokens", sa.Integer(), nullable=True),
        sa.Column("flagged", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint(
            "role IN ('user', 'assistant', 'system', 'tool')", name=op.f("ck_messages_role_allowed")
        ),
        sa.CheckConstraint(
            "confidence IS NULL OR (confidence >= 0 AND confidence <= 1)",
            name=op.f("ck_messages_confidence_range"),
        ),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name=op.f("fk_messages_conversation_id_conversations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_messages")),
    )
    op.create_index(
        op.f("ix_messages_conversation_id_created_at"), "messages", ["conversation_id", "created_at"]
    )
    op.create_index(op.f("ix_messages_intent_created_at"), "messages", ["intent", "created_at"])

    op.create_table(
        "complaint_updates",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(length=10), nullable=False),
        sa.Column("author_staff_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("is_internal", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("old_status", sa.String(length=20), nullable=True),
        sa.Column("new_status", sa.String(length=20), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint(
            "author IN ('customer', 'staff', 'system')", name=op.f("ck_complaint_updates_author_allowed")
        ),
        sa.CheckConstraint(
            "kind IN ('comment', 'status_change', 'assignment', 'escalation', 'internal_note', 'resolution')",
            name=op.f("ck_complaint_updates_kind_allowed"),
        ),
        sa.ForeignKeyConstraint(
            ["author_staff_id"],
            ["staff.id"],
            name=op.f("fk_complaint_updates_author_staff_id_staff"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_complaint_updates_complaint_id_complaints"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_updates")),
    )
    op.create_index(
        op.f("ix_complaint_updates_complaint_id_created_at"),
        "complaint_updates",
        ["complaint_id", "created_at"],
    )

    op.create_table(
        "priority_queue",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("item_type", sa.String(length=20), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=True),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("due_at", UTC_DATETIME, nullable=False),
        sa.Column("status", sa.String(length=20), server_default="waiting", nullable=False),
        sa.Column("claimed_by_staff_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=200), server_default="", nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint(
            "(item_type = 'complaint' AND complaint_id IS NOT NULL AND message_id IS NULL) OR (item_type = 'message' AND message_id IS NOT NULL AND complaint_id IS NULL)",
            name=op.f("ck_priority_queue_one_target"),
        ),
        sa.CheckConstraint(
            "item_type IN ('complaint', 'message')", name=op.f("ck_priority_queue_item_type_allowed")
        ),
        sa.CheckConstraint(
            "level IN ('low', 'medium', 'high', 'critical')", name=op.f("ck_priority_queue_level_allowed")
        ),
        sa.CheckConstraint(
            "status IN ('waiting', 'claimed', 'done')", name=op.f("ck_priority_queue_status_allowed")
        ),
        sa.CheckConstraint("score >= 0 AND score <= 100", name=op.f("ck_priority_queue_score_range")),
        sa.ForeignKeyConstraint(
            ["claimed_by_staff_id"],
            ["staff.id"],
            name=op.f("fk_priority_queue_claimed_by_staff_id_staff"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_priority_queue_complaint_id_complaints"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["messages.id"],
            name=op.f("fk_priority_queue_message_id_messages"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_priority_queue")),
        sa.UniqueConstraint("complaint_id", name=op.f("uq_priority_queue_complaint_id")),
        sa.UniqueConstraint("message_id", name=op.f("uq_priority_queue_message_id")),
    )
    op.create_index(
        op.f("ix_priority_queue_status_score_due_at"), "priority_queue", ["status", "score", "due_at"]
    )


def downgrade() -> None:
    op.drop_table("priority_queue")
    op.drop_table("complaint_updates")
    op.drop_table("messages")
    op.drop_table("complaints")
    op.drop_table("booking_items")
    op.drop_table("staff_sessions")
    op.drop_table("staff_activity_log")
    op.drop_table("provider_skills")
    op.drop_table("conversations")
    op.drop_table("bookings")
    op.drop_table("staff")
    op.drop_table("role_permissions")
    op.drop_table("provider_pincodes")
    op.drop_table("document_chunks")
    op.drop_table("addresses")
    op.drop_table("users")
    op.drop_table("roles")
    op.drop_table("providers")
    op.drop_table("permissions")
    op.drop_table("outbox")
    op.drop_table("idempotency_keys")
    op.drop_table("documents")
