"""HTTP schemas of cancelling and rating a booking."""

from datetime import date
from decimal import Decimal
from typing import Annotated

import msgspec

from entrypoints.http.controllers.booking_schemas import BookingOut
from entrypoints.http.schemas import Schema


class CancelIn(Schema):
    reason: Annotated[str, msgspec.Meta(max_length=500)] = ""


class RescheduleIn(Schema):
    """The new slot: `time` is India time (Asia/Kolkata), on the half hour."""

    date: Annotated[date, msgspec.Meta(examples=["2026-12-05"])]
    time: Annotated[str, msgspec.Meta(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", examples=["10:30"])]


class RateIn(Schema):
    stars: Annotated[int, msgspec.Meta(ge=1, le=5)]
    comment: Annotated[str, msgspec.Meta(max_length=1000)] = ""


class RefundRuleOut(Schema):
    """`code` is stable (e.g. full_refund_early_notice, nothing_paid); `description` is for people."""

    code: str
    description: str


class CancellationQuoteOut(Schema):
    booking_id: int
    currency: str
    total: Decimal
    refund: Decimal
    rule: RefundRuleOut


class CancellationOut(Schema):
    booking: BookingOut
    currency: str
    refund: Decimal
    rule: RefundRuleOut


class RatingOut(Schema):
    booking_id: int
    stars: int
    comment: str
    provider_id: int
    provider_rating_average: Decimal
    provider_rating_count: int
