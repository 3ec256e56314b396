"""Retrieval quality on a labelled question set: hit@1 and hit@3 for keyword, vector and hybrid search."""

from collections.abc import Sequence

import msgspec

from application.knowledge.queries.search_knowledge import SearchKnowledge, SearchKnowledgeQuery
from application.knowledge.views import KnowledgeHit, SearchMode

MODES: tuple[SearchMode, ...] = ("keyword", "vector", "hybrid")


class LabelledQuestion(msgspec.Struct, frozen=True):
    """A question and where its answer lives: a document slug and a section (part of the heading path)."""

    question: str
    slug: str
    section: str


class QuestionOutcome(msgspec.Struct, frozen=True):
    question: LabelledQuestion
    mode: SearchMode
    rank: int | None  # 1-based rank of the first right chunk among the top 3; None when absent
    found: list[str]  # "slug > heading" of the top 3


class RetrievalEvaluation(msgspec.Struct, frozen=True):
    outcomes: list[QuestionOutcome]

    def hit_at(self, mode: SearchMode, k: int) -> float:
        mine = [o for o in self.outcomes if o.mode == mode]
        return sum(1 for o in mine if o.rank is not None and o.rank <= k) / len(mine) if mine else 0.0

    def misses(self, mode: SearchMode, k: int) -> list[QuestionOutcome]:
        return [o for o in self.outcomes if o.mode == mode and (o.rank is None or o.rank > k)]


def is_hit(hit: KnowledgeHit, question: LabelledQuestion) -> bool:
    return hit.document_slug == question.slug and question.section.lower() in hit.heading.lower()


class EvaluateRetrieval:
    """Runs each question through SearchKnowledge in every mode (top 3); records where the answer ranked."""

    def __init__(self, search: SearchKnowledge) -> None:
        self._search = search

    async def execute(
        self, questions: Sequence[LabelledQuestion], modes: Sequence[SearchMode] = MODES
    ) -> RetrievalEvaluation:
        outcomes = []
        for mode in modes:
            for q in questions:
                result = await self._search.execute(SearchKnowledgeQuery(q.question, limit=3, mode=mode))
                rank = next((n for n, hit in enumerate(result.items, 1) if is_hit(hit, q)), None)
                found = [f"{h.document_slug} > {h.heading}" for h in result.items]
                outcomes.append(QuestionOutcome(q, mode, rank, found))
        return RetrievalEvaluation(outcomes)
