"""Hybrid knowledge search: validation, fusion, degradation without vectors, no dangling chunks, and the
labelled question set's hit@3 over the shipped policies."""

import asyncio
import time
from pathlib import Path

import msgspec
import pytest

from application.ai.ports import VectorMatch, VectorRecord
from application.common.errors import DependencyUnavailable
from application.identity.actors import SystemActor
from application.knowledge.commands.ingest_document import IngestDocument
from application.knowledge.ports import namespace_for, vector_id
from application.knowledge.queries.evaluate_retrieval import EvaluateRetrieval, LabelledQuestion
from application.knowledge.queries.search_knowledge import (
    MAX_QUERY_CHARS,
    SearchKnowledge,
    SearchKnowledgeQuery,
)
from domain.knowledge.errors import InvalidSearchQuery
from tests.knowledge_fakes import InMemoryVectorIndex, KnowledgeWorld

QUESTIONS = Path(__file__).parents[2] / "data" / "knowledge_questions.jsonl"


async def policies() -> KnowledgeWorld:
    world = KnowledgeWorld()
    await world.library.execute()
    return world


@pytest.mark.parametrize(
    "query",
    [
        SearchKnowledgeQuery("   "),
        SearchKnowledgeQuery("x" * (MAX_QUERY_CHARS + 1)),
        SearchKnowledgeQuery("refund", limit=0),
        SearchKnowledgeQuery("refund", limit=21),
    ],
)
async def test_blank_overlong_or_badly_limited_queries_are_refused(query: SearchKnowledgeQuery) -> None:
    world = KnowledgeWorld()
    with pytest.raises(InvalidSearchQuery):
        await world.search.execute(query)


async def test_hits_carry_document_section_text_and_a_falling_score() -> None:
    world = await policies()

    result = await world.search.execute(SearchKnowledgeQuery("how many times can I reschedule", limit=3))

    assert result.mode == "hybrid"
    assert result.vector_available
    [hit] = [h for h in result.items if h.heading == "Rescheduling a booking"]
    assert (hit.document_slug, hit.document_title) == (
        "cancellation-and-refund",
        "Cancellation and Refund Policy",
    )
    assert "at most 2 times per booking" in " ".join(hit.text.split())
    scores = [h.score for h in result.items]
    assert scores == sorted(scores, reverse=True)
    assert len(result.items) == 3


async def test_search_falls_back_to_keywords_when_the_embedder_is_down() -> None:
    world = await policies()
    world.embedder.down = True

    result = await world.search.execute(SearchKnowledgeQuery("termite treatment warranty"))

    assert not result.vector_available
    assert result.items[0].document_slug == "rework-and-warranty"


async def test_vector_only_search_is_a_dependency_problem_when_the_embedder_is_down() -> None:
    world = await policies()
    world.embedder.down = True
    with pytest.raises(DependencyUnavailable) as caught:
        await world.search.execute(SearchKnowledgeQuery("termite", mode="vector"))
    assert caught.value.dependency == "embedder"


async def test_vectors_of_chunks_that_no_longer_exist_are_never_returned() -> None:
    world = await policies()
    [ghost] = await world.embedder.embed(["termite treatment warranty"])
    await world.vectors.upsert(
        [VectorRecord(vector_id(99_999), ghost)], namespace=namespace_for(world.embedder.model)
    )

    result = await world.search.execute(
        SearchKnowledgeQuery("termite treatment warranty", mode="vector", limit=20)
    )

    assert 99_999 not in {h.chunk_id for h in result.items}
    assert result.items


async def test_the_keyword_index_is_rebuilt_only_when_the_corpus_changes() -> None:
    world = await policies()
    await world.search.execute(SearchKnowledgeQuery("refund"))
    await world.search.execute(SearchKnowledgeQuery("warranty"))
    builds = world.keywords.builds

    await world.ingest.execute(
        IngestDocument(filename="aquarium.md", data=b"# Aquarium\n\nFish tanks need care."),
        actor=SystemActor(),
    )
    found = await world.search.execute(SearchKnowledgeQuery("fish tanks", mode="keyword"))

    assert builds == 1
    assert world.keywords.builds == 2
    assert found.items[0].document_slug == "aquarium"


async def test_the_labelled_questions_find_their_section_in_the_top_three_in_hybrid_mode() -> None:
    world = await policies()
    questions = [
        msgspec.json.decode(line, type=LabelledQuestion) for line in QUESTIONS.read_text().splitlines()
    ]
    assert len(questions) >= 40

    evaluation = await EvaluateRetrieval(world.search).execute(questions)

    assert evaluation.hit_at("keyword", 3) >= 0.85
    assert evaluation.hit_at("hybrid", 3) >= 0.9
    assert evaluation.hit_at("hybrid", 3) >= evaluation.hit_at("keyword", 3)


class _HungIndex(InMemoryVectorIndex):
    async def query(self, *args: object, **kwargs: object) -> list[VectorMatch]:
        await asyncio.sleep(30)
        return []


async def test_hybrid_search_answers_from_keywords_within_the_budget_when_the_vector_index_hangs() -> None:
    world = await policies()
    search = SearchKnowledge(world.repository, world.keywords, world.embedder, _HungIndex(), 0.2)
    started = time.monotonic()

    result = await search.execute(SearchKnowledgeQuery("termite treatment warranty"))

    assert time.monotonic() - started < 1.0
    assert not result.vector_available
    assert result.items[0].document_slug == "rework-and-warranty"
    with pytest.raises(DependencyUnavailable):
        await search.execute(SearchKnowledgeQuery("termite", mode="vector"))
