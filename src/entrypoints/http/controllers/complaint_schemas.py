"""HTTP schemas of the customer's complaint endpoints."""

from datetime import datetime
from typing import Annotated, Literal

import msgspec

from domain.complaint.entities import MAX_MESSAGE
from entrypoints.http.schemas import Schema

MAX_ID = 2**63 - 1
"""Ids are signed 64-bit at most (what the database drivers accept): larger ones are refused (400), never
sent to the database."""

Id = Annotated[int, msgspec.Meta(ge=1, le=MAX_ID)]

ComplaintTypeIn = Literal[
    "no_show",
    "late_arrival",
    "service_quality",
    "damage",
    "behaviour",
    "billing",
    "refund",
    "safety",
    "other",
]


class ComplaintIn(Schema):
    """What went wrong. `bookingId`, when given, must be one of your own bookings."""

    type: ComplaintTypeIn
    subject: Annotated[str, msgspec.Meta(min_length=1, max_length=200, examples=["The plumber never came"])]
    description: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_MESSAGE)]
    booking_id: Id | None = None


class UpdateIn(Schema):
    message: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_MESSAGE)]


class ReopenIn(Schema):
    reason: Annotated[str, msgspec.Meta(max_length=1000)] = ""


class UpdateOut(Schema):
    """A timeline entry you can see (internal notes never appear); times in India."""

    id: int | None
    author: str
    kind: str
    message: str
    old_status: str | None
    new_status: str | None
    created_at: datetime


class ComplaintOut(Schema):
    """Due times are the service levels of the complaint's priority; `reopenUntil` is set while resolved."""

    id: int
    booking_id: int | None
    type: str
    subject: str
    description: str
    status: str
    priority: str
    first_response_due_at: datetime
    resolution_due_at: datetime
    first_responded_at: datetime | None
    resolved_at: datetime | None
    resolution: str | None
    reopen_until: datetime | None
    created_at: datetime
    updates: list[UpdateOut]


class ComplaintSummaryOut(Schema):
    id: int
    booking_id: int | None
    type: str
    subject: str
    status: str
    priority: str
    resolution_due_at: datetime
    created_at: datetime


class ComplaintPageOut(Schema):
    items: list[ComplaintSummaryOut]
    total: int
    limit: int
    offset: int
    next_offset: int | None


class UpdatePageOut(Schema):
    items: list[UpdateOut]
    total: int
