"""Measuring search quality on labelled queries: top-1 and top-3 accuracy, per split, with the misses."""

import pytest

from application.catalog.queries.evaluate_service_search import EvaluateServiceSearch, LabelledQuery
from application.catalog.queries.search_services import SearchServices
from application.catalog.search_index import ServiceMatcherIndex
from tests.fakes import InMemoryCache, sample_catalog
from tests.search_fakes import WordOverlapMatcherFactory


@pytest.fixture
def evaluate() -> EvaluateServiceSearch:
    search = SearchServices(
        sample_catalog(), InMemoryCache(), ServiceMatcherIndex(WordOverlapMatcherFactory())
    )
    return EvaluateServiceSearch(search)


async def test_accuracy_counts_first_and_top_three_answers_when_evaluated(evaluate) -> None:
    queries = [
        LabelledQuery(query="tap repair", expected=["tap-repair"]),
        LabelledQuery(query="deep cleaning tap", expected=["tap-repair"], split="heldout"),
        LabelledQuery(query="gardening", expected=["tap-repair"], split="heldout"),
        LabelledQuery(query="deep", expected=["deep-cleaning"]),
    ]

    evaluation = await evaluate.execute(queries)

    assert [i.rank for i in evaluation.items] == [1, 2, None, 1]
    assert evaluation.items[1].found == ["deep-cleaning", "tap-repair"]
    assert (evaluation.accuracy(1), evaluation.accuracy(3)) == (0.5, 0.75)
    assert [m.labelled.query for m in evaluation.misses()] == ["deep cleaning tap", "gardening"]
    heldout = evaluation.only("heldout")
    assert (heldout.total, heldout.accuracy(1), heldout.accuracy(3)) == (2, 0.0, 0.5)


async def test_a_category_label_accepts_any_of_its_services_when_evaluated(evaluate) -> None:
    evaluation = await evaluate.execute([LabelledQuery(query="tap", expected=["cat:plumbing"])])
    assert evaluation.accuracy(1) == 1.0


async def test_accuracy_is_zero_when_there_are_no_queries(evaluate) -> None:
    evaluation = await evaluate.execute([])
    assert (evaluation.total, evaluation.accuracy(1)) == (0, 0.0)
