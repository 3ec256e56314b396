"""The relational schema as SQLAlchemy Core tables, by context. Alembic migrations create it; the
imperative mappings and the query adapters use it."""

from adapters.persistence.tables.ai import llm_calls
from adapters.persistence.tables.base import NAMING_CONVENTION, metadata
from adapters.persistence.tables.care import complaint_updates, complaints, priority_queue
from adapters.persistence.tables.catalog import (
    categories,
    pincodes,
    rate_card_pincodes,
    rate_cards,
    subcategories,
)
from adapters.persistence.tables.conversations import conversations, messages
from adapters.persistence.tables.people import addresses, provider_pincodes, provider_skills, providers, users
from adapters.persistence.tables.plumbing import document_chunks, documents, idempotency_keys, outbox
from adapters.persistence.tables.staff import (
    permissions,
    role_permissions,
    roles,
    staff,
    staff_activity_log,
    staff_sessions,
)
from adapters.persistence.tables.vectors import vector_namespaces, vector_records
from adapters.persistence.tables.work import booking_day_sequences, booking_items, bookings

__all__ = [
    "NAMING_CONVENTION",
    "addresses",
    "booking_day_sequences",
    "booking_items",
    "bookings",
    "categories",
    "complaint_updates",
    "complaints",
    "conversations",
    "document_chunks",
    "documents",
    "idempotency_keys",
    "llm_calls",
    "messages",
    "metadata",
    "outbox",
    "permissions",
    "pincodes",
    "priority_queue",
    "provider_pincodes",
    "provider_skills",
    "providers",
    "rate_card_pincodes",
    "rate_cards",
    "role_permissions",
    "roles",
    "staff",
    "staff_activity_log",
    "staff_sessions",
    "subcategories",
    "users",
    "vector_namespaces",
    "vector_records",
]
