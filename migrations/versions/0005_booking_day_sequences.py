"""booking day sequences: an atomic per-day counter for booking references

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

Allocating BK-YYYYMMDD-NNNN by reading the day's highest reference made concurrent creates collide on the
unique reference and fail after retries; a counter row bumped atomically removes the collisions.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "booking_day_sequences",
        sa.Column("day", sa.String(length=8), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.CheckConstraint("last_value >= 1", name=op.f("ck_booking_day_sequences_positive")),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_booking_day_sequences")),
    )


def downgrade() -> None:
    op.drop_table("booking_day_sequences")
