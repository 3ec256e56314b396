import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.shared.errors import InvalidValue
from domain.shared.pincode import InvalidPincode, Pincode

VALID = re.compile(r"[1-9][0-9]{5}")
valid_pincodes = st.from_regex(VALID, fullmatch=True)


@given(valid_pincodes)
def test_pincode_is_accepted_when_six_ascii_digits_start_with_1_to_9(value: str) -> None:
    pincode = Pincode(value)

    assert str(pincode) == value
    assert pincode.region == int(value[0])


@given(st.text().filter(lambda s: VALID.fullmatch(s) is None))
def test_pincode_is_refused_with_its_value_when_text_is_not_six_digits_from_1_to_9(value: str) -> None:
    with pytest.raises(InvalidPincode) as caught:
        Pincode(value)

    assert caught.value.value == value
    assert caught.value.field == "pincode"


@pytest.mark.parametrize(
    "value",
    [
        "056003",
        "000000",
        "56003",
        "5600341",
        "56003a",
        "ABCDEF",
        "५६००३४",
        "\uff15\uff16\uff10\uff10\uff13\uff14",
        "560 034",
        "",
        "+56003",
    ],
)
def test_pincode_is_refused_when_value_is_malformed(value: str) -> None:
    with pytest.raises(InvalidPincode) as caught:
        Pincode(value)

    assert isinstance(caught.value, InvalidValue)
    assert caught.value.code == "invalid_pincode"
    assert caught.value.value == value
    assert f"'{value}' is not a valid pincode" in caught.value.message


def test_pincode_is_refused_when_value_is_an_int() -> None:
    with pytest.raises(InvalidPincode) as caught:
        Pincode(560034)  # type: ignore[arg-type]
    assert caught.value.value == "560034"


@pytest.mark.parametrize("raw", [" 560034 ", "560034", "560 034", "\t560034\n", "  560 034  "])
def test_parse_accepts_user_text_when_spaces_surround_or_split_the_digits(raw: str) -> None:
    assert Pincode.parse(raw) == Pincode("560034")


@given(valid_pincodes)
def test_parse_accepts_one_inner_space_when_it_splits_three_and_three_digits(value: str) -> None:
    assert Pincode.parse(f"{value[:3]} {value[3:]}") == Pincode(value)


@pytest.mark.parametrize(
    "raw", ["56 0034", "560  034", "5 6 0 0 3 4", "560-034", "560\t034", "056 003", "   "]
)
def test_parse_refuses_text_when_spacing_or_digits_are_wrong(raw: str) -> None:
    with pytest.raises(InvalidPincode):
        Pincode.parse(raw)


@pytest.mark.parametrize(("value", "region"), [("110001", 1), ("400050", 4), ("560034", 5), ("900001", 9)])
def test_region_is_the_first_digit_when_pincode_is_valid(value: str, region: int) -> None:
    assert Pincode(value).region == region
