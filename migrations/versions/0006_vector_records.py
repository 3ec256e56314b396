"""vector records: the offline vector index, persisted with the database

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25

A generic store of embedding vectors by namespace and id with JSON metadata, searched exactly in memory by
the local vector index. `vector_namespaces.version` is bumped by every write, so each API process can see
cheaply whether its in-memory copy of a namespace is stale.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_DATETIME = sa.DateTime().with_variant(mysql.DATETIME(fsp=6), "mysql", "mariadb")


def upgrade() -> None:
    op.create_table(
        "vector_namespaces",
        sa.Column("namespace", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("namespace", name=op.f("pk_vector_namespaces")),
    )
    op.create_table(
        "vector_records",
        sa.Column("namespace", sa.String(length=100), nullable=False),
        sa.Column("record_id", sa.String(length=200), nullable=False),
        sa.Column("dim", sa.Integer(), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.Column("metadata_json", sa.Text(), nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint("dim >= 1", name=op.f("ck_vector_records_dim_positive")),
        sa.PrimaryKeyConstraint("namespace", "record_id", name=op.f("pk_vector_records")),
    )


def downgrade() -> None:
    op.drop_table("vector_records")
    op.drop_table("vector_namespaces")
