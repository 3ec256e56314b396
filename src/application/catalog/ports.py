"""What the catalog use cases need from storage."""

from collections.abc import Sequence
from typing import Protocol

import msgspec

from domain.catalog.entities import Category, CategoryId, RateCard, Subcategory, SubcategoryId
from domain.shared.pincode import Pincode


class CatalogReader(Protocol):
    """Read access to the active catalog. Inactive categories, subcategories and rate cards are invisible.

    Raises StorageUnavailable when the store cannot be reached.
    """

    async def list_categories(self) -> Sequence[Category]:
        """Active categories in display order (sort order, then name)."""
        ...

    async def get_category(self, category_id: CategoryId) -> Category | None:
        """The active category with this id, or None."""
        ...

    async def list_subcategories(self, category_id: CategoryId) -> Sequence[Subcategory]:
        """Active subcategories of a category in display order; empty if it has none."""
        ...

    async def get_subcategory(self, subcategory_id: SubcategoryId) -> Subcategory | None:
        """The active subcategory with this id whose category is active too, or None."""
        ...

    async def list_rate_cards(
        self, subcategory_id: SubcategoryId, pincode: Pincode | None = None
    ) -> Sequence[RateCard]:
        """Active rate cards of a subcategory, cheapest first.

        With a pincode, only those offered at that pincode (none when the pincode is unknown or not
        serviceable).
        """
        ...

    async def is_serviceable(self, pincode: Pincode) -> bool:
        """Whether the pincode is known and marked serviceable."""
        ...


class SearchableService(msgspec.Struct, frozen=True):
    """What a matcher may know of one active subcategory: its words, and where it sits in the catalog.

    `rank` is its position in browsing order (categories, then subcategories); matchers break ties by it.
    """

    subcategory_id: int
    slug: str
    name: str
    keywords: tuple[str, ...]
    category_id: int
    category_slug: str
    category_name: str
    rank: int


class ServiceMatch(msgspec.Struct, frozen=True):
    """One recognised service: `score` in (0, 1], 1 for an exact hit; `matched_on` says why, for people
    (e.g. "synonym: safai", "keyword: geyser repair", "category: Plumbing")."""

    subcategory_id: int
    slug: str
    score: float
    matched_on: str


class ServiceMatcher(Protocol):
    """Recognises services in loose customer text (typos, abbreviations, synonyms, Hinglish)."""

    def match(self, text: str, limit: int) -> list[ServiceMatch]:
        """At most `limit` matches, best first (ties in browsing order), each above the matcher's
        confidence floor; empty when nothing in the text names a service. Never raises on odd text."""
        ...


class ServiceMatcherFactory(Protocol):
    """Builds a matcher's index over a catalog. Building may be slow; matching must be fast."""

    def build(self, services: Sequence[SearchableService]) -> ServiceMatcher: ...
