"""Search quality on the labelled query set (tests/data/search_queries.jsonl), through the real use case
over the seeded database. The held-out part was written with the rest and never used for tuning."""

from collections.abc import AsyncIterator

import pytest
from dishka import AsyncContainer

from application.catalog.queries.evaluate_service_search import EvaluateServiceSearch, SearchEvaluation
from entrypoints.ioc.container import make_container
from tests.e2e.conftest import make_settings
from tests.search_fakes import labelled_queries

MIN_TOP1 = 0.80
MIN_TOP3 = 0.92


@pytest.fixture
async def container(seeded_sqlite_url: str) -> AsyncIterator[AsyncContainer]:
    container = make_container(make_settings(database_url=seeded_sqlite_url))
    yield container
    await container.close()


@pytest.fixture
async def evaluation(container: AsyncContainer) -> SearchEvaluation:
    async with container() as scope:
        return await (await scope.get(EvaluateServiceSearch)).execute(labelled_queries())


def _report(evaluation: SearchEvaluation) -> str:
    return "\n".join(
        f"{i.labelled.query!r}: expected {i.labelled.expected}, got {i.found}" for i in evaluation.misses()
    )


async def test_the_query_set_is_large_and_varied_enough_to_mean_something() -> None:
    queries = labelled_queries()
    assert len(queries) >= 120
    assert len(labelled_queries("heldout")) >= 30
    kinds = {q.kind for q in queries}
    assert {"typo", "abbreviation", "hinglish", "devanagari", "multi-word"} <= kinds


async def test_top1_and_top3_accuracy_reach_the_bar_when_searching_the_whole_set(evaluation) -> None:
    assert evaluation.accuracy(1) >= MIN_TOP1, _report(evaluation)
    assert evaluation.accuracy(3) >= MIN_TOP3, _report(evaluation)


@pytest.mark.parametrize("split", ["dev", "heldout"])
async def test_each_split_reaches_the_bar_when_searched_alone(evaluation, split: str) -> None:
    part = evaluation.only(split)
    assert part.accuracy(1) >= MIN_TOP1, _report(part)
    assert part.accuracy(3) >= MIN_TOP3, _report(part)
