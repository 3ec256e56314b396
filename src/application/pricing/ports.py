"""What pricing needs to read."""

from collections.abc import Sequence
from typing import Protocol

from domain.catalog.entities import RateCard, RateCardId
from domain.shared.pincode import Pincode


class PricingReader(Protocol):
    """Raises StorageUnavailable when the store cannot be reached."""

    async def rate_cards(self, ids: Sequence[RateCardId]) -> dict[RateCardId, RateCard]:
        """The active rate cards among `ids` whose subcategory and category are active; unknown ids absent."""
        ...

    async def offered_at(self, ids: Sequence[RateCardId], pincode: Pincode) -> set[RateCardId]:
        """Which of `ids` are offered at the pincode (none when it is unknown or not serviceable)."""
        ...
