import contextlib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.shared.errors import InvalidValue
from domain.shared.phone import InvalidPhoneNumber, PhoneNumber

NORMALISED = re.compile(r"\+91[6-9][0-9]{9}")
mobiles = st.from_regex(re.compile(r"[6-9][0-9]{9}"), fullmatch=True)
not_mobiles = st.from_regex(re.compile(r"[0-5][0-9]{9}"), fullmatch=True)
prefixes = st.sampled_from(["", "+91", "(+91)", "91", "0"])
separators = st.sampled_from(["", " ", "-"])
blanks = st.sampled_from(["", " ", "  ", "\t", "\n"])


@st.composite
def written(draw: st.DrawFn, national: str) -> str:
    """The national number as a person might type it: any accepted prefix, grouping and padding."""
    prefix = draw(prefixes)
    body = national[0] + "".join(draw(separators) + digit for digit in national[1:])
    joint = draw(separators) if prefix else ""
    return f"{draw(blanks)}{prefix}{joint}{body}{draw(blanks)}"


@given(mobiles, st.data())
def test_parse_normalises_to_plus_91_when_a_mobile_is_written_in_any_accepted_format(
    national: str, data: st.DataObject
) -> None:
    raw = data.draw(written(national))

    phone = PhoneNumber.parse(raw)

    assert phone.value == f"+91{national}"
    assert phone.national == national


@given(mobiles, st.data())
def test_parse_gives_equal_numbers_when_two_formats_write_the_same_mobile(
    national: str, data: st.DataObject
) -> None:
    assert PhoneNumber.parse(data.draw(written(national))) == PhoneNumber.parse(data.draw(written(national)))


@given(mobiles)
def test_parse_of_str_round_trips_when_number_is_valid(national: str) -> None:
    phone = PhoneNumber(f"+91{national}")

    assert PhoneNumber.parse(str(phone)) == phone
    assert PhoneNumber(str(phone)) == phone


@given(not_mobiles, st.data())
def test_parse_refuses_with_the_raw_text_when_the_national_number_starts_0_to_5(
    national: str, data: st.DataObject
) -> None:
    raw = data.draw(written(national))
    with pytest.raises(InvalidPhoneNumber) as caught:
        PhoneNumber.parse(raw)

    assert caught.value.value == raw


@given(st.one_of(st.text(), st.text(alphabet="0123456789+-() ", max_size=20), mobiles.flatmap(written)))
def test_parse_keeps_the_last_ten_digits_when_it_accepts_any_text(raw: str) -> None:
    with contextlib.suppress(InvalidPhoneNumber):
        assert PhoneNumber.parse(raw).national == re.sub(r"[^0-9]", "", raw)[-10:]


@given(st.text().filter(lambda s: NORMALISED.fullmatch(s) is None))
def test_constructor_refuses_with_its_value_when_text_is_not_normalised(value: str) -> None:
    with pytest.raises(InvalidPhoneNumber) as caught:
        PhoneNumber(value)

    assert caught.value.value == value
    assert caught.value.field == "phone"


@pytest.mark.parametrize(
    "raw",
    ["9876543210", "+91 98765 43210", "+91-98765-43210", "09876543210", "919876543210", "(+91) 98765-43210"],
)
def test_parse_accepts_the_number_when_written_as_customers_do(raw: str) -> None:
    assert PhoneNumber.parse(raw).value == "+919876543210"


@pytest.mark.parametrize(
    "raw",
    [
        "011 2345 6789",
        "022-2345-6789",
        "+91 22 2345 6789",
        "987654321",
        "+91 987654321",
        "98765432101",
        "+91 98765432101",
        "987654321012",
        "+9109876543210",
        "0091 98765 43210",
        "+1 987 654 3210",
        "+44 98765 43210",
        "98765abcde",
        "9876S43210",
        "९८७६५४३२१०",
        "\uff19\uff18\uff17\uff16\uff15\uff14\uff13\uff12\uff11\uff10",
        "98765--43210",
        "-9876543210",
        "9876543210-",
        "98765.43210",
        "+91 (98765) 43210",
        "(91) 98765 43210",
        "+91",
        "",
        "   ",
    ],
)
def test_parse_refuses_with_the_raw_text_when_not_an_indian_mobile(raw: str) -> None:
    with pytest.raises(InvalidPhoneNumber) as caught:
        PhoneNumber.parse(raw)

    assert isinstance(caught.value, InvalidValue)
    assert caught.value.code == "invalid_phone_number"
    assert caught.value.value == raw
    assert f"'{raw}' is not a valid Indian mobile number" in caught.value.message


@pytest.mark.parametrize(
    "value", ["9876543210", "+91 98765 43210", "919876543210", "+915876543210", " +919876543210"]
)
def test_constructor_refuses_when_value_is_not_in_normalised_form(value: str) -> None:
    with pytest.raises(InvalidPhoneNumber):
        PhoneNumber(value)


def test_constructor_refuses_when_value_is_an_int() -> None:
    with pytest.raises(InvalidPhoneNumber) as caught:
        PhoneNumber(919876543210)  # type: ignore[arg-type]
    assert caught.value.value == "919876543210"


def test_masked_shows_only_the_last_four_digits_when_shown_to_staff_without_pii_access() -> None:
    phone = PhoneNumber.parse("+91 98765 43210")

    assert phone.masked == "******3210"
    assert phone.national == "9876543210"
    assert str(phone) == "+919876543210"


@given(mobiles)
def test_masked_hides_all_but_the_last_four_digits_when_number_is_valid(national: str) -> None:
    masked = PhoneNumber(f"+91{national}").masked

    assert masked == "*" * 6 + national[-4:]
