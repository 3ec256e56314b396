"""What the catalog use cases need from storage."""

from collections.abc import Collection, Sequence
from typing import Protocol

import msgspec

from domain.catalog.drafts import NewCategory, NewRateCard, NewSubcategory
from domain.catalog.entities import Category, CategoryId, RateCard, RateCardId, Subcategory, SubcategoryId
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


CatalogEntry = Category | Subcategory | RateCard


class CatalogRepository(Protocol):
    """Loads and saves catalog entries for ops, active or not, and where each rate card is offered.

    Changes join the current transaction: they land on the use case's commit. Raises StorageUnavailable when
    the store cannot be reached.
    """

    async def category(self, category_id: CategoryId) -> Category | None: ...

    async def subcategory(self, subcategory_id: SubcategoryId) -> Subcategory | None: ...

    async def rate_card(self, rate_card_id: RateCardId) -> RateCard | None: ...

    async def add_category(self, new: NewCategory) -> Category:
        """Store a new category with a fresh id; SlugTaken when its slug is in use."""
        ...

    async def add_subcategory(self, new: NewSubcategory) -> Subcategory:
        """Store a new subcategory with a fresh id (its category must exist); SlugTaken when its slug is in
        use."""
        ...

    async def add_rate_card(self, new: NewRateCard) -> RateCard:
        """Store a new rate card with a fresh id (its subcategory must exist); RateCardCodeTaken when its code
        is in use."""
        ...

    async def save(self, entry: CatalogEntry) -> None:
        """Write the changes made to a loaded entry."""
        ...

    async def pincodes_of(self, rate_card_id: RateCardId) -> set[Pincode]:
        """The pincodes where the rate card is offered (empty for an unknown rate card), locked until the
        transaction ends, so concurrent changes to one card's pincodes apply one after the other."""
        ...

    async def offer_at(self, rate_card_id: RateCardId, pincodes: Collection[Pincode]) -> None:
        """Offer the rate card at exactly these pincodes, all of them known, instead of the current ones."""
        ...

    async def unknown_pincodes(self, pincodes: Collection[Pincode]) -> set[Pincode]:
        """Those of `pincodes` the product does not know (not in the pincode directory)."""
        ...


class CatalogDirectory(Protocol):
    """Reads of the ops console over the whole catalog, inactive entries included."""

    async def categories(
        self, *, include_inactive: bool, limit: int, offset: int
    ) -> tuple[Sequence[Category], int]:
        """A page of categories in display order (sort order, name, id) and the total matching."""
        ...
