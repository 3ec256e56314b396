import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.shared.errors import InvalidValue
from domain.shared.money import CurrencyMismatch, InvalidMoney, Money

paise = st.integers(min_value=-(10**11), max_value=10**11)  # sums stay under MAX_AMOUNT (10^10 rupees)
small_paise = st.integers(min_value=-(10**8), max_value=10**8)  # x 1000 stays in range
factors = st.integers(min_value=-1000, max_value=1000) | st.decimals(
    min_value=-1000, max_value=1000, places=4, allow_nan=False, allow_infinity=False
)


def rupees(p: int, currency: str = "INR") -> Money:
    return Money(Decimal(p).scaleb(-2), currency)


def half_up_paise(exact_rupees: Fraction) -> int:
    """Oracle independent of decimal: round to the paisa, halves away from zero."""
    in_paise = exact_rupees * 100
    rounded = math.floor(abs(in_paise) + Fraction(1, 2))
    return rounded if in_paise >= 0 else -rounded


@given(paise, paise)
def test_addition_is_commutative_when_currencies_match(a: int, b: int) -> None:
    assert rupees(a) + rupees(b) == rupees(b) + rupees(a) == rupees(a + b)


@given(paise, paise, paise)
def test_addition_is_associative_when_currencies_match(a: int, b: int, c: int) -> None:
    assert (rupees(a) + rupees(b)) + rupees(c) == rupees(a) + (rupees(b) + rupees(c))


@given(paise, paise)
def test_subtraction_undoes_addition_when_currencies_match(a: int, b: int) -> None:
    assert (rupees(a) + rupees(b)) - rupees(b) == rupees(a)


@given(paise)
def test_paise_round_trip_when_built_from_paise(p: int) -> None:
    assert rupees(p).paise == p


@given(small_paise, factors)
def test_times_rounds_half_up_to_the_paisa_when_multiplied_by_any_factor(
    p: int, factor: int | Decimal
) -> None:
    result = rupees(p).times(factor)

    assert result.paise == half_up_paise(Fraction(p, 100) * Fraction(factor))
    assert result.currency == "INR"


@given(small_paise, factors)
def test_amount_never_has_more_than_two_decimals_when_multiplied(p: int, factor: int | Decimal) -> None:
    assert rupees(p).times(factor).amount.as_tuple().exponent == -2


@given(st.floats())
def test_construction_refuses_float_when_given_any_float(amount: float) -> None:
    with pytest.raises(InvalidMoney):
        Money(amount)  # type: ignore[arg-type]
    with pytest.raises(InvalidMoney):
        Money.of(amount)  # type: ignore[arg-type]


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_times_refuses_float_when_factor_is_float(factor: float) -> None:
    with pytest.raises(InvalidMoney):
        Money.of("100.00").times(factor)  # type: ignore[arg-type]


@given(paise, st.integers(min_value=1, max_value=9))
def test_construction_refuses_amount_when_it_has_three_decimals(p: int, third: int) -> None:
    amount = Decimal(p * 10 + third).scaleb(-3)
    with pytest.raises(InvalidMoney, match="more than two decimals"):
        Money(amount)
    with pytest.raises(InvalidMoney):
        Money.of(str(amount))


@given(paise, paise)
def test_arithmetic_refuses_to_mix_currencies_when_currencies_differ(a: int, b: int) -> None:
    inr, usd = rupees(a), rupees(b, "USD")
    for combine in (lambda: inr + usd, lambda: inr - usd, lambda: inr < usd, lambda: inr <= usd):
        with pytest.raises(CurrencyMismatch) as caught:
            combine()
        assert caught.value.field == "currency"
        assert "INR" in caught.value.message
        assert "USD" in caught.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3499", "INR 3499.00"), ("3499.5", "INR 3499.50"), ("0.01", "INR 0.01"), ("-20.00", "INR -20.00")],
)
def test_of_parses_amount_to_the_paisa_when_text_is_valid(text: str, expected: str) -> None:
    assert str(Money.of(text)) == expected


@pytest.mark.parametrize("text", ["abc", "", "12,50", "NaN", "Infinity", "-Infinity", "1.001"])
def test_of_raises_invalid_money_when_text_is_not_an_amount(text: str) -> None:
    with pytest.raises(InvalidMoney) as caught:
        Money.of(text)
    assert isinstance(caught.value, InvalidValue)
    assert caught.value.field == "amount"


@pytest.mark.parametrize("currency", ["inr", "RUPEE", "IN", "", "₹NR"])
def test_construction_refuses_currency_when_code_is_not_iso(currency: str) -> None:
    with pytest.raises(InvalidMoney, match="ISO 4217"):
        Money.of("1.00", currency)


def test_construction_refuses_currency_when_code_has_a_digit() -> None:
    with pytest.raises(InvalidMoney):
        Money.of("1.00", "IN1")


def test_construction_raises_invalid_money_when_amount_exceeds_decimal_precision() -> None:
    with pytest.raises(InvalidMoney):
        Money(Decimal("1e30"))


def test_equal_amounts_compare_equal_when_written_with_different_precision() -> None:
    assert Money.of("1.5") == Money.of("1.50") == Money(Decimal("1.500"))
    assert len({Money.of("1.5"), Money.of("1.50")}) == 1


def test_times_rounds_half_a_paisa_up_when_gst_is_applied() -> None:
    assert Money.of("4499.00").times(Decimal("0.18")) == Money.of("809.82")
    assert Money.of("0.05").times(Decimal("0.5")) == Money.of("0.03")
    assert Money.of("0.05").times(Decimal("0.1")) == Money.of("0.01")
    assert Money.of("0.04").times(Decimal("0.1")) == Money.of("0.00")


def test_ordering_follows_amount_when_currencies_match() -> None:
    assert Money.of("10.00") < Money.of("10.01")
    assert Money.of("10.00") <= Money.of("10.00")
    assert Money.of("10.01") > Money.of("10.00")
    assert not Money.of("10.01") < Money.of("10.00")


def test_zero_is_not_negative_when_created_in_any_currency() -> None:
    zero = Money.zero("USD")
    assert zero.amount == 0
    assert zero.currency == "USD"
    assert not zero.is_negative
    assert Money.of("-0.01").is_negative


def test_construction_refuses_amount_when_it_reaches_the_storable_maximum() -> None:
    with pytest.raises(InvalidMoney, match="out of range"):
        Money(Decimal("10000000000.00"))
    assert Money(Decimal("9999999999.99")).amount == Decimal("9999999999.99")


def test_construction_refuses_amount_when_given_a_bool() -> None:
    with pytest.raises(InvalidMoney):
        Money(True)  # type: ignore[arg-type]
