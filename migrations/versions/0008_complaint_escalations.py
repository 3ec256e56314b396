"""complaint escalations: when each SLA breach was escalated, and the priority factors

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25

The SLA monitor escalates a complaint once per breach (first response, resolution); recording the time of
each escalation makes a second run, or a second worker, a no-op. The priority factors keep the reasons
behind a complaint's score for the ops desk.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def upgrade() -> None:
    with op.batch_alter_table("complaints") as batch:
        batch.add_column(sa.Column("first_response_escalated_at", UTC_DATETIME, nullable=True))
        batch.add_column(sa.Column("resolution_escalated_at", UTC_DATETIME, nullable=True))
        batch.add_column(sa.Column("priority_factors", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("complaints") as batch:
        batch.drop_column("priority_factors")
        batch.drop_column("resolution_escalated_at")
        batch.drop_column("first_response_escalated_at")
