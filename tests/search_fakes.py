"""Fakes and fixtures for service search: a plain word-overlap matcher, and the bundled demo catalog
as the searchable services the real matcher is tested over."""

import json
from collections.abc import Sequence
from pathlib import Path

from adapters.persistence.seed.context import load_data
from application.catalog.ports import SearchableService, ServiceMatch
from application.catalog.queries.evaluate_service_search import LabelledQuery

QUERIES_FILE = Path(__file__).parent / "data" / "search_queries.jsonl"


def demo_services() -> list[SearchableService]:
    """The 76 services of the bundled demo catalog, as the seed loads them, in browsing order."""
    services: list[SearchableService] = []
    for category_id, category in enumerate(load_data("catalog.json")["categories"], start=1):
        for sub in category["subcategories"]:
            services.append(
                SearchableService(
                    subcategory_id=len(services) + 1,
                    slug=sub["slug"],
                    name=sub["name"],
                    keywords=tuple(sub["keywords"]),
                    category_id=category_id,
                    category_slug=category["slug"],
                    category_name=category["name"],
                    rank=len(services),
                )
            )
    return services


def labelled_queries(split: str | None = None) -> list[LabelledQuery]:
    rows = [json.loads(line) for line in QUERIES_FILE.read_text(encoding="utf-8").splitlines() if line]
    return [LabelledQuery(**row) for row in rows if split is None or row["split"] == split]


class WordOverlapMatcher:
    """The ServiceMatcher port at its plainest: how much the text's words and a service's name words overlap
    (shared words over all words of both), so an exact name scores 1."""

    def __init__(self, services: Sequence[SearchableService]) -> None:
        self.services = list(services)

    def match(self, text: str, limit: int) -> list[ServiceMatch]:
        said = set(text.lower().split())
        scored = []
        for s in self.services:
            words = set(s.name.lower().split())
            share = len(words & said) / len(words | said)
            if share > 0:
                scored.append((round(share, 3), s))
        scored.sort(key=lambda e: (-e[0], e[1].rank))
        return [
            ServiceMatch(
                subcategory_id=s.subcategory_id, slug=s.slug, score=score, matched_on=f"name: {s.name}"
            )
            for score, s in scored[: max(limit, 0)]
        ]


class WordOverlapMatcherFactory:
    """Counts builds, so tests can see the index is built once per catalog version."""

    def __init__(self) -> None:
        self.built: list[list[str]] = []

    def build(self, services: Sequence[SearchableService]) -> WordOverlapMatcher:
        self.built.append([s.slug for s in services])
        return WordOverlapMatcher(services)
