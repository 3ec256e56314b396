import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from domain.booking.cancellation import MAX_RESCHEDULES, RESCHEDULE_CUTOFF
from domain.booking.entities import (
    TRANSITIONS,
    AlreadyRated,
    Booking,
    BookingItem,
    BookingStatus,
    CancelledBy,
    NotCompleted,
    PaymentMethod,
)
from domain.booking.reference import BookingReference
from domain.catalog.entities import RateCardId
from domain.customer.entities import AddressId, CustomerId
from domain.provider.entities import ProviderId
from domain.shared.errors import DomainError, InvalidValue
from domain.shared.money import Money
from domain.shared.pincode import Pincode
from domain.shared.status_machine import TransitionNotAllowed
from domain.shared.time_slot import TimeSlot

NOW = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)
FINAL = frozenset(s for s, allowed in TRANSITIONS.items() if not allowed)
PROVIDER = ProviderId(7)


def rupees(paise: int) -> Money:
    return Money(Decimal(paise).scaleb(-2))


def item(unit_price: Money, quantity: int = 1) -> BookingItem:
    return BookingItem(
        rate_card_id=RateCardId(3),
        name="2 BHK deep cleaning",
        unit_price=unit_price,
        quantity=quantity,
        line_total=unit_price.times(quantity),
    )


def make_booking(
    unit_price: Money | None = None,
    quantity: int = 2,
    discount: Money | None = None,
    tax: Money | None = None,
) -> Booking:
    line = item(unit_price or Money.of("1000.00"), quantity)
    discount = discount if discount is not None else Money.of("200.00")
    tax = tax if tax is not None else Money.of("324.00")
    return Booking(
        reference=BookingReference.build(date(2026, 11, 24), 42),
        customer_id=CustomerId(1),
        address_id=AddressId(2),
        pincode=Pincode("560034"),
        slot=TimeSlot.starting(NOW + timedelta(days=1), 120),
        items=[line],
        subtotal=line.line_total,
        discount=discount,
        tax=tax,
        total=line.line_total - discount + tax,
    )


def cancel(booking: Booking, refund: Money | None = None) -> None:
    booking.cancel(
        now=NOW,
        by=CancelledBy.CUSTOMER,
        reason="plans changed",
        refund=refund if refund is not None else booking.total,
        rule="free_before_24h",
    )


COMMANDS: dict[str, tuple[BookingStatus, Callable[[Booking], None]]] = {
    "confirm": (BookingStatus.CONFIRMED, lambda b: b.confirm(now=NOW, provider_id=PROVIDER)),
    "start": (BookingStatus.IN_PROGRESS, lambda b: b.start(now=NOW)),
    "complete": (BookingStatus.COMPLETED, lambda b: b.complete(now=NOW)),
    "cancel": (BookingStatus.CANCELLED, cancel),
    "mark_no_show": (BookingStatus.NO_SHOW, lambda b: b.mark_no_show(now=NOW)),
}
PATH_TO: dict[BookingStatus, list[str]] = {
    BookingStatus.PENDING: [],
    BookingStatus.CONFIRMED: ["confirm"],
    BookingStatus.IN_PROGRESS: ["confirm", "start"],
    BookingStatus.COMPLETED: ["confirm", "start", "complete"],
    BookingStatus.CANCELLED: ["cancel"],
    BookingStatus.NO_SHOW: ["confirm", "mark_no_show"],
}


def booking_in(status: BookingStatus) -> Booking:
    booking = make_booking()
    for command in PATH_TO[status]:
        COMMANDS[command][1](booking)
    assert booking.status is status
    return booking


def snapshot(booking: Booking) -> dict[str, Any]:
    state = {f.name: getattr(booking, f.name) for f in dataclasses.fields(booking)}
    state["items"] = list(booking.items)
    return state


REFUSED = [
    (status, command)
    for status in BookingStatus
    for command, (target, _) in COMMANDS.items()
    if target not in TRANSITIONS[status]
]


def test_every_status_has_a_row_when_reading_the_transition_table() -> None:
    assert set(TRANSITIONS) == set(BookingStatus)
    assert {BookingStatus.COMPLETED, BookingStatus.CANCELLED, BookingStatus.NO_SHOW} == FINAL


def test_new_booking_is_pending_and_unpaid_when_created() -> None:
    booking = make_booking()
    assert booking.status is BookingStatus.PENDING
    assert booking.total == Money.of("2124.00")
    assert booking.confirmed_at is None
    assert booking.cancelled_at is None
    assert booking.rating is None


def test_booking_refused_when_total_differs_from_subtotal_minus_discount_plus_tax() -> None:
    line = item(Money.of("1000.00"))
    with pytest.raises(InvalidValue) as caught:
        Booking(
            reference=BookingReference.build(date(2026, 11, 24), 42),
            customer_id=CustomerId(1),
            address_id=AddressId(2),
            pincode=Pincode("560034"),
            slot=TimeSlot.starting(NOW, 120),
            items=[line],
            subtotal=line.line_total,
            discount=Money.of("100.00"),
            tax=Money.of("180.00"),
            total=Money.of("1080.01"),
        )
    assert caught.value.field == "total"


def test_booking_refused_when_discount_makes_total_negative() -> None:
    with pytest.raises(InvalidValue) as caught:
        make_booking(Money.of("100.00"), quantity=1, discount=Money.of("150.00"), tax=Money.of("0.00"))
    assert caught.value.field == "total"


def test_booking_accepted_when_discount_brings_total_to_exactly_zero() -> None:
    booking = make_booking(Money.of("100.00"), quantity=1, discount=Money.of("100.00"), tax=Money.zero())
    assert booking.total == Money.zero()


def test_item_refused_when_line_total_is_not_unit_price_times_quantity() -> None:
    with pytest.raises(InvalidValue) as caught:
        BookingItem(
            rate_card_id=RateCardId(3),
            name="Sofa cleaning",
            unit_price=Money.of("499.00"),
            quantity=3,
            line_total=Money.of("1497.01"),
        )
    assert caught.value.field == "line_total"


@pytest.mark.parametrize("quantity", [0, -1])
def test_item_refused_when_quantity_is_below_one(quantity: int) -> None:
    with pytest.raises(InvalidValue) as caught:
        BookingItem(
            rate_card_id=RateCardId(3),
            name="Sofa cleaning",
            unit_price=Money.of("499.00"),
            quantity=quantity,
            line_total=Money.of("499.00").times(quantity),
        )
    assert caught.value.field == "quantity"


def test_confirm_assigns_provider_and_stamps_time_when_pending() -> None:
    booking = make_booking()
    booking.confirm(now=NOW, provider_id=PROVIDER)
    assert booking.status is BookingStatus.CONFIRMED
    assert booking.provider_id == PROVIDER
    assert booking.confirmed_at == NOW


def test_start_stamps_started_at_when_confirmed() -> None:
    booking = booking_in(BookingStatus.CONFIRMED)
    later = NOW + timedelta(hours=1)
    booking.start(now=later)
    assert booking.status is BookingStatus.IN_PROGRESS
    assert booking.started_at == later


def test_complete_stamps_completed_at_when_in_progress() -> None:
    booking = booking_in(BookingStatus.IN_PROGRESS)
    later = NOW + timedelta(hours=3)
    booking.complete(now=later)
    assert booking.status is BookingStatus.COMPLETED
    assert booking.completed_at == later
    assert booking.cancelled_at is None
    assert booking.refund_amount is None


def test_no_show_refunds_the_full_total_and_blames_provider_when_confirmed() -> None:
    booking = booking_in(BookingStatus.CONFIRMED)
    booking.mark_no_show(now=NOW + timedelta(hours=2))
    assert booking.status is BookingStatus.NO_SHOW
    assert booking.cancelled_at == NOW + timedelta(hours=2)
    assert booking.cancelled_by is CancelledBy.PROVIDER
    assert booking.refund_amount == booking.total
    assert booking.refund_rule == "provider_no_show_full_refund"


@pytest.mark.parametrize("status", [BookingStatus.PENDING, BookingStatus.CONFIRMED])
def test_cancel_records_who_why_and_refund_when_work_has_not_started(status: BookingStatus) -> None:
    booking = booking_in(status)
    booking.cancel(
        now=NOW, by=CancelledBy.OPS, reason="customer called", refund=Money.of("1062.00"), rule="half_refund"
    )
    assert booking.status is BookingStatus.CANCELLED
    assert booking.cancelled_at == NOW
    assert booking.cancelled_by is CancelledBy.OPS
    assert booking.cancellation_reason == "customer called"
    assert booking.refund_amount == Money.of("1062.00")
    assert booking.refund_rule == "half_refund"


@pytest.mark.parametrize("refund", ["0.00", "2124.00"])
def test_cancel_accepts_refund_when_it_is_exactly_zero_or_the_total(refund: str) -> None:
    booking = make_booking()
    cancel(booking, Money.of(refund))
    assert booking.refund_amount == Money.of(refund)


@pytest.mark.parametrize("refund", ["-0.01", "2124.01", "99999.00"])
def test_cancel_refused_and_booking_unchanged_when_refund_is_outside_zero_to_total(refund: str) -> None:
    booking = make_booking()
    before = snapshot(booking)
    with pytest.raises(InvalidValue) as caught:
        cancel(booking, Money.of(refund))
    assert caught.value.field == "refund"
    assert snapshot(booking) == before


def test_rate_records_stars_comment_and_time_when_completed() -> None:
    booking = booking_in(BookingStatus.COMPLETED)
    booking.rate(now=NOW + timedelta(days=1), stars=4, comment="Neat work")
    assert booking.rating == 4
    assert booking.rating_comment == "Neat work"
    assert booking.rated_at == NOW + timedelta(days=1)


@pytest.mark.parametrize("status", sorted(set(BookingStatus) - {BookingStatus.COMPLETED}))
def test_rate_refused_with_current_status_when_booking_is_not_completed(status: BookingStatus) -> None:
    booking = booking_in(status)
    with pytest.raises(NotCompleted) as caught:
        booking.rate(now=NOW, stars=5)
    assert caught.value.status == status.value
    assert booking.rating is None
    assert booking.rated_at is None


def test_rate_refused_and_first_rating_kept_when_already_rated() -> None:
    booking = booking_in(BookingStatus.COMPLETED)
    booking.rate(now=NOW, stars=2, comment="Late")
    with pytest.raises(AlreadyRated):
        booking.rate(now=NOW + timedelta(hours=1), stars=5, comment="Changed my mind")
    assert (booking.rating, booking.rating_comment, booking.rated_at) == (2, "Late", NOW)


@pytest.mark.parametrize("stars", [0, 6, -1])
def test_rate_refused_when_stars_are_outside_one_to_five(stars: int) -> None:
    booking = booking_in(BookingStatus.COMPLETED)
    with pytest.raises(InvalidValue) as caught:
        booking.rate(now=NOW, stars=stars)
    assert caught.value.field == "stars"
    assert booking.rating is None


@pytest.mark.parametrize(("status", "command"), REFUSED)
def test_command_refused_with_current_requested_and_allowed_when_not_in_table(
    status: BookingStatus, command: str
) -> None:
    booking = booking_in(status)
    target, apply = COMMANDS[command]
    before = snapshot(booking)
    with pytest.raises(TransitionNotAllowed) as caught:
        apply(booking)
    error = caught.value
    assert error.entity == "booking"
    assert error.current == status.value
    assert error.requested == target.value
    assert error.allowed == sorted(s.value for s in TRANSITIONS[status])
    assert snapshot(booking) == before


@pytest.mark.parametrize("status", sorted(FINAL))
def test_refusal_says_final_status_when_booking_is_completed_cancelled_or_no_show(
    status: BookingStatus,
) -> None:
    booking = booking_in(status)
    with pytest.raises(TransitionNotAllowed) as caught:
        booking.confirm(now=NOW, provider_id=PROVIDER)
    assert caught.value.allowed == []
    assert "none (final status)" in str(caught.value)


class BookingMachine(RuleBasedStateMachine):
    """Random commands on one booking (create, confirm, start, complete, cancel, no-show, reschedule, rate);
    refused commands must leave it exactly as it was. The machine keeps its own account of the money the
    customer handed over (`handed_over`), so "paid = refunded + retained" is checked against an independent
    model, not against the booking's own arithmetic."""

    booking: Booking

    @initialize(
        unit_paise=st.integers(min_value=1, max_value=5_000_000),
        quantity=st.integers(min_value=1, max_value=5),
        discount_share=st.integers(min_value=0, max_value=100),
        tax_paise=st.integers(min_value=0, max_value=1_000_000),
        method=st.sampled_from(PaymentMethod),
    )
    def create(
        self, unit_paise: int, quantity: int, discount_share: int, tax_paise: int, method: PaymentMethod
    ) -> None:
        subtotal_paise = unit_paise * quantity
        discount = rupees(subtotal_paise * discount_share // 100)
        self.booking = make_booking(rupees(unit_paise), quantity, discount, rupees(tax_paise))
        self.booking.payment_method = method
        prepaid = method is not PaymentMethod.CASH
        self.handed_over = self.booking.total if prepaid else Money.zero()
        self.clock = NOW
        self.final: BookingStatus | None = None
        self.first_rating: tuple[int | None, str | None, datetime | None] | None = None

    def _tick(self) -> datetime:
        self.clock += timedelta(minutes=17)
        return self.clock

    def _apply(self, target: BookingStatus | None, command: Callable[[], None]) -> None:
        before = snapshot(self.booking)
        try:
            command()
        except DomainError as refused:
            assert snapshot(self.booking) == before
            if isinstance(refused, TransitionNotAllowed):
                assert target not in TRANSITIONS[before["status"]]
            return
        if target is not None:
            assert target in TRANSITIONS[before["status"]]
            assert self.booking.status is target

    @rule()
    def confirm(self) -> None:
        now = self._tick()
        self._apply(BookingStatus.CONFIRMED, lambda: self.booking.confirm(now=now, provider_id=PROVIDER))
        if self.booking.status is BookingStatus.CONFIRMED:
            assert self.booking.confirmed_at is not None
            assert self.booking.provider_id == PROVIDER

    @rule()
    def start(self) -> None:
        now = self._tick()
        self._apply(BookingStatus.IN_PROGRESS, lambda: self.booking.start(now=now))

    @rule()
    def complete(self) -> None:
        now = self._tick()
        before = self.booking.status
        self._apply(BookingStatus.COMPLETED, lambda: self.booking.complete(now=now))
        done = self.booking.status is BookingStatus.COMPLETED and before is not BookingStatus.COMPLETED
        if done and self.booking.payment_method is PaymentMethod.CASH:
            self.handed_over = self.booking.total  # cash is collected at the end of the visit

    @rule(hours_ahead=st.integers(min_value=0, max_value=96))
    def reschedule(self, hours_ahead: int) -> None:
        now = self._tick()
        booking = self.booking
        before_status, before_count, old_slot = booking.status, booking.reschedule_count, booking.slot
        new_slot = TimeSlot.starting(now + timedelta(hours=hours_ahead), 120)
        allowed = (
            before_status in (BookingStatus.PENDING, BookingStatus.CONFIRMED)
            and before_count < MAX_RESCHEDULES
            and old_slot.start - now >= RESCHEDULE_CUTOFF
        )
        self._apply(
            None,
            lambda: booking.reschedule(
                now=now, slot=new_slot, provider_id=PROVIDER, limit=MAX_RESCHEDULES, cutoff=RESCHEDULE_CUTOFF
            ),
        )
        assert (booking.reschedule_count == before_count + 1) == allowed
        if allowed:
            assert (booking.slot, booking.status, booking.provider_id) == (new_slot, before_status, PROVIDER)

    @rule()
    def no_show(self) -> None:
        now = self._tick()
        self._apply(BookingStatus.NO_SHOW, lambda: self.booking.mark_no_show(now=now))

    @rule(data=st.data(), by=st.sampled_from(CancelledBy))
    def cancel(self, data: st.DataObject, by: CancelledBy) -> None:
        total = self.booking.total.paise
        refund_paise = data.draw(
            st.one_of(
                st.sampled_from([0, total, -1, total + 1]),
                st.integers(min_value=-total - 100, max_value=total + 100),
            ),
            label="refund_paise",
        )
        now = self._tick()
        valid_refund = 0 <= refund_paise <= self.handed_over.paise
        before = self.booking.status
        self._apply(
            BookingStatus.CANCELLED,
            lambda: self.booking.cancel(
                now=now, by=by, reason="random", refund=rupees(refund_paise), rule="random"
            ),
        )
        accepted = BookingStatus.CANCELLED in TRANSITIONS[before] and valid_refund
        assert (self.booking.status is BookingStatus.CANCELLED and before is not BookingStatus.CANCELLED) == (
            accepted
        )

    @rule(stars=st.integers(min_value=-1, max_value=7), comment=st.sampled_from(["", "good", "late"]))
    def rate(self, stars: int, comment: str) -> None:
        now = self._tick()
        could_rate = (
            self.booking.status is BookingStatus.COMPLETED and self.booking.rating is None and 1 <= stars <= 5
        )
        self._apply(None, lambda: self.booking.rate(now=now, stars=stars, comment=comment))
        assert (self.booking.rated_at == now) == could_rate

    @rule(stars=st.integers(min_value=1, max_value=5))
    def advance(self, stars: int) -> None:
        """The next step of the happy path, so that long lifecycles (and ratings) are explored too."""
        forward = {
            BookingStatus.PENDING: self.confirm,
            BookingStatus.CONFIRMED: self.start,
            BookingStatus.IN_PROGRESS: self.complete,
        }
        step = forward.get(self.booking.status)
        if step is not None:
            step()
        else:
            self.rate(stars, "advance")

    @invariant()
    def final_status_never_changes(self) -> None:
        if self.final is not None:
            assert self.booking.status is self.final
        elif self.booking.status in FINAL:
            self.final = self.booking.status

    @invariant()
    def cancelled_and_no_show_carry_time_and_refund_within_total(self) -> None:
        booking = self.booking
        if booking.status in (BookingStatus.CANCELLED, BookingStatus.NO_SHOW):
            assert booking.cancelled_at is not None
            assert booking.cancelled_by is not None
            assert booking.refund_amount is not None
            assert Money.zero() <= booking.refund_amount <= booking.total
        else:
            assert booking.cancelled_at is None
            assert booking.refund_amount is None

    @invariant()
    def completed_carries_every_stamp(self) -> None:
        booking = self.booking
        if booking.status is BookingStatus.COMPLETED:
            assert booking.completed_at is not None
            assert booking.started_at is not None
            assert booking.confirmed_at is not None
            assert booking.confirmed_at <= booking.started_at <= booking.completed_at

    @invariant()
    def rating_exists_only_when_completed_and_never_changes(self) -> None:
        booking = self.booking
        if booking.rating is None:
            assert self.first_rating is None
            return
        assert booking.status is BookingStatus.COMPLETED
        assert 1 <= booking.rating <= 5
        given = (booking.rating, booking.rating_comment, booking.rated_at)
        if self.first_rating is None:
            self.first_rating = given
        assert given == self.first_rating

    @invariant()
    def money_is_conserved_paid_equals_refunded_plus_retained(self) -> None:
        booking = self.booking
        assert booking.paid == self.handed_over
        assert self.handed_over == booking.refunded + booking.retained
        assert Money.zero() <= booking.refunded <= self.handed_over
        assert not booking.retained.is_negative

    @invariant()
    def reschedules_stay_within_the_limit(self) -> None:
        assert 0 <= self.booking.reschedule_count <= MAX_RESCHEDULES

    @invariant()
    def totals_still_add_up(self) -> None:
        booking = self.booking
        assert booking.total == booking.subtotal - booking.discount + booking.tax
        assert not booking.total.is_negative


BookingMachine.TestCase.settings = settings(max_examples=150, stateful_step_count=25, deadline=None)
TestBookingLifecycle = BookingMachine.TestCase
