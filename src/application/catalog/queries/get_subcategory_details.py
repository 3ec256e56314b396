"""Show one service in full: what it includes, how long it takes, and what it costs (optionally at a
pincode)."""

import msgspec

from application.catalog.errors import SubcategoryNotFound
from application.catalog.ports import CatalogReader
from application.catalog.views import RateCardView
from domain.catalog.entities import SubcategoryId
from domain.shared.pincode import Pincode


class GetSubcategoryDetailsQuery(msgspec.Struct, frozen=True):
    subcategory_id: int
    pincode: str | None = None


class SubcategoryDetails(msgspec.Struct, frozen=True):
    id: int
    slug: str
    name: str
    description: str
    duration_minutes: int
    inclusions: list[str]
    exclusions: list[str]
    category_id: int
    category_slug: str
    category_name: str
    pincode: str | None
    serviceable: bool | None
    rate_cards: list[RateCardView]


class GetSubcategoryDetails:
    """Anyone may see an active service of an active category with its active rate cards, cheapest first.

    With a pincode, only the rate cards offered there are listed and `serviceable` says whether the pincode
    is served at all. Raises InvalidPincode for a malformed pincode (before any lookup) and
    SubcategoryNotFound for an unknown or inactive service.
    """

    def __init__(self, reader: CatalogReader) -> None:
        self._reader = reader

    async def execute(self, query: GetSubcategoryDetailsQuery) -> SubcategoryDetails:
        pincode = Pincode.parse(query.pincode) if query.pincode is not None else None
        subcategory = await self._reader.get_subcategory(SubcategoryId(query.subcategory_id))
        category = await self._reader.get_category(subcategory.category_id) if subcategory else None
        if subcategory is None or category is None:
            raise SubcategoryNotFound(query.subcategory_id)
        rate_cards = await self._reader.list_rate_cards(subcategory.id, pincode)
        return SubcategoryDetails(
            id=subcategory.id,
            slug=subcategory.slug,
            name=subcategory.name,
            description=subcategory.description,
            duration_minutes=subcategory.duration_minutes,
            inclusions=list(subcategory.inclusions),
            exclusions=list(subcategory.exclusions),
            category_id=category.id,
            category_slug=category.slug,
            category_name=category.name,
            pincode=pincode.value if pincode else None,
            serviceable=await self._reader.is_serviceable(pincode) if pincode else None,
            rate_cards=[RateCardView.of(r) for r in rate_cards],
        )
