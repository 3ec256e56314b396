"""catalog and serviceability: categories, subcategories, rate cards, pincodes

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
MONEY = sa.Numeric(precision=12, scale=2)


def _timestamps() -> list[sa.Column[object]]:
    return [
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "categories",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("icon", sa.String(length=40), server_default="", nullable=False),
        sa.Column("sort_order", sa.Integer(), server_default="0", nullable=False),
        sa.Column("is_active", sa.Boolean(), server_default="1", nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_categories")),
        sa.UniqueConstraint("slug", name=op.f("uq_categories_slug")),
    )
    op.create_index(op.f("ix_categories_is_active_sort_order"), "categories", ["is_active", "sort_order"])

    op.create_table(
        "pincodes",
        sa.Column("pincode", sa.String(length=6), nullable=False),
        sa.Column("locality", sa.String(length=120), nullable=False),
        sa.Column("city", sa.String(length=80), nullable=False),
        sa.Column("state", sa.String(length=80), nullable=False),
        sa.Column("is_serviceable", sa.Boolean(), server_default="1", nullable=False),
        *_timestamps(),
        sa.CheckConstraint(
            "pincode >= '100000' AND pincode <= '999999'", name=op.f("ck_pincodes_pincode_format")
        ),
        sa.PrimaryKeyConstraint("pincode", name=op.f("pk_pincodes")),
    )
    op.create_index(op.f("ix_pincodes_city"), "pincodes", ["city"])

    op.create_table(
        "subcategories",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=150), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("inclusions", sa.JSON(), nullable=False),
        sa.Column("exclusions", sa.JSON(), nullable=False),
        sa.Column("keywords", sa.JSON(), nullable=False),
        sa.Column("sort_order", sa.Integer(), server_default="0", nullable=False),
        sa.Column("is_active", sa.Boolean(), server_default="1", nullable=False),
        *_timestamps(),
        sa.CheckConstraint(
            "duration_minutes > 0 AND duration_minutes <= 10080", name=op.f("ck_subcategories_duration_range")
        ),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["categories.id"],
            name=op.f("fk_subcategories_category_id_categories"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subcategories")),
        sa.UniqueConstraint("slug", name=op.f("uq_subcategories_slug")),
    )
    op.create_index(
        op.f("ix_subcategories_category_id_is_active_sort_order"),
        "subcategories",
        ["category_id", "is_active", "sort_order"],
    )

    op.create_table(
        "rate_cards",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("subcategory_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=150), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("price", MONEY, nullable=False),
        sa.Column("strike_price", MONEY, nullable=True),
        sa.Column("currency", sa.String(length=3), server_default="INR", nullable=False),
        sa.Column("strike_currency", sa.String(length=3), nullable=True),
        sa.Column("unit", sa.String(length=40), server_default="", nullable=False),
        sa.Column("is_active", sa.Boolean(), server_default="1", nullable=False),
        *_timestamps(),
        sa.CheckConstraint("price >= 0", name=op.f("ck_rate_cards_price_not_negative")),
        sa.CheckConstraint(
            "strike_price IS NULL OR strike_price > price", name=op.f("ck_rate_cards_strike_above_price")
        ),
        sa.CheckConstraint(
            "(strike_price IS NULL AND strike_currency IS NULL)"
            " OR (strike_price IS NOT NULL AND strike_currency = currency)",
            name=op.f("ck_rate_cards_strike_currency_matches"),
        ),
        sa.ForeignKeyConstraint(
            ["subcategory_id"],
            ["subcategories.id"],
            name=op.f("fk_rate_cards_subcategory_id_subcategories"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rate_cards")),
        sa.UniqueConstraint("code", name=op.f("uq_rate_cards_code")),
    )
    op.create_index(
        op.f("ix_rate_cards_subcategory_id_is_active_price"),
        "rate_cards",
        ["subcategory_id", "is_active", "price"],
    )

    op.create_table(
        "rate_card_pincodes",
        sa.Column("rate_card_id", sa.Integer(), nullable=False),
        sa.Column("pincode", sa.String(length=6), nullable=False),
        sa.ForeignKeyConstraint(
            ["pincode"],
            ["pincodes.pincode"],
            name=op.f("fk_rate_card_pincodes_pincode_pincodes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["rate_card_id"],
            ["rate_cards.id"],
            name=op.f("fk_rate_card_pincodes_rate_card_id_rate_cards"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("rate_card_id", "pincode", name=op.f("pk_rate_card_pincodes")),
    )
    op.create_index(
        op.f("ix_rate_card_pincodes_pincode_rate_card_id"), "rate_card_pincodes", ["pincode", "rate_card_id"]
    )


def downgrade() -> None:
    op.drop_table("rate_card_pincodes")
    op.drop_table("rate_cards")
    op.drop_table("subcategories")
    op.drop_table("pincodes")
    op.drop_table("categories")
