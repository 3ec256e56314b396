"""What cancelling and rating a booking return."""

from decimal import Decimal

import msgspec

from application.booking.views import BookingView
from domain.booking.cancellation import RefundDecision


class RefundRuleView(msgspec.Struct, frozen=True):
    code: str
    description: str


class CancellationQuoteView(msgspec.Struct, frozen=True):
    booking_id: int
    currency: str
    total: Decimal
    refund: Decimal
    rule: RefundRuleView

    @classmethod
    def of(cls, booking_id: int, total: Decimal, decision: RefundDecision) -> "CancellationQuoteView":
        return cls(
            booking_id=booking_id,
            currency=decision.refund.currency,
            total=total,
            refund=decision.refund.amount,
            rule=RefundRuleView(code=decision.rule, description=decision.explanation),
        )


class CancellationView(msgspec.Struct, frozen=True):
    booking: BookingView
    currency: str
    refund: Decimal
    rule: RefundRuleView


class RatingView(msgspec.Struct, frozen=True):
    booking_id: int
    stars: int
    comment: str
    provider_id: int
    provider_rating_average: Decimal
    provider_rating_count: int
