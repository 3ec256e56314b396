"""Measure how well service search recognises what customers mean, on a labelled query set."""

from collections.abc import Sequence

import msgspec

from application.catalog.queries.search_services import SearchServices, SearchServicesQuery, ServiceHit

CATEGORY_PREFIX = "cat:"


class LabelledQuery(msgspec.Struct, frozen=True):
    """A query as a customer types it and the answers that count as right: subcategory slugs, or
    "cat:<category slug>" for any service of that category (for a query as broad as "plumber")."""

    query: str
    expected: list[str]
    kind: str = ""
    split: str = "dev"

    def accepts(self, hit: ServiceHit) -> bool:
        return hit.slug in self.expected or CATEGORY_PREFIX + hit.category_slug in self.expected


class EvaluatedQuery(msgspec.Struct, frozen=True):
    labelled: LabelledQuery
    found: list[str]
    rank: int | None  # 1-based rank of the first right answer among the top three; None: a miss


class SearchEvaluation(msgspec.Struct, frozen=True):
    items: list[EvaluatedQuery]

    @property
    def total(self) -> int:
        return len(self.items)

    def accuracy(self, top: int) -> float:
        """Share of queries with a right answer among the first `top` (1 to 3) results."""
        if not self.items:
            return 0.0
        return sum(1 for i in self.items if i.rank is not None and i.rank <= top) / len(self.items)

    def only(self, split: str) -> "SearchEvaluation":
        return SearchEvaluation(items=[i for i in self.items if i.labelled.split == split])

    def misses(self, top: int = 1) -> list[EvaluatedQuery]:
        return [i for i in self.items if i.rank is None or i.rank > top]


class EvaluateServiceSearch:
    """Staff and CI run it to measure search quality (top-1, top-3 accuracy); reads only, no pincode."""

    TOP = 3

    def __init__(self, search: SearchServices) -> None:
        self._search = search

    async def execute(self, queries: Sequence[LabelledQuery]) -> SearchEvaluation:
        items = []
        for labelled in queries:
            result = await self._search.execute(SearchServicesQuery(text=labelled.query, limit=self.TOP))
            rank = next((n for n, hit in enumerate(result.items, 1) if labelled.accepts(hit)), None)
            items.append(EvaluatedQuery(labelled=labelled, found=[h.slug for h in result.items], rank=rank))
        return SearchEvaluation(items=items)
