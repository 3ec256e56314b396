"""outbox subjects: what a message is about (e.g. booking:42), and a 'withdrawn' status

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25

A booking's reminders carry the subject `booking:<id>`, so cancelling or rescheduling the booking withdraws
the ones still pending in the same transaction; delivery withdraws a claimed reminder that no longer fits its
booking. Downgrading turns withdrawn messages into failed ones (they are never sent either way).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHECK = "ck_outbox_status_allowed"


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_constraint(op.f(CHECK), type_="check")
        batch.add_column(sa.Column("subject", sa.String(length=40), nullable=True))
        batch.create_check_constraint(
            op.f(CHECK), "status IN ('pending', 'sending', 'sent', 'failed', 'withdrawn')"
        )
        batch.create_index(op.f("ix_outbox_subject_status"), ["subject", "status"], unique=False)


def downgrade() -> None:
    op.execute("UPDATE outbox SET status = 'failed' WHERE status = 'withdrawn'")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_index(op.f("ix_outbox_subject_status"))
        batch.drop_constraint(op.f(CHECK), type_="check")
        batch.drop_column("subject")
        batch.create_check_constraint(op.f(CHECK), "status IN ('pending', 'sending', 'sent', 'failed')")
