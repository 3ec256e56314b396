"""outbox leases: a 'sending' status with lease_until and lease_token, so delivery is claimed safely

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

A worker claims a message by moving it to 'sending' under a lease; a message whose worker died becomes due
again once `lease_until` passes. Downgrading returns messages in flight to 'pending'.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")
CHECK = "ck_outbox_status_allowed"


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_constraint(op.f(CHECK), type_="check")
        batch.add_column(sa.Column("lease_until", UTC_DATETIME, nullable=True))
        batch.add_column(sa.Column("lease_token", sa.String(length=32), nullable=True))
        batch.create_check_constraint(op.f(CHECK), "status IN ('pending', 'sending', 'sent', 'failed')")


def downgrade() -> None:
    op.execute("UPDATE outbox SET status = 'pending' WHERE status = 'sending'")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_constraint(op.f(CHECK), type_="check")
        batch.drop_column("lease_token")
        batch.drop_column("lease_until")
        batch.create_check_constraint(op.f(CHECK), "status IN ('pending', 'sent', 'failed')")
