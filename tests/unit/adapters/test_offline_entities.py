"""Offline entity extraction over the demo catalog: the labelled cases, Hinglish times and edge cases."""

from datetime import datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.nlp.labelled_files import ShippedLabelledData
from adapters.nlp.offline_entities import OfflineEntityExtractor
from adapters.nlp.when import IST
from application.nlp.labelled import EntityCase
from application.nlp.queries.evaluate_entities import compare
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
