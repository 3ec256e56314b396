"""The fuzzy service matcher over the demo catalog: what customers type, and what they should get."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.search.fuzzy_matcher import FuzzyServiceMatcher, FuzzyServiceMatcherFactory
from adapters.search.lexicon import Lexicon
from tests.search_fakes import demo_services

PLUMBING = {
    "tap-and-mixer-repair",
    "pipe-leakage-repair",
    "toilet-repair-and-installation",
    "wash-basin-and-sink",
    "drain-blockage-removal",
    "water-motor-and-pump",
    "bathroom-fittings-installation",
}


@pytest.fixture(scope="module")
def matcher() -> FuzzyServiceMatcher:
    return FuzzyServiceMatcherFactory().build(demo_services())


def top(matcher: FuzzyServiceMatcher, text: str, limit: int = 3) -> list[str]:
    return [m.slug for m in matcher.match(text, limit)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plumbr", "tap-and-mixer-repair"),
        ("electrisian", "switch-and-socket"),
        ("geysor", "geyser-repair-and-installation"),
        ("refrigirator repair", "refrigerator-repair"),
        ("bathrom cleaning", "bathroom-cleaning"),
        ("cockroch", "cockroach-and-ant-control"),
    ],
)
def test_the_intended_service_comes_first_when_the_customer_makes_a_typo(matcher, text, expected) -> None:
    matches = matcher.match(text, 3)
    assert matches[0].slug == expected
    assert matches[0].score < 1.0


def test_a_typo_of_a_trade_lists_that_trades_services_when_searching(matcher) -> None:
    assert set(top(matcher, "plumbr", 5)) <= PLUMBING


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("safai", "full-home-deep-cleaning"),
        ("geyser", "geyser-repair-and-installation"),
        ("paint job", "full-home-interior-painting"),
        ("nal theek karna", "tap-and-mixer-repair"),
        ("bijli", "switch-and-socket"),
        ("keede", "cockroach-and-ant-control"),
        ("cockroach", "cockroach-and-ant-control"),
        ("bal katwana", "mens-haircut"),
        ("tanki saaf karna", "water-tank-cleaning"),
        ("machhar", "mosquito-control"),
        ("नल ठीक करना", "tap-and-mixer-repair"),
        ("गीज़र", "geyser-repair-and-installation"),
    ],
)
def test_synonyms_and_hinglish_find_the_service_when_typed(matcher, text, expected) -> None:
    assert top(matcher, text)[0] == expected


def test_a_transliteration_variant_matches_like_the_usual_spelling_when_typed(matcher) -> None:
    assert matcher.match("saaf", 1) == matcher.match("saf", 1)
    assert top(matcher, "keeda")[0] == top(matcher, "keede")[0] == "cockroach-and-ant-control"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ac", {"ac-service", "ac-repair"}),
        ("AC", {"ac-service", "ac-repair"}),
        ("a/c", {"ac-service", "ac-repair"}),
        ("ro", {"ro-water-purifier"}),
        ("R.O.", {"ro-water-purifier"}),
    ],
)
def test_abbreviations_find_their_services_when_typed_in_any_case_or_punctuation(
    matcher, text, expected
) -> None:
    assert set(top(matcher, text, len(expected))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fridge not cooling", "refrigerator-repair"),
        ("ac not cooling", "ac-repair"),
        ("deep clean 2bhk", "full-home-deep-cleaning"),
        ("kitchen deep cleaning", "kitchen-deep-cleaning"),
        ("water heater not working", "geyser-repair-and-installation"),
        ("micro wave repair", "microwave-repair"),
    ],
)
def test_the_words_together_decide_when_the_query_has_several(matcher, text, expected) -> None:
    assert top(matcher, text)[0] == expected


def test_the_reason_names_the_synonym_when_a_curated_synonym_matched(matcher) -> None:
    best = matcher.match("ro", 1)[0]
    assert best.matched_on == "synonym: ro"
    assert best.score == 1.0


def test_the_reason_names_the_keyword_or_category_when_they_matched(matcher) -> None:
    assert matcher.match("geyser repair", 1)[0].matched_on == "keyword: geyser repair"
    assert matcher.match("pest control", 1)[0].matched_on.startswith(("keyword:", "category:"))
    assert matcher.match("plumbing", 1)[0].matched_on == "category: Plumbing"


@pytest.mark.parametrize("text", ["", "   ", "!!!", "?", "xyzzy qwerty", "the", "please help", "2"])
def test_nothing_matches_when_the_text_names_no_service(matcher, text) -> None:
    assert matcher.match(text, 5) == []


def test_results_are_ordered_by_score_then_catalog_order_when_scores_tie(matcher) -> None:
    matches = matcher.match("plumber", 7)
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    ranks = {s.slug: s.rank for s in demo_services()}
    for a, b in itertools.pairwise(matches):
        if a.score == b.score:
            assert ranks[a.slug] < ranks[b.slug]


def test_ac_service_comes_before_ac_repair_when_the_abbreviation_ties_them(matcher) -> None:
    first, second = matcher.match("ac", 2)
    assert first.score == second.score
    assert (first.slug, second.slug) == ("ac-service", "ac-repair")


def test_an_exact_phrase_scores_one_and_beats_a_partial_one_when_both_match(matcher) -> None:
    exact, *rest = matcher.match("fridge repair", 5)
    assert (exact.slug, exact.score) == ("refrigerator-repair", 1.0)
    assert all(0 < m.score < 1.0 for m in rest)


@pytest.mark.parametrize("limit", [0, 1, 2, 20])
def test_at_most_limit_matches_are_returned_when_many_qualify(matcher, limit) -> None:
    assert len(matcher.match("cleaning repair installation", limit)) <= limit
    assert len(matcher.match("plumber", limit)) == min(limit, len(PLUMBING))


def test_services_missing_from_the_catalog_are_never_returned_when_a_synonym_points_at_them() -> None:
    services = [s for s in demo_services() if s.slug != "ro-water-purifier"]
    matcher = FuzzyServiceMatcherFactory().build(services)
    assert "ro-water-purifier" not in top(matcher, "ro water purifier", 20)


def test_a_custom_lexicon_drives_the_words_when_given() -> None:
    lexicon = Lexicon.from_data(
        {"words": {"jhadu": "clean"}, "stopwords": ["wala"], "phrases": {"ghar": ["cat:cleaning"]}}
    )
    matcher = FuzzyServiceMatcher(demo_services(), lexicon)
    assert top(matcher, "jhadu wala")[0] == "full-home-deep-cleaning"
    assert matcher.match("ghar", 1)[0].matched_on == "synonym: ghar"


def test_an_empty_catalog_matches_nothing_when_searched() -> None:
    assert FuzzyServiceMatcherFactory().build([]).match("ac repair", 5) == []


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=120), limit=st.integers(min_value=0, max_value=20))
def test_any_text_gives_bounded_sorted_scores_when_searched(matcher, text, limit) -> None:
    matches = matcher.match(text, limit)
    assert len(matches) <= limit
    assert all(0 < m.score <= 1 for m in matches)
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
