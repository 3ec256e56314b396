"""Offline entity extraction over the demo catalog: the labelled cases, Hinglish times and edge cases."""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.nlp.labelled_files import ShippedLabelledData
from adapters.nlp.offline_entities import OfflineEntityExtractor
from adapters.nlp.when import IST
from application.nlp.labelled import EntityCase
from application.nlp.queries.evaluate_entities import compare
from domain.shared.pincode import Pincode
from tests.nlp_fakes import demo_resolver

WEDNESDAY_10AM = datetime(2026, 11, 25, 10, 0, tzinfo=IST)
CASES = ShippedLabelledData().entity_cases()


@pytest.fixture(scope="module")
def extractor() -> OfflineEntityExtractor:
    return OfflineEntityExtractor(demo_resolver())


def test_the_labelled_entity_set_has_at_least_60_cases_covering_every_field() -> None:
    assert len(CASES) >= 60
    expected = [c.expected for c in CASES]
    assert sum(e.start is not None for e in expected) >= 25
    assert sum(e.pincode is not None for e in expected) >= 4
    assert sum(e.booking_reference is not None for e in expected) >= 4
    assert sum(e.quantity is not None for e in expected) >= 6
    assert sum(e.budget is not None for e in expected) >= 8
    assert sum(e.service_name not in (None, "-") for e in expected) >= 10


@pytest.mark.parametrize("case", CASES, ids=[c.text[:40] for c in CASES])
async def test_every_labelled_case_comes_out_as_written_when_extracted_at_its_now(
    extractor: OfflineEntityExtractor, case: EntityCase
) -> None:
    assert compare(case, await extractor.extract(case.text, now=case.now)) == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("kal subah plumber chahiye", "2026-11-26T08:00", "2026-11-26T12:00"),
        ("parso shaam 5 baje", "2026-11-27T17:00", "2026-11-27T18:00"),
        ("this weekend", "2026-11-28T00:00", "2026-11-30T00:00"),
        ("next Monday morning", "2026-11-30T08:00", "2026-11-30T12:00"),
        ("agle hafte", "2026-11-30T00:00", "2026-12-07T00:00"),
        ("aaj dopahar 2 baje", "2026-11-25T14:00", "2026-11-25T15:00"),
    ],
)
async def test_hinglish_and_relative_times_become_ist_windows_when_now_is_wednesday_morning(
    extractor: OfflineEntityExtractor, text: str, start: str, end: str
) -> None:
    when = (await extractor.extract(text, now=WEDNESDAY_10AM)).when

    assert when is not None
    assert (when.start, when.end) == (
        datetime.fromisoformat(start).replace(tzinfo=IST),
        datetime.fromisoformat(end).replace(tzinfo=IST),
    )
    assert when.start.isoformat().endswith("+05:30")


async def test_now_given_in_utc_is_read_in_kolkata_when_it_is_already_tomorrow_there(
    extractor: OfflineEntityExtractor,
) -> None:
    utc_evening = datetime.fromisoformat("2026-11-25T20:00:00+00:00")  # 01:30 on the 26th in India

    when = (await extractor.extract("kal", now=utc_evening)).when

    assert when is not None
    assert when.start == datetime(2026, 11, 27, 0, 0, tzinfo=IST)


async def test_everything_in_one_message_is_found_when_it_names_all_of_it(
    extractor: OfflineEntityExtractor,
) -> None:
    found = await extractor.extract(
        "kal shaam 6 baje 2 AC ki servicing, budget ₹1,500, pin 560034, ref BK-20261120-0042",
        now=WEDNESDAY_10AM,
    )

    assert found.services
    assert found.services[0].name == "AC Service"
    assert found.services[0].score > 0.6
    assert found.when is not None
    assert found.when.start == datetime(2026, 11, 26, 18, 0, tzinfo=IST)
    assert (found.pincode, found.booking_reference, found.quantity) == ("560034", "BK-20261120-0042", 2)
    assert found.budget is not None
    assert (found.budget.amount, found.budget.currency) == (
        Decimal("1500.00"),
        "INR",
    )


async def test_nothing_is_found_when_the_text_names_nothing(extractor: OfflineEntityExtractor) -> None:
    found = await extractor.extract("hello there, how are you", now=WEDNESDAY_10AM)

    assert found.services == ()
    assert (found.when, found.pincode, found.booking_reference, found.quantity, found.budget) == (None,) * 5


async def test_the_same_text_and_now_give_the_same_entities_when_asked_twice(
    extractor: OfflineEntityExtractor,
) -> None:
    text = "parso subah 3 bathroom cleaning under 2k at 110001"
    assert await extractor.extract(text, now=WEDNESDAY_10AM) == await extractor.extract(
        text, now=WEDNESDAY_10AM
    )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
async def test_extraction_never_fails_and_keeps_its_formats_when_given_any_text(
    extractor: OfflineEntityExtractor, text: str
) -> None:
    found = await extractor.extract(text, now=WEDNESDAY_10AM)

    assert found.pincode is None or (len(found.pincode) == 6 and found.pincode[0] in "12345678")
    assert found.booking_reference is None or found.booking_reference.startswith("BK-")
    assert found.when is None or found.when.start < found.when.end
    assert found.budget is None or found.budget.amount > 0
    assert all(0.7 <= s.score <= 1 for s in found.services)


async def test_the_resolver_finds_services_from_typos_and_hinglish_but_not_from_junk() -> None:
    resolver = demo_resolver()

    assert (await resolver.resolve("geyser thik karna"))[0].name == "Geyser Repair and Installation"
    assert (await resolver.resolve("bathrom cleaning"))[0].name == "Bathroom Cleaning"
    assert await resolver.resolve("the weather is nice") == []
    assert await resolver.resolve("   ") == []
    long = await resolver.resolve("AC service " + "please " * 100)
    assert long[0].name == "AC Service"


async def test_each_clause_adds_its_service_when_a_message_names_two(
    extractor: OfflineEntityExtractor,
) -> None:
    found = await extractor.extract("cancel my cleaning and book a plumber instead", now=WEDNESDAY_10AM)

    names = [s.name for s in found.services]
    assert "Full Home Deep Cleaning" in names
    assert "Tap and Mixer Repair" in names


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("AC service on 12/25", "2026-12-25"),  # second number > 12: month first
        ("plumber on 11/30", "2026-11-30"),
        ("cleaning on 3/15", "2027-03-15"),  # already past this year: next year, never 2115
        ("painter on 5/12", "2026-12-05"),  # both could be months: day first, as in India
        ("on 25/12", "2026-12-25"),
        ("1/1 please", "2027-01-01"),
        ("on 25/12/26", "2026-12-25"),
        ("on 07/01/2027", "2027-01-07"),
        ("on 25-12-2026", "2026-12-25"),
    ],
)
async def test_numeric_dates_are_read_day_first_and_month_first_only_when_nothing_else_fits(
    extractor: OfflineEntityExtractor, text: str, day: str
) -> None:
    when = (await extractor.extract(text, now=WEDNESDAY_10AM)).when

    assert when is not None
    assert when.start == datetime.fromisoformat(day).replace(tzinfo=IST)
    assert when.end - when.start == timedelta(days=1)


@pytest.mark.parametrize("text", ["on 31/2", "on 40/13", "on 0/5"])
async def test_an_impossible_numeric_date_names_no_day(extractor: OfflineEntityExtractor, text: str) -> None:
    assert (await extractor.extract(text, now=WEDNESDAY_10AM)).when is None


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("raat 12 baje", "2026-11-26T00:00"),
        ("raat 1 baje", "2026-11-26T01:00"),
        ("kal raat 12 baje", "2026-11-27T00:00"),
        ("raat 9 baje", "2026-11-25T21:00"),
        ("raat 11 baje", "2026-11-25T23:00"),
        ("tonight at 1 am", "2026-11-26T01:00"),
        ("tonight at 10", "2026-11-25T22:00"),
    ],
)
async def test_night_hours_are_late_evening_or_the_small_hours_after_that_night(
    extractor: OfflineEntityExtractor, text: str, start: str
) -> None:
    when = (await extractor.extract(text, now=WEDNESDAY_10AM)).when

    assert when is not None
    assert when.start == datetime.fromisoformat(start).replace(tzinfo=IST)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("kal nahi parso", "2026-11-27"),
        ("kal ki jagah parso aana", "2026-11-27"),
        ("not tomorrow, friday", "2026-11-27"),
        ("come on friday instead of tomorrow", "2026-11-27"),
        ("aaj nahi, kal", "2026-11-26"),
    ],
)
async def test_a_day_the_customer_rules_out_is_dropped_for_the_one_they_want(
    extractor: OfflineEntityExtractor, text: str, day: str
) -> None:
    when = (await extractor.extract(text, now=WEDNESDAY_10AM)).when

    assert when is not None
    assert when.start == datetime.fromisoformat(day).replace(tzinfo=IST)


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("budget 500-800", "800.00"),
        ("budget 5-8k for painting", "8000.00"),
        ("rs 1500 to 2000", "2000.00"),
        ("₹500 - ₹900 for cleaning", "900.00"),
        ("budget 800 for 2 ACs", "800.00"),
    ],
)
async def test_a_budget_range_gives_its_upper_end(
    extractor: OfflineEntityExtractor, text: str, budget: str
) -> None:
    found = (await extractor.extract(text, now=WEDNESDAY_10AM)).budget

    assert found is not None
    assert found.amount == Decimal(budget)


@pytest.mark.parametrize(("text", "pincode"), [("pin 960001", "960001"), ("my pincode is 110001", "110001")])
async def test_a_pincode_is_any_six_digits_the_domain_pincode_accepts(
    extractor: OfflineEntityExtractor, text: str, pincode: str
) -> None:
    found = (await extractor.extract(text, now=WEDNESDAY_10AM)).pincode

    assert found == pincode
    assert Pincode(found).value == pincode


@pytest.mark.parametrize("text", ["pin 060001", "paid ₹ 560034 already", "order 1234567"])
async def test_six_digits_the_domain_refuses_or_money_are_not_a_pincode(
    extractor: OfflineEntityExtractor, text: str
) -> None:
    assert (await extractor.extract(text, now=WEDNESDAY_10AM)).pincode is None
