"""The Booking aggregate: a customer's order of services at an address, for a time slot, with its items."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import NewType

from domain.booking.reference import BookingReference
from domain.catalog.entities import RateCardId
from domain.customer.entities import AddressId, CustomerId
from domain.provider.entities import ProviderId
from domain.shared.errors import DomainError, InvalidValue
from domain.shared.money import Money
from domain.shared.pincode import Pincode
from domain.shared.status_machine import check_transition
from domain.shared.time_slot import TimeSlot

BookingId = NewType("BookingId", int)
BookingItemId = NewType("BookingItemId", int)


class BookingStatus(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


TRANSITIONS: dict[BookingStatus, frozenset[BookingStatus]] = {
    BookingStatus.PENDING: frozenset({BookingStatus.CONFIRMED, BookingStatus.CANCELLED}),
    BookingStatus.CONFIRMED: frozenset(
        {BookingStatus.IN_PROGRESS, BookingStatus.CANCELLED, BookingStatus.NO_SHOW}
    ),
    BookingStatus.IN_PROGRESS: frozenset({BookingStatus.COMPLETED}),
    BookingStatus.COMPLETED: frozenset(),
    BookingStatus.CANCELLED: frozenset(),
    BookingStatus.NO_SHOW: frozenset(),
}


class PaymentStatus(StrEnum):
    PENDING = "pending"
    PAID = "paid"
    REFUND_PENDING = "refund_pending"
    REFUNDED = "refunded"
    PARTIALLY_REFUNDED = "partially_refunded"
    NOT_REQUIRED = "not_required"


class PaymentMethod(StrEnum):
    UPI = "upi"
    CARD = "card"
    NETBANKING = "netbanking"
    WALLET = "wallet"
    CASH = "cash"


class CancelledBy(StrEnum):
    CUSTOMER = "customer"
    PROVIDER = "provider"
    OPS = "ops"
    SYSTEM = "system"


class AlreadyRated(DomainError):
    code = "already_rated"

    def __init__(self) -> None:
        super().__init__("this booking has already been rated")


class NotCompleted(DomainError):
    code = "not_completed"

    def __init__(self, status: str) -> None:
        super().__init__(f"only a completed booking can be rated; this one is {status}")
        self.status = status


class NotReassignable(DomainError):
    code = "not_reassignable"

    def __init__(self, status: str) -> None:
        super().__init__(f"only a pending or confirmed booking can change provider; this one is {status}")
        self.status = status


class NotReschedulable(DomainError):
    code = "not_reschedulable"

    def __init__(self, status: str) -> None:
        super().__init__(f"only a pending or confirmed booking can be rescheduled; this one is {status}")
        self.status = status


class RescheduleLimitReached(DomainError):
    code = "reschedule_limit_reached"

    def __init__(self, limit: int) -> None:
        super().__init__(f"a booking can be rescheduled at most {limit} times")
        self.limit = limit


class RescheduleWindowClosed(DomainError):
    code = "reschedule_window_closed"

    def __init__(self, slot_start: datetime, cutoff: timedelta) -> None:
        hours = f"{cutoff.total_seconds() / 3600:g}"
        super().__init__(
            f"a visit cannot be moved within {hours} hours of its start ({slot_start.isoformat()})"
        )
        self.slot_start = slot_start
        self.cutoff = cutoff


@dataclass(eq=False, kw_only=True)
class BookingItem:
    """One rate card on a booking at the price it was sold for (a snapshot: later price changes do not
    touch it)."""

    id: BookingItemId | None = None
    booking_id: BookingId | None = None
    rate_card_id: RateCardId
    name: str
    unit_price: Money
    quantity: int
    line_total: Money

    def __post_init__(self) -> None:
        if self.quantity < 1:
            raise InvalidValue("quantity", "quantity must be at least 1")
        if self.line_total != self.unit_price.times(self.quantity):
            raise InvalidValue("line_total", "line total must be unit price x quantity")


@dataclass(eq=False, kw_only=True)
class Booking:
    """Status moves only along TRANSITIONS; each move stamps its time. Total = subtotal - discount + tax."""

    id: BookingId | None = None
    reference: BookingReference
    customer_id: CustomerId
    address_id: AddressId
    pincode: Pincode
    provider_id: ProviderId | None = None
    slot: TimeSlot
    status: BookingStatus = BookingStatus.PENDING
    items: list[BookingItem] = field(default_factory=list)
    subtotal: Money
    discount: Money
    tax: Money
    total: Money
    payment_method: PaymentMethod = PaymentMethod.UPI
    payment_status: PaymentStatus = PaymentStatus.PENDING
    notes: str = ""
    confirmed_at: datetime | None = None
    started_at: datetime | None = None
    completed_at: datetime | None = None
    cancelled_at: datetime | None = None
    cancelled_by: CancelledBy | None = None
    cancellation_reason: str | None = None
    refund_amount: Money | None = None
    refund_rule: str | None = None
    rating: int | None = None
    rating_comment: str | None = None
    rated_at: datetime | None = None
    reschedule_count: int = 0

    def __post_init__(self) -> None:
        if self.total != self.subtotal - self.discount + self.tax:
            raise InvalidValue("total", "total must equal subtotal - discount + tax")
        if self.total.is_negative:
            raise InvalidValue("total", "total cannot be negative")

    @property
    def paid(self) -> Money:
        """What the customer has paid: a prepaid method (UPI, card, ...) pays the total when booking; cash is
        collected when the visit is completed."""
        if self.payment_method is not PaymentMethod.CASH or self.status is BookingStatus.COMPLETED:
            return self.total
        return Money.zero(self.total.currency)

    @property
    def refunded(self) -> Money:
        return self.refund_amount if self.refund_amount is not None else Money.zero(self.total.currency)

    @property
    def retained(self) -> Money:
        """What the marketplace keeps (paid less refunded): the price of a completed visit, the fee of a late
        cancellation, and meanwhile (pending to in progress) what it holds for the visit."""
        return self.paid - self.refunded

    def _move(self, to: BookingStatus) -> None:
        check_transition("booking", TRANSITIONS, self.status, to)
        self.status = to

    def confirm(self, *, now: datetime, provider_id: ProviderId) -> None:
        """A provider has been assigned and accepted the slot."""
        self._move(BookingStatus.CONFIRMED)
        self.provider_id = provider_id
        self.confirmed_at = now

    def check_reassignable(self) -> None:
        """Raise NotReassignable unless the work has not started yet (pending or confirmed)."""
        if self.status not in (BookingStatus.PENDING, BookingStatus.CONFIRMED):
            raise NotReassignable(self.status.value)

    def reassign(self, *, provider_id: ProviderId) -> None:
        """Give the visit to another provider, only before the work starts (pending or confirmed)."""
        self.check_reassignable()
        self.provider_id = provider_id

    def start(self, *, now: datetime) -> None:
        self._move(BookingStatus.IN_PROGRESS)
        self.started_at = now

    def complete(self, *, now: datetime) -> None:
        self._move(BookingStatus.COMPLETED)
        self.completed_at = now

    def mark_no_show(self, *, now: datetime) -> None:
        """The provider did not turn up for a confirmed slot: a prepaid customer is refunded in full; a cash
        customer paid nothing, so nothing is refunded."""
        self._move(BookingStatus.NO_SHOW)
        self.cancelled_at = now
        self.cancelled_by = CancelledBy.PROVIDER
        if self.payment_method is PaymentMethod.CASH:
            self.refund_amount = Money.zero(self.total.currency)
            self.refund_rule = "provider_no_show_nothing_paid"
            self.payment_status = PaymentStatus.NOT_REQUIRED
        else:
            self.refund_amount = self.total
            self.refund_rule = "provider_no_show_full_refund"
            self.payment_status = PaymentStatus.REFUNDED

    def cancel(self, *, now: datetime, by: CancelledBy, reason: str, refund: Money, rule: str) -> None:
        """Cancel before the work starts, recording the refund the cancellation policy decided. The payment
        becomes refunded, partially refunded, or stays paid when nothing is refunded; cash needs none."""
        if refund.is_negative or self.paid < refund:
            raise InvalidValue("refund", "refund must be between zero and what was paid")
        self._move(BookingStatus.CANCELLED)
        self.cancelled_at = now
        self.cancelled_by = by
        self.cancellation_reason = reason
        self.refund_amount = refund
        self.refund_rule = rule
        if self.payment_method is PaymentMethod.CASH:
            self.payment_status = PaymentStatus.NOT_REQUIRED
        elif refund == self.total and refund.amount > 0:
            self.payment_status = PaymentStatus.REFUNDED
        elif refund.amount > 0:
            self.payment_status = PaymentStatus.PARTIALLY_REFUNDED
        else:
            self.payment_status = PaymentStatus.PAID

    def reschedule(
        self, *, now: datetime, slot: TimeSlot, provider_id: ProviderId, limit: int, cutoff: timedelta
    ) -> None:
        """Move a pending or confirmed visit to `slot` with `provider_id` (the same professional or another),
        at most `limit` times and not within `cutoff` of the current slot's start; the values come from
        `domain.booking.cancellation`. Raises NotReschedulable, RescheduleLimitReached or
        RescheduleWindowClosed. A confirmed visit stays confirmed."""
        if self.status not in (BookingStatus.PENDING, BookingStatus.CONFIRMED):
            raise NotReschedulable(self.status.value)
        if self.reschedule_count >= limit:
            raise RescheduleLimitReached(limit)
        if self.slot.start - now < cutoff:
            raise RescheduleWindowClosed(self.slot.start, cutoff)
        self.slot = slot
        self.provider_id = provider_id
        self.reschedule_count += 1

    def rate(self, *, now: datetime, stars: int, comment: str = "") -> None:
        """Once, after completion, 1 to 5 stars."""
        if self.status is not BookingStatus.COMPLETED:
            raise NotCompleted(self.status.value)
        if self.rating is not None:
            raise AlreadyRated()
        if not 1 <= stars <= 5:
            raise InvalidValue("stars", "a rating is 1 to 5 stars")
        self.rating = stars
        self.rating_comment = comment
        self.rated_at = now
