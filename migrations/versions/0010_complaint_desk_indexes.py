"""complaint desk indexes: complaints by creation and by resolution time

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25

The ops desk lists complaints newest first and its analytics read a range of creation days and of
resolution days; both scan a time range of every customer's complaints.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f("ix_complaints_created_at"), "complaints", ["created_at"])
    op.create_index(op.f("ix_complaints_resolved_at"), "complaints", ["resolved_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_complaints_resolved_at"), table_name="complaints")
    op.drop_index(op.f("ix_complaints_created_at"), table_name="complaints")
