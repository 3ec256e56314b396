import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.booking.reference import BookingReference, InvalidBookingReference
from domain.shared.errors import InvalidValue

CANONICAL = re.compile(r"BK-[0-9]{8}-(?:[0-9]{4}|[1-9][0-9]{4,5})")
sequences = st.integers(min_value=1, max_value=999_999)
blanks = st.sampled_from(["", " ", "  ", "\t", "\n"])


@given(st.dates(), sequences)
def test_build_then_parse_round_trips_when_day_and_sequence_are_valid(day: date, sequence: int) -> None:
    reference = BookingReference.build(day, sequence)

    assert BookingReference.parse(str(reference)) == reference
    assert reference.day == day
    assert reference.sequence == sequence


@given(st.dates(), sequences, blanks, blanks)
def test_parse_normalises_to_upper_case_when_typed_in_lower_case_with_spaces(
    day: date, sequence: int, before: str, after: str
) -> None:
    reference = BookingReference.build(day, sequence)

    assert BookingReference.parse(f"{before}{str(reference).lower()}{after}") == reference


@given(st.dates(), sequences, st.dates(), sequences)
def test_references_are_equal_only_when_day_and_sequence_match(
    day: date, sequence: int, other_day: date, other_sequence: int
) -> None:
    same = (day, sequence) == (other_day, other_sequence)

    assert (
        BookingReference.build(day, sequence) == BookingReference.build(other_day, other_sequence)
    ) == same


@given(st.text().filter(lambda s: CANONICAL.fullmatch(s) is None))
def test_constructor_refuses_with_its_value_when_text_is_not_a_reference(value: str) -> None:
    with pytest.raises(InvalidBookingReference) as caught:
        BookingReference(value)

    assert caught.value.value == value
    assert caught.value.field == "booking_reference"


@pytest.mark.parametrize(
    ("day", "sequence", "expected"),
    [
        (date(2025, 3, 14), 42, "BK-20250314-0042"),
        (date(2025, 3, 14), 1, "BK-20250314-0001"),
        (date(2025, 3, 14), 9999, "BK-20250314-9999"),
        (date(2025, 3, 14), 12345, "BK-20250314-12345"),
        (date(2025, 3, 14), 999_999, "BK-20250314-999999"),
        (date(987, 6, 5), 7, "BK-09870605-0007"),
    ],
)
def test_build_pads_the_sequence_to_four_digits_when_the_day_has_few_bookings(
    day: date, sequence: int, expected: str
) -> None:
    assert str(BookingReference.build(day, sequence)) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "BK-20250230-0001",
        "BK-20251301-0001",
        "BK-20250014-0001",
        "BK-00000101-0001",
        "BK-20250314-0000",
        "BK-20250314-042",
        "BK-20250314-00042",
        "BK-20250314-1234567",
        "BK20250314-0042",
        "BK-2025-03-14-0042",
        "BK-250314-0042",
        "XX-20250314-0042",
        "BK-20250314-00\uff142",
        "BK-\u0968\u0966\u0968\u096b0314-0042",
        "BK-20250314-0042-1",
        "BK - 20250314 - 0042",
        "",
        "   ",
    ],
)
def test_parse_refuses_with_the_offending_text_when_not_a_reference(raw: str) -> None:
    with pytest.raises(InvalidBookingReference) as caught:
        BookingReference.parse(raw)

    assert isinstance(caught.value, InvalidValue)
    assert caught.value.code == "invalid_booking_reference"
    assert caught.value.value == raw
    assert "expected BK-YYYYMMDD-NNNN" in caught.value.message


@pytest.mark.parametrize("value", ["bk-20250314-0042", " BK-20250314-0042", "BK-20250314-0042\n"])
def test_constructor_refuses_when_value_is_not_normalised(value: str) -> None:
    with pytest.raises(InvalidBookingReference):
        BookingReference(value)


@pytest.mark.parametrize("sequence", [0, -1, 1_000_000, True])
def test_build_refuses_when_sequence_is_outside_1_to_999999(sequence: int) -> None:
    with pytest.raises(InvalidBookingReference):
        BookingReference.build(date(2025, 3, 14), sequence)


def test_properties_read_the_day_and_sequence_when_parsed_from_support_chat() -> None:
    reference = BookingReference.parse(" bk-20240229-0042 ")

    assert str(reference) == "BK-20240229-0042"
    assert reference.day == date(2024, 2, 29)
    assert reference.sequence == 42
