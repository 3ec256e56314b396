"""Schema building blocks: the shared MetaData (with a naming convention) and column helpers."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import CheckConstraint, Column, MetaData, Numeric, String

from adapters.persistence.types import UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

MONEY = Numeric(12, 2, asdecimal=True)
CURRENCY = String(3)


def utcnow() -> datetime:
    return datetime.now(UTC)


def timestamps() -> list[Column[datetime]]:
    """Audit columns, filled by SQLAlchemy on write (server defaults for DATETIME(6) differ by backend)."""
    return [
        Column("created_at", UtcDateTime(), nullable=False, default=utcnow),
        Column("updated_at", UtcDateTime(), nullable=False, default=utcnow, onupdate=utcnow),
    ]


def enum_check(column: str, values: Any, name: str | None = None) -> CheckConstraint:
    """A CHECK that keeps a string column inside an enum's values (portable: no native ENUM type)."""
    allowed = ", ".join(f"'{getattr(v, 'value', v)}'" for v in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=name or f"{column}_allowed")
