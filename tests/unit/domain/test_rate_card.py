from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.catalog.entities import RateCard, RateCardId, SubcategoryId
from domain.catalog.errors import InvalidRateCard
from domain.shared.errors import DomainError
from domain.shared.money import Money


def card(price: Money, strike_price: Money | None = None) -> RateCard:
    return RateCard(
        id=RateCardId(1),
        subcategory_id=SubcategoryId(10),
        code="CLN-2BHK",
        name="2 BHK",
        description="",
        price=price,
        strike_price=strike_price,
    )


def rupees(paise: int, currency: str = "INR") -> Money:
    return Money(Decimal(paise).scaleb(-2), currency)


def test_savings_is_strike_minus_price_when_strike_price_is_shown() -> None:
    assert card(Money.of("4499.00"), Money.of("5299.00")).savings == Money.of("800.00")


def test_savings_is_zero_in_price_currency_when_there_is_no_strike_price() -> None:
    assert card(Money.of("3499.00")).savings == Money.zero()
    assert card(Money.of("10.00", "USD")).savings == Money.zero("USD")


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=10**9))
def test_price_plus_savings_is_strike_price_when_strike_exceeds_price(price: int, discount: int) -> None:
    rate_card = card(rupees(price), rupees(price + discount))

    assert rate_card.savings == rupees(discount)
    assert rate_card.price + rate_card.savings == rate_card.strike_price


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=10**9))
def test_rate_card_is_refused_when_strike_price_does_not_exceed_price(price: int, lower_by: int) -> None:
    with pytest.raises(InvalidRateCard) as caught:
        card(rupees(price), rupees(price - lower_by))

    assert caught.value.rate_card_code == "CLN-2BHK"
    assert "higher than the price" in caught.value.reason


def test_rate_card_is_refused_when_strike_price_equals_price() -> None:
    with pytest.raises(InvalidRateCard, match="higher than the price"):
        card(Money.of("999.00"), Money.of("999.00"))


def test_rate_card_is_refused_when_strike_price_is_in_another_currency() -> None:
    with pytest.raises(InvalidRateCard) as caught:
        card(Money.of("100.00"), Money.of("200.00", "USD"))

    assert "currency" in caught.value.reason
    assert isinstance(caught.value, DomainError)


def test_rate_card_is_refused_when_price_is_negative() -> None:
    with pytest.raises(InvalidRateCard, match="negative"):
        card(Money.of("-1.00"))


def test_rate_card_is_accepted_when_price_is_zero() -> None:
    assert card(Money.zero()).price == Money.zero()
