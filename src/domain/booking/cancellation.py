"""How much a cancelled booking refunds, and when a booking may still be rescheduled: the values live here.

A customer who cancels early enough gets everything back, a little late half, too late nothing. The windows
depend on the booking's categories (WINDOWS, by category slug; DEFAULT_WINDOW for the rest); a booking that
spans categories follows the strictest (longest) window among them. A cancellation caused by the provider,
ops or the system always refunds in full. A cash booking refunds nothing, since nothing was paid yet.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from domain.booking.entities import CancelledBy, PaymentMethod
from domain.shared.errors import InvalidValue
from domain.shared.money import Money

PARTIAL_SHARE = Decimal("0.5")
MAX_RESCHEDULES = 2
RESCHEDULE_CUTOFF = timedelta(hours=3)


@dataclass(frozen=True, slots=True)
class RefundWindow:
    """Notice of more than `full` before the slot refunds everything; more than `partial`, PARTIAL_SHARE."""

    full: timedelta
    partial: timedelta

    def __post_init__(self) -> None:
        if not timedelta(0) <= self.partial <= self.full:
            raise InvalidValue("window", "the partial window must lie within the full one")


DEFAULT_WINDOW = RefundWindow(full=timedelta(hours=4), partial=timedelta(hours=2))
WINDOWS: dict[str, RefundWindow] = {
    "cleaning": RefundWindow(full=timedelta(hours=6), partial=timedelta(hours=3)),
    "appliance-repair": RefundWindow(full=timedelta(hours=12), partial=timedelta(hours=6)),
    "salon-women": RefundWindow(full=timedelta(hours=12), partial=timedelta(hours=6)),
    "salon-men": RefundWindow(full=timedelta(hours=12), partial=timedelta(hours=6)),
    "massage-spa": RefundWindow(full=timedelta(hours=12), partial=timedelta(hours=6)),
}


@dataclass(frozen=True, slots=True)
class RefundDecision:
    """The refund, the stable code of the rule that decided it, and that rule in a sentence."""

    refund: Money
    rule: str
    explanation: str


def window_for(category_slugs: Collection[str]) -> RefundWindow:
    """The strictest window among the booking's categories (DEFAULT_WINDOW when none is configured)."""
    windows = [WINDOWS.get(slug, DEFAULT_WINDOW) for slug in category_slugs] or [DEFAULT_WINDOW]
    return max(windows, key=lambda w: (w.full, w.partial))


def _hours(span: timedelta) -> str:
    return f"{span.total_seconds() / 3600:g} h"


def refund_for(
    *,
    total: Money,
    payment_method: PaymentMethod,
    category_slugs: Collection[str],
    slot_start: datetime,
    now: datetime,
    by: CancelledBy,
) -> RefundDecision:
    """The refund of a booking of `total` cancelled at `now` by `by`: between zero and the total, never less
    for more notice, and the whole total when the customer did not cause the cancellation."""
    if payment_method is PaymentMethod.CASH:
        return RefundDecision(
            Money.zero(total.currency),
            "nothing_paid",
            "Cash bookings are paid after the visit, so nothing is refunded.",
        )
    if by is not CancelledBy.CUSTOMER:
        return RefundDecision(
            total,
            f"full_refund_{by.value}_cancelled",
            f"Cancelled by {by.value}: the full amount is refunded.",
        )
    window = window_for(category_slugs)
    notice = slot_start - now
    if notice > window.full:
        return RefundDecision(
            total,
            "full_refund_early_notice",
            f"Cancelled more than {_hours(window.full)} before the visit: full refund.",
        )
    if notice > window.partial:
        return RefundDecision(
            total.times(PARTIAL_SHARE),
            "partial_refund_late_notice",
            f"Cancelled {_hours(window.partial)} to {_hours(window.full)} before the visit: 50% refund.",
        )
    return RefundDecision(
        Money.zero(total.currency),
        "no_refund_short_notice",
        f"Cancelled less than {_hours(window.partial)} before the visit: no refund.",
    )
