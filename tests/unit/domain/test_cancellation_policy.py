"""The cancellation policy: how much a cancelled booking refunds, for whom, and under which rule."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from domain.booking.cancellation import DEFAULT_WINDOW, WINDOWS, refund_for, window_for
from domain.booking.entities import CancelledBy, PaymentMethod
from domain.shared.money import Money

SLOT = datetime(2026, 12, 3, 4, 30, tzinfo=UTC)
TOTAL = Money.of("1180.00")
slugs = st.sets(st.sampled_from([*WINDOWS, "plumbing", "electrical"]), max_size=3)
totals = st.integers(min_value=0, max_value=10_000_000).map(lambda p: Money(Decimal(p) / 100))
notices = st.integers(min_value=-48 * 60, max_value=30 * 24 * 60).map(lambda m: timedelta(minutes=m))
methods = st.sampled_from([m for m in PaymentMethod if m is not PaymentMethod.CASH])


def customer_refund(notice: timedelta, slugs: set[str], total: Money = TOTAL) -> Money:
    decision = refund_for(
        total=total,
        payment_method=PaymentMethod.UPI,
        category_slugs=slugs,
        slot_start=SLOT,
        now=SLOT - notice,
        by=CancelledBy.CUSTOMER,
    )
    return decision.refund


def test_a_cleaning_refund_is_full_half_or_none_when_cancelled_at_6_and_3_hours_notice() -> None:
    cleaning = {"cleaning"}
    assert customer_refund(timedelta(hours=6, minutes=1), cleaning) == TOTAL
    assert customer_refund(timedelta(hours=6), cleaning) == Money.of("590.00")
    assert customer_refund(timedelta(hours=3, minutes=1), cleaning) == Money.of("590.00")
    assert customer_refund(timedelta(hours=3), cleaning) == Money.zero()


def test_appliance_repair_and_salon_need_longer_notice_than_cleaning_when_cancelled() -> None:
    for slug in ("appliance-repair", "salon-women", "salon-men"):
        assert customer_refund(timedelta(hours=10), {slug}) == Money.of("590.00")
        assert customer_refund(timedelta(hours=5), {slug}) == Money.zero()
    assert customer_refund(timedelta(hours=10), {"cleaning"}) == TOTAL


def test_the_strictest_window_applies_when_a_booking_spans_categories() -> None:
    assert window_for({"cleaning", "appliance-repair"}) == WINDOWS["appliance-repair"]
    assert window_for({"plumbing"}) == DEFAULT_WINDOW
    assert window_for(set()) == DEFAULT_WINDOW


def test_a_cash_booking_refunds_nothing_under_the_nothing_paid_rule() -> None:
    decision = refund_for(
        total=TOTAL,
        payment_method=PaymentMethod.CASH,
        category_slugs={"cleaning"},
        slot_start=SLOT,
        now=SLOT - timedelta(days=3),
        by=CancelledBy.PROVIDER,
    )
    assert (decision.refund, decision.rule) == (Money.zero(), "nothing_paid")
    assert decision.explanation


@given(total=totals, notice=notices, slugs=slugs)
def test_the_refund_lies_between_zero_and_the_total_when_a_customer_cancels(
    total: Money, notice: timedelta, slugs: set[str]
) -> None:
    refund = customer_refund(notice, slugs, total)
    assert Money.zero() <= refund <= total


@given(total=totals, first=notices, second=notices, slugs=slugs)
def test_more_notice_never_refunds_less_when_a_customer_cancels(
    total: Money, first: timedelta, second: timedelta, slugs: set[str]
) -> None:
    shorter, longer = sorted([first, second])
    assert customer_refund(shorter, slugs, total) <= customer_refund(longer, slugs, total)


@given(
    total=totals,
    notice=notices,
    slugs=slugs,
    method=methods,
    by=st.sampled_from([CancelledBy.PROVIDER, CancelledBy.OPS, CancelledBy.SYSTEM]),
)
def test_the_refund_is_full_when_the_provider_or_ops_cancel(
    total: Money, notice: timedelta, slugs: set[str], method: PaymentMethod, by: CancelledBy
) -> None:
    decision = refund_for(
        total=total, payment_method=method, category_slugs=slugs, slot_start=SLOT, now=SLOT - notice, by=by
    )
    assert decision.refund == total
    assert decision.rule == f"full_refund_{by.value}_cancelled"
