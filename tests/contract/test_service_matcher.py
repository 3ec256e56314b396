"""The ServiceMatcher port: the fuzzy adapter and the test fake keep the same promises, and the adapter
finds what its curated synonyms and the catalog's own words point at."""

from collections.abc import Callable, Sequence

import pytest

from adapters.search.fuzzy_matcher import FuzzyServiceMatcherFactory
from adapters.search.lexicon import Lexicon
from application.catalog.ports import SearchableService, ServiceMatcher
from tests.search_fakes import WordOverlapMatcherFactory, demo_services

SERVICES = demo_services()
CATEGORY_OF = {s.slug: s.category_slug for s in SERVICES}
Build = Callable[[Sequence[SearchableService]], ServiceMatcher]


@pytest.fixture(params=["fake", "fuzzy"])
def build(request: pytest.FixtureRequest) -> Build:
    factory = WordOverlapMatcherFactory() if request.param == "fake" else FuzzyServiceMatcherFactory()
    return factory.build


def test_a_service_name_finds_that_service_first_when_typed_exactly(build: Build) -> None:
    matcher = build(SERVICES)
    for service in SERVICES:
        best = matcher.match(service.name, 1)[0]
        assert (best.slug, best.subcategory_id, best.score) == (service.slug, service.subcategory_id, 1.0)


@pytest.mark.parametrize("limit", [0, 1, 3])
def test_no_more_than_limit_and_best_first_when_matching(build: Build, limit: int) -> None:
    matches = build(SERVICES).match("Home Cleaning Repair Service", limit)
    assert len(matches) <= limit
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    assert all(0 < m.score <= 1 and m.matched_on for m in matches)


@pytest.mark.parametrize("text", ["", "   ", "zzzz"])
def test_nothing_is_found_when_the_text_names_nothing(build: Build, text: str) -> None:
    assert build(SERVICES).match(text, 5) == []


def test_only_the_given_services_are_returned_when_the_catalog_shrinks(build: Build) -> None:
    kept = [s for s in SERVICES if s.category_slug == "plumbing"]
    found = build(kept).match("Tap and Mixer Repair AC Repair", 20)
    assert {m.slug for m in found} <= {s.slug for s in kept}


@pytest.fixture(scope="module")
def fuzzy() -> ServiceMatcher:
    return FuzzyServiceMatcherFactory().build(SERVICES)


@pytest.mark.parametrize(("phrase", "targets"), sorted(Lexicon.bundled().phrases.items()))
def test_each_curated_synonym_finds_a_service_it_names_first(
    fuzzy: ServiceMatcher, phrase: str, targets: tuple[str, ...]
) -> None:
    best = fuzzy.match(phrase, 1)[0]
    assert best.slug in targets or f"cat:{CATEGORY_OF[best.slug]}" in targets, best


@pytest.mark.parametrize(
    ("service", "keyword"),
    [(s, k) for s in SERVICES for k in s.keywords],
    ids=lambda v: getattr(v, "slug", v),
)
def test_each_catalog_keyword_finds_its_service_among_the_first_three(
    fuzzy: ServiceMatcher, service: SearchableService, keyword: str
) -> None:
    found = fuzzy.match(keyword, 3)
    assert service.slug in [m.slug for m in found]
