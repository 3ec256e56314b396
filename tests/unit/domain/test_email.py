import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.shared.email import Email, InvalidEmail
from domain.shared.errors import InvalidValue

locals_ = st.from_regex(re.compile(r"[a-z0-9_+'-]{1,20}(?:\.[a-z0-9_+-]{1,10}){0,2}"), fullmatch=True)
labels = st.from_regex(re.compile(r"[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?"), fullmatch=True)
tlds = st.from_regex(re.compile(r"[a-z]{2,24}"), fullmatch=True)
blanks = st.sampled_from(["", " ", "  ", "\t", "\n"])


@st.composite
def addresses(draw: st.DrawFn) -> str:
    domain = ".".join([*draw(st.lists(labels, min_size=1, max_size=3)), draw(tlds)])
    return f"{draw(locals_)}@{domain}"


@given(addresses())
def test_parse_of_str_round_trips_when_address_is_valid(address: str) -> None:
    email = Email.parse(address)

    assert str(email) == address
    assert Email.parse(str(email)) == email
    assert Email(str(email)) == email


@given(addresses(), st.data())
def test_parse_gives_equal_addresses_when_case_and_surrounding_spaces_differ(
    address: str, data: st.DataObject
) -> None:
    flips = data.draw(st.lists(st.booleans(), min_size=len(address), max_size=len(address)))
    typed = "".join(c.upper() if flip else c for c, flip in zip(address, flips, strict=True))

    assert Email.parse(f"{data.draw(blanks)}{typed}{data.draw(blanks)}") == Email.parse(address)


@given(addresses())
def test_masked_keeps_the_first_character_and_the_domain_when_address_is_valid(address: str) -> None:
    local, domain = address.split("@")

    assert Email.parse(address).masked == f"{local[0]}***@{domain}"


@given(st.text().filter(lambda s: "@" not in s))
def test_parse_refuses_with_the_raw_text_when_it_has_no_at_sign(raw: str) -> None:
    with pytest.raises(InvalidEmail) as caught:
        Email.parse(raw)

    assert caught.value.value == raw
    assert caught.value.field == "email"


@given(addresses(), st.sampled_from([" ", "\t", "\n", "\x00", "\x7f", "\u00a0"]), st.data())
def test_parse_refuses_with_the_raw_text_when_a_space_or_control_character_is_inside(
    address: str, blank: str, data: st.DataObject
) -> None:
    at = data.draw(st.integers(min_value=1, max_value=len(address) - 1))
    raw = address[:at] + blank + address[at:]
    with pytest.raises(InvalidEmail) as caught:
        Email.parse(raw)

    assert caught.value.value == raw


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ravi.Kumar@Gmail.COM", "ravi.kumar@gmail.com"),
        ("  ravi@gmail.com\n", "ravi@gmail.com"),
        ("ravi+bookings@mail.example.co.in", "ravi+bookings@mail.example.co.in"),
        ("o'neil@my-domain.in", "o'neil@my-domain.in"),
        ("r@x1.io", "r@x1.io"),
    ],
)
def test_parse_lower_cases_the_whole_address_when_typed_in_mixed_case(raw: str, expected: str) -> None:
    assert Email.parse(raw).value == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "exactly one '@'"),
        ("ravi", "exactly one '@'"),
        ("ravi@@gmail.com", "exactly one '@'"),
        ("ravi@gmail@com", "exactly one '@'"),
        ("@gmail.com", "before '@'"),
        ("ravi kumar@gmail.com", "before '@'"),
        (".ravi@gmail.com", "before '@'"),
        ("ravi.@gmail.com", "before '@'"),
        ("ra..vi@gmail.com", "before '@'"),
        ("ra\x00vi@gmail.com", "before '@'"),
        ("ra\tvi@gmail.com", "before '@'"),
        ('"ravi"@gmail.com', "before '@'"),
        ("<ravi>@gmail.com", "before '@'"),
        ("रवि@gmail.com", "before '@'"),
        ("r" * 65 + "@gmail.com", "before '@'"),
        ("ravi@", "domain"),
        ("ravi@gmail", "domain"),
        ("ravi@localhost", "domain"),
        ("ravi@gmail .com", "domain"),
        ("ravi@gmail..com", "domain"),
        ("ravi@.gmail.com", "domain"),
        ("ravi@gmail.com.", "domain"),
        ("ravi@-gmail.com", "domain"),
        ("ravi@gmail-.com", "domain"),
        ("ravi@g_mail.com", "domain"),
        ("ravi@gmail.c", "domain"),
        ("ravi@gmail.c0m", "domain"),
        ("ravi@gmail.co-m", "domain"),
        ("ravi@gmail." + "c" * 25, "domain"),
        ("ravi@" + "a" * 64 + ".com", "domain"),
        ("ravi@जीमेल.com", "domain"),
        ("ravi@gmail.com\x00", "domain"),
        ("ravi@" + "a" * 63 + "." + "b" * 63 + "." + "c" * 63 + "." + "d" * 63 + ".com", "longer than 254"),
    ],
)
def test_parse_refuses_with_the_raw_text_and_the_broken_rule_when_address_is_malformed(
    raw: str, reason: str
) -> None:
    with pytest.raises(InvalidEmail) as caught:
        Email.parse(raw)

    assert isinstance(caught.value, InvalidValue)
    assert caught.value.code == "invalid_email"
    assert caught.value.value == raw
    assert reason in caught.value.reason
    assert f"'{raw}' is not a valid email address" in caught.value.message


def test_parse_accepts_the_address_when_every_part_is_at_its_longest() -> None:
    local = "r" * 64
    domain = ".".join(["a" * 63, "b" * 63, "c" * 36, "x" * 24])
    address = f"{local}@{domain}"
    assert len(address) == 254

    assert Email.parse(address).value == address
    with pytest.raises(InvalidEmail, match="longer than 254"):
        Email.parse(f"{local}@c{domain}")


@pytest.mark.parametrize("value", ["Ravi@gmail.com", "ravi@Gmail.com", " ravi@gmail.com", "ravi@gmail.com\n"])
def test_constructor_refuses_when_value_is_not_normalised(value: str) -> None:
    with pytest.raises(InvalidEmail) as caught:
        Email(value)
    assert caught.value.value == value


def test_constructor_refuses_when_value_is_not_text() -> None:
    with pytest.raises(InvalidEmail):
        Email(42)  # type: ignore[arg-type]


def test_masked_hides_the_local_part_when_shown_to_staff_without_pii_access() -> None:
    assert Email.parse("Ravi.Kumar@gmail.com").masked == "r***@gmail.com"
    assert Email.parse("r@gmail.com").masked == "r***@gmail.com"
