"""The pricing policy: exact money, stated rounding, and the refusals a quote needs."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.catalog.entities import RateCard, RateCardId, SubcategoryId
from domain.pricing.policy import MAX_LINES, MAX_QUANTITY, PricingPolicy
from domain.shared.errors import InvalidValue
from domain.shared.money import Money

paise = st.integers(min_value=0, max_value=5_000_000)  # up to Rs 50,000 a unit


def card(n: int, price_paise: int, strike_paise: int | None = None) -> RateCard:
    return RateCard(
        id=RateCardId(n),
        subcategory_id=SubcategoryId(1),
        code=f"RC-{n}",
        name=f"Card {n}",
        description="",
        price=Money(Decimal(price_paise) / 100),
        strike_price=Money(Decimal(strike_paise) / 100) if strike_paise is not None else None,
    )


@st.composite
def baskets(draw: st.DrawFn) -> list[tuple[RateCard, int]]:
    count = draw(st.integers(min_value=1, max_value=MAX_LINES))
    lines = []
    for n in range(count):
        price = draw(paise)
        strike = draw(st.one_of(st.none(), st.integers(min_value=price + 1, max_value=price + 1_000_000)))
        lines.append((card(n + 1, price, strike), draw(st.integers(min_value=1, max_value=MAX_QUANTITY))))
    return lines


rates = st.decimals(min_value=0, max_value=Decimal("0.99"), places=4)


@given(baskets(), rates)
def test_total_is_subtotal_plus_gst_rounded_half_up_when_any_basket_is_quoted(
    basket: list[tuple[RateCard, int]], rate: Decimal
) -> None:
    quote = PricingPolicy(gst_rate=rate).quote(basket)
    exact_subtotal = sum(c.price.amount * q for c, q in basket)
    assert quote.subtotal.amount == exact_subtotal
    assert quote.gst.amount == (exact_subtotal * rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert quote.total == quote.subtotal + quote.gst
    assert abs(quote.gst.amount - exact_subtotal * rate) <= Decimal("0.005")


@given(baskets())
def test_savings_are_never_negative_and_add_up_when_strike_prices_exist(
    basket: list[tuple[RateCard, int]],
) -> None:
    quote = PricingPolicy().quote(basket)
    assert all(line.savings.amount >= 0 for line in quote.lines)
    assert quote.savings == sum((line.savings for line in quote.lines), Money.zero())
    for (c, q), line in zip(basket, quote.lines, strict=True):
        expected = (c.strike_price.amount - c.price.amount) * q if c.strike_price else Decimal(0)
        assert line.savings.amount == expected


@given(baskets())
def test_every_amount_has_exactly_two_decimals_when_quoted(basket: list[tuple[RateCard, int]]) -> None:
    quote = PricingPolicy().quote(basket)
    amounts = [
        quote.subtotal,
        quote.gst,
        quote.total,
        quote.savings,
        *(line.line_total for line in quote.lines),
    ]
    assert all(m.amount.as_tuple().exponent == -2 for m in amounts)


def test_gst_of_a_known_basket_matches_a_hand_worked_invoice_when_quoted() -> None:
    quote = PricingPolicy().quote([(card(1, 59900, 74900), 2), (card(2, 49900), 1)])
    assert (quote.subtotal, quote.gst, quote.total, quote.savings) == (
        Money.of("1697.00"),
        Money.of("305.46"),
        Money.of("2002.46"),
        Money.of("300.00"),
    )


@pytest.mark.parametrize("quantity", [0, -1, MAX_QUANTITY + 1])
def test_quantity_outside_the_allowed_range_is_refused_when_quoted(quantity: int) -> None:
    with pytest.raises(InvalidValue) as caught:
        PricingPolicy().quote([(card(1, 1000), quantity)])
    assert caught.value.field == "quantity"


def test_empty_repeated_or_oversized_baskets_are_refused_when_quoted() -> None:
    with pytest.raises(InvalidValue):
        PricingPolicy().quote([])
    with pytest.raises(InvalidValue):
        PricingPolicy().quote([(card(1, 1000), 1), (card(1, 1000), 2)])
    with pytest.raises(InvalidValue):
        PricingPolicy().quote([(card(n, 1000), 1) for n in range(1, MAX_LINES + 2)])


@pytest.mark.parametrize("rate", [Decimal("-0.01"), Decimal(1), Decimal("1.5")])
def test_gst_rate_outside_zero_to_one_is_refused_when_configured(rate: Decimal) -> None:
    with pytest.raises(InvalidValue):
        PricingPolicy(gst_rate=rate)
