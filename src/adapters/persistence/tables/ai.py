"""AI platform accounting: one row per language-model call (tokens, cost, latency, cache hit, outcome)."""

from sqlalchemy import Boolean, Column, Index, Integer, Numeric, String, Table

from adapters.persistence.tables.base import enum_check, metadata
from adapters.persistence.types import UtcDateTime

llm_calls = Table(
    "llm_calls",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("model", String(100), nullable=False),
    Column("tier", String(10), nullable=False),
    Column("purpose", String(40), nullable=False),
    Column("input_tokens", Integer, nullable=False),
    Column("output_tokens", Integer, nullable=False),
    Column("cost_usd", Numeric(14, 6, asdecimal=True), nullable=False),
    Column("latency_ms", Integer, nullable=False),
    Column("cached", Boolean, nullable=False),
    Column("status", String(10), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    enum_check("tier", ["light", "strong"]),
    enum_check("status", ["ok", "error"]),
    Index(None, "created_at"),
    Index(None, "model", "created_at"),
)
