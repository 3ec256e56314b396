"""What the catalog's ops use cases share: the permissions, loading entries with the errors clients see,
optional fields of changes, and the pincode lists of offers."""

from collections.abc import Sequence
from typing import TypeVar

import msgspec

from application.catalog.errors import (
    CategoryNotFound,
    RateCardNotFound,
    SubcategoryNotFound,
    UnknownPincodes,
)
from application.catalog.ports import CatalogRepository
from application.common.errors import InvalidInput
from domain.catalog.entities import Category, CategoryId, RateCard, RateCardId, Subcategory, SubcategoryId
from domain.shared.pincode import Pincode

MANAGE = "catalog.manage"
VIEW = "catalog.view"
MAX_PINCODES = 500
T = TypeVar("T")


def given(value: T | msgspec.UnsetType) -> T | None:
    """None for a field the change leaves out (the domain's "leave as it is")."""
    return None if isinstance(value, msgspec.UnsetType) else value


async def load_category(catalog: CatalogRepository, category_id: int) -> Category:
    """Active or not; raises CategoryNotFound (404)."""
    category = await catalog.category(CategoryId(category_id))
    if category is None:
        raise CategoryNotFound(category_id)
    return category


async def load_subcategory(catalog: CatalogRepository, subcategory_id: int) -> Subcategory:
    """Active or not; raises SubcategoryNotFound (404)."""
    subcategory = await catalog.subcategory(SubcategoryId(subcategory_id))
    if subcategory is None:
        raise SubcategoryNotFound(subcategory_id)
    return subcategory


async def load_rate_card(catalog: CatalogRepository, rate_card_id: int) -> RateCard:
    """Active or not; raises RateCardNotFound (404)."""
    card = await catalog.rate_card(RateCardId(rate_card_id))
    if card is None:
        raise RateCardNotFound(rate_card_id)
    return card


def parse_pincodes(values: Sequence[str], *, field: str) -> set[Pincode]:
    """At most MAX_PINCODES (InvalidInput), each a valid pincode (InvalidPincode); duplicates collapse."""
    if len(values) > MAX_PINCODES:
        raise InvalidInput(field, f"at most {MAX_PINCODES} pincodes at once")
    return {Pincode.parse(value) for value in values}


async def require_known(catalog: CatalogRepository, pincodes: set[Pincode]) -> None:
    """Raises UnknownPincodes (422) listing, in order, those the pincode directory does not know."""
    unknown = await catalog.unknown_pincodes(pincodes) if pincodes else set()
    if unknown:
        raise UnknownPincodes(sorted(p.value for p in unknown))
