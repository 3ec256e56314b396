"""Fakes and fixtures for the language services: the demo catalog behind the real catalog search,
and scripted classifiers, extractors and analyzers for the use-case tests."""

from collections.abc import Sequence
from datetime import datetime

from adapters.cache.memory import InMemoryCache
from adapters.nlp.catalog_services import CatalogServiceResolver
from adapters.search.fuzzy_matcher import FuzzyServiceMatcherFactory
from application.catalog.queries.search_services import SearchServices
from application.catalog.search_index import ServiceMatcherIndex
from application.nlp.ports import Entities, IntentScore
from domain.catalog.entities import Category, CategoryId, Subcategory, SubcategoryId
from tests.fakes import InMemoryCatalogReader
from tests.search_fakes import demo_services


def demo_catalog() -> InMemoryCatalogReader:
    """The bundled demo catalog (76 services) as an in-memory CatalogReader."""
    services = demo_services()
    categories: dict[int, Category] = {}
    subcategories = []
    for s in services:
        categories.setdefault(
            s.category_id,
            Category(
                id=CategoryId(s.category_id),
                slug=s.category_slug,
                name=s.category_name,
                description="",
                sort_order=s.category_id,
            ),
        )
        subcategories.append(
            Subcategory(
                id=SubcategoryId(s.subcategory_id),
                category_id=CategoryId(s.category_id),
                slug=s.slug,
                name=s.name,
                description="",
                duration_minutes=60,
                keywords=list(s.keywords),
                sort_order=s.rank,
            )
        )
    return InMemoryCatalogReader(list(categories.values()), subcategories)


def demo_resolver(reader: InMemoryCatalogReader | None = None) -> CatalogServiceResolver:
    search = SearchServices(
        reader or demo_catalog(), InMemoryCache(), ServiceMatcherIndex(FuzzyServiceMatcherFactory())
    )
    return CatalogServiceResolver(search)


class ScriptedClassifier:
    def __init__(self, answer: Sequence[IntentScore]) -> None:
        self.answer = list(answer)
        self.seen: list[str] = []

    async def classify(self, text: str) -> Sequence[IntentScore]:
        self.seen.append(text)
        return self.answer


class ScriptedExtractor:
    def __init__(self, answer: Entities) -> None:
        self.answer = answer
        self.calls: list[tuple[str, datetime]] = []

    async def extract(self, text: str, *, now: datetime) -> Entities:
        self.calls.append((text, now))
        return self.answer


class ScriptedSentiment:
    def __init__(self, score: float) -> None:
        self.score = score

    async def sentiment(self, text: str) -> float:
        return self.score
