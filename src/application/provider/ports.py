"""What the provider queries need from storage."""

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Protocol

import msgspec

from domain.catalog.entities import SubcategoryId
from domain.provider.entities import Provider, ProviderId
from domain.shared.pincode import Pincode
from domain.shared.time_slot import TimeSlot


class RankPosition(msgspec.Struct, frozen=True):
    """A place in the providers' ranking (best rated first, then by id): where a page ended."""

    rating: Decimal
    provider_id: int

    @classmethod
    def of(cls, provider: Provider) -> "RankPosition":
        return cls(rating=provider.rating_average, provider_id=provider.id)


class ProviderSkill(msgspec.Struct, frozen=True):
    subcategory_id: int
    name: str
    category_id: int


class ProviderReader(Protocol):
    """Read access to providers. Inactive providers are invisible; so are skills in inactive subcategories
    or categories, and pincodes that are not serviceable. Raises StorageUnavailable when the store cannot be
    reached."""

    async def search(
        self,
        subcategory_id: SubcategoryId,
        pincode: Pincode,
        *,
        limit: int,
        after: RankPosition | None = None,
        works_on: int | None = None,
    ) -> Sequence[Provider]:
        """At most `limit` active providers with this skill who serve this pincode, best rated first and then
        by id; none when the pincode is unknown or not serviceable. With `after`, only those ranked after
        that position; with `works_on` (a weekday, Monday 0), only those who work that day."""
        ...

    async def get(self, provider_id: ProviderId) -> Provider | None:
        """The active provider with this id, or None."""
        ...

    async def skills(self, provider_id: ProviderId) -> Sequence[ProviderSkill]:
        """The provider's visible skills in browsing order (category, then subcategory display order)."""
        ...

    async def served_pincodes(self, provider_id: ProviderId) -> Sequence[Pincode]:
        """The serviceable pincodes the provider serves, ascending."""
        ...

    async def busy_intervals(
        self, provider_ids: Collection[ProviderId], start: datetime, end: datetime
    ) -> Mapping[ProviderId, Sequence[TimeSlot]]:
        """The slots of the providers' bookings that block new work (pending, confirmed, in progress) and
        overlap [start, end), earliest first, by provider; providers with none are left out."""
        ...
