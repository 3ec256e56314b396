from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from domain.customer.entities import ContactRequired, Customer, CustomerId
from domain.provider.entities import InvalidWorkingHours, Provider, ProviderId, WorkingHours
from domain.shared.email import Email
from domain.shared.errors import InvalidValue
from domain.shared.phone import PhoneNumber

DAY = 24 * 60
day_flags = st.lists(st.sampled_from("01"), min_size=7, max_size=7).map("".join).filter(lambda d: "1" in d)


def provider() -> Provider:
    return Provider(
        id=ProviderId(1),
        name="Ravi Kumar",
        phone=PhoneNumber("+919876543210"),
        hours=WorkingHours(9 * 60, 18 * 60),
    )


@given(st.data(), day_flags)
def test_working_hours_accepted_when_start_is_before_end_within_the_day(
    data: st.DataObject, days: str
) -> None:
    start = data.draw(st.integers(min_value=0, max_value=DAY - 1), label="start")
    end = data.draw(st.integers(min_value=start + 1, max_value=DAY), label="end")
    hours = WorkingHours(start, end, days)
    assert (hours.start_minute, hours.end_minute) == (start, end)
    assert [hours.works_on(weekday) for weekday in range(7)] == [flag == "1" for flag in days]


@given(st.integers(min_value=0, max_value=DAY), st.integers(min_value=0, max_value=DAY))
def test_working_hours_refused_when_end_is_not_after_start(a: int, b: int) -> None:
    start, end = max(a, b), min(a, b)
    with pytest.raises(InvalidWorkingHours):
        WorkingHours(start, end)


@pytest.mark.parametrize(("start", "end"), [(-1, 600), (0, DAY + 1), (-60, -30), (DAY, DAY + 60)])
def test_working_hours_refused_when_outside_the_day(start: int, end: int) -> None:
    with pytest.raises(InvalidWorkingHours) as caught:
        WorkingHours(start, end)
    assert caught.value.field == "working_hours"


def test_working_hours_accepted_when_spanning_the_whole_day() -> None:
    assert WorkingHours(0, DAY, "1111111").works_on(6)


def test_working_hours_default_to_monday_to_saturday_when_days_not_given() -> None:
    hours = WorkingHours(540, 1080)
    assert [hours.works_on(d) for d in range(7)] == [True] * 6 + [False]


@pytest.mark.parametrize("days", ["0000000", "111111", "11111111", "1111112", "11111 1", ""])
def test_working_hours_refused_when_days_are_not_seven_flags_with_a_working_day(days: str) -> None:
    with pytest.raises(InvalidWorkingHours):
        WorkingHours(540, 1080, days)


def test_new_provider_has_no_rating_when_never_rated() -> None:
    fresh = provider()
    assert (fresh.rating_average, fresh.rating_count) == (Decimal("0.00"), 0)


@given(st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=60))
@example([1, 1, 1, 1, 1, 2, 1])
def test_rating_average_is_exact_mean_to_two_decimals_when_ratings_accumulate(stars: list[int]) -> None:
    rated = provider()
    for star in stars:
        rated.record_rating(star)
    exact_mean = Decimal(sum(stars)) / Decimal(len(stars))
    assert rated.rating_count == len(stars)
    assert rated.rating_average == rated.rating_average.quantize(Decimal("0.01"))
    assert abs(rated.rating_average - exact_mean) <= Decimal("0.005"), (
        f"shown {rated.rating_average}, true mean {exact_mean:.4f}"
    )


@pytest.mark.parametrize("stars", [0, 6, -1, 10])
def test_rating_refused_and_average_unchanged_when_stars_are_outside_one_to_five(stars: int) -> None:
    rated = provider()
    rated.record_rating(4)
    with pytest.raises(InvalidValue) as caught:
        rated.record_rating(stars)
    assert caught.value.field == "stars"
    assert (rated.rating_average, rated.rating_count) == (Decimal("4.00"), 1)


def customer(
    email: Email | None = None, phone: PhoneNumber | None = None, deleted_at: datetime | None = None
) -> Customer:
    return Customer(
        id=CustomerId(1),
        name="Anita Rao",
        email=email,
        phone=phone,
        password_hash="$argon2id$placeholder",
        deleted_at=deleted_at,
    )


def test_customer_refused_when_neither_email_nor_phone_is_given() -> None:
    with pytest.raises(ContactRequired):
        customer()


@pytest.mark.parametrize(
    ("email", "phone"),
    [
        (Email("anita@example.in"), None),
        (None, PhoneNumber("+919812345678")),
        (Email("anita@example.in"), PhoneNumber("+919812345678")),
    ],
)
def test_customer_accepted_when_reachable_by_email_or_phone(
    email: Email | None, phone: PhoneNumber | None
) -> None:
    created = customer(email, phone)
    assert not created.is_deleted
    assert (created.email, created.phone) == (email, phone)


def test_deleted_customer_kept_without_contact_when_account_was_scrubbed() -> None:
    scrubbed = customer(deleted_at=datetime(2026, 1, 5, tzinfo=UTC))
    assert scrubbed.is_deleted
    assert (scrubbed.email, scrubbed.phone) == (None, None)
