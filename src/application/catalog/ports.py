"""What the catalog use cases need from storage."""

from collections.abc import Sequence
from typing import Protocol

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
