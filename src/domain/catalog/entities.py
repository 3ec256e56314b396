"""The service catalog: what can be booked, grouped for browsing, and priced by rate cards."""

from dataclasses import dataclass, field
from typing import NewType

from domain.catalog.errors import InvalidRateCard
from domain.shared.money import Money

CategoryId = NewType("CategoryId", int)
SubcategoryId = NewType("SubcategoryId", int)
RateCardId = NewType("RateCardId", int)


@dataclass(eq=False, kw_only=True)
class Category:
    """A top-level group of services (Home Cleaning, Plumbing, ...); inactive ones are hidden."""

    id: CategoryId
    slug: str
    name: str
    description: str
    icon: str = ""
    sort_order: int = 0
    is_active: bool = True


@dataclass(eq=False, kw_only=True)
class Subcategory:
    """A bookable service in a category (Full Home Deep Cleaning): what it includes and how long it takes."""

    id: SubcategoryId
    category_id: CategoryId
    slug: str
    name: str
    description: str
    duration_minutes: int
    inclusions: list[str] = field(default_factory=list)
    exclusions: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    sort_order: int = 0
    is_active: bool = True


@dataclass(eq=False, kw_only=True)
class RateCard:
    """A priced variant of a subcategory (e.g. "2 BHK"), offered at a set of pincodes.

    Prices exclude GST, which the pricing policy adds. A strike price, when shown, is the higher
    reference price the customer saves against; it must exceed the price and share its currency.
    """

    id: RateCardId
    subcategory_id: SubcategoryId
    code: str
    name: str
    description: str
    price: Money
    strike_price: Money | None = None
    unit: str = ""
    is_active: bool = True

    def __post_init__(self) -> None:
        if self.price.is_negative:
            raise InvalidRateCard(self.code, "price cannot be negative")
        if self.strike_price is not None:
            if self.strike_price.currency != self.price.currency:
                raise InvalidRateCard(self.code, "strike price must be in the price's currency")
            if self.strike_price <= self.price:
                raise InvalidRateCard(self.code, "strike price must be higher than the price")

    @property
    def savings(self) -> Money:
        """How much the customer saves against the strike price (zero without one)."""
        if self.strike_price is None:
            return Money.zero(self.price.currency)
        return self.strike_price - self.price
