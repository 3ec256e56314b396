"""ServiceResolver through the catalog's own search use case (typos, synonyms, Hinglish)."""

from collections.abc import Sequence

from application.catalog.queries.search_services import MAX_QUERY_LENGTH, SearchServices, SearchServicesQuery
from application.nlp.ports import ServiceMention

MIN_SCORE = 0.7
"""Below this the catalog search is guessing from a stray word ("rude" -> nothing useful)."""
MAX_GAP = 0.15
"""Mentions further than this below the best are dropped: they are the same words matching less well."""


class CatalogServiceResolver:
    """Resolves text with SearchServices; `matched_text` is the catalog word or phrase the text matched."""

    def __init__(self, search: SearchServices) -> None:
        self._search = search

    async def resolve(self, text: str, limit: int = 3) -> Sequence[ServiceMention]:
        words = " ".join(text.split())[:MAX_QUERY_LENGTH].strip()
        if not words:
            return []
        result = await self._search.execute(SearchServicesQuery(text=words, limit=max(1, min(limit, 20))))
        hits = [hit for hit in result.items if hit.score >= MIN_SCORE]
        if not hits:
            return []
        best = hits[0].score
        return [
            ServiceMention(
                subcategory_id=hit.subcategory_id,
                name=hit.name,
                matched_text=hit.matched_on.partition(": ")[2] or hit.matched_on,
                score=hit.score,
            )
            for hit in hits
            if best - hit.score <= MAX_GAP
        ]
