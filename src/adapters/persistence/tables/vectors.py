"""The offline vector index: embedding vectors by namespace and id, and a per-namespace write version."""

from sqlalchemy import CheckConstraint, Column, Integer, LargeBinary, String, Table, Text

from adapters.persistence.tables.base import metadata
from adapters.persistence.types import UtcDateTime

vector_namespaces = Table(
    "vector_namespaces",
    metadata,
    Column("namespace", String(100), primary_key=True),
    Column("version", Integer, nullable=False),
)

vector_records = Table(
    "vector_records",
    metadata,
    Column("namespace", String(100), primary_key=True),
    Column("record_id", String(200), primary_key=True),
    Column("dim", Integer, nullable=False),
    Column("vector", LargeBinary, nullable=False),
    Column("metadata_json", Text, nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    CheckConstraint("dim >= 1", name="dim_positive"),
)
