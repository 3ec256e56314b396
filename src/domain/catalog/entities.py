"""The service catalog: what can be booked, grouped for browsing, and priced by rate cards."""

from dataclasses import dataclass, field
from typing import NewType

from domain.catalog import rules
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

    def revise(
        self,
        *,
        name: str | None = None,
        description: str | None = None,
        icon: str | None = None,
        sort_order: int | None = None,
    ) -> None:
        """Change what customers see; None leaves a field as it is. The slug never changes (links keep
        working). Raises InvalidCatalogValue, changing nothing."""
        name = rules.title(name, max_length=120) if name is not None else self.name
        description = (
            rules.text(description, field="description") if description is not None else self.description
        )
        icon = rules.text(icon, field="icon", max_length=40) if icon is not None else self.icon
        sort_order = rules.sort_order(sort_order) if sort_order is not None else self.sort_order
        self.name, self.description, self.icon, self.sort_order = name, description, icon, sort_order

    def deactivate(self) -> None:
        """Hide the category, and with it every service in it, from customers."""
        self.is_active = False

    def reactivate(self) -> None:
        self.is_active = True


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

    def revise(
        self,
        *,
        name: str | None = None,
        description: str | None = None,
        duration_minutes: int | None = None,
        inclusions: list[str] | None = None,
        exclusions: list[str] | None = None,
        keywords: list[str] | None = None,
        sort_order: int | None = None,
    ) -> None:
        """Change the service's description, duration, lists or position; None leaves a field as it is.
        Lists are replaced whole. Raises InvalidCatalogValue, changing nothing."""
        name = rules.title(name, max_length=150) if name is not None else self.name
        description = (
            rules.text(description, field="description") if description is not None else self.description
        )
        duration_minutes = (
            rules.duration(duration_minutes) if duration_minutes is not None else self.duration_minutes
        )
        inclusions = (
            rules.phrases(inclusions, field="inclusions") if inclusions is not None else self.inclusions
        )
        exclusions = (
            rules.phrases(exclusions, field="exclusions") if exclusions is not None else self.exclusions
        )
        keywords = rules.phrases(keywords, field="keywords") if keywords is not None else self.keywords
        sort_order = rules.sort_order(sort_order) if sort_order is not None else self.sort_order
        self.name, self.description, self.duration_minutes = name, description, duration_minutes
        self.inclusions, self.exclusions, self.keywords = inclusions, exclusions, keywords
        self.sort_order = sort_order

    def deactivate(self) -> None:
        """Hide the service and its rate cards from customers."""
        self.is_active = False

    def reactivate(self) -> None:
        """Show the service again (customers see it only while its category is active too)."""
        self.is_active = True


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
        self.check_prices(self.code, self.price, self.strike_price)

    @staticmethod
    def check_prices(code: str, price: Money, strike_price: Money | None) -> None:
        """Raise InvalidRateCard unless the price is not negative and a strike price, if any, is higher and in
        the same currency."""
        if price.is_negative:
            raise InvalidRateCard(code, "price cannot be negative")
        if strike_price is not None:
            if strike_price.currency != price.currency:
                raise InvalidRateCard(code, "strike price must be in the price's currency")
            if strike_price <= price:
                raise InvalidRateCard(code, "strike price must be higher than the price")

    def reprice(self, *, price: Money, strike_price: Money | None) -> None:
        """Set both prices at once (the rules compare them); InvalidRateCard changes nothing."""
        self.check_prices(self.code, price, strike_price)
        self.price = price
        self.strike_price = strike_price

    def revise(
        self, *, name: str | None = None, description: str | None = None, unit: str | None = None
    ) -> None:
        """Change the variant's name, description or unit; None leaves a field as it is. The code never
        changes. Raises InvalidCatalogValue, changing nothing."""
        name = rules.title(name, max_length=150) if name is not None else self.name
        description = (
            rules.text(description, field="description") if description is not None else self.description
        )
        unit = rules.text(unit, field="unit", max_length=40) if unit is not None else self.unit
        self.name, self.description, self.unit = name, description, unit

    def deactivate(self) -> None:
        """Stop offering this variant; customers no longer see or book it."""
        self.is_active = False

    def reactivate(self) -> None:
        self.is_active = True

    @property
    def savings(self) -> Money:
        """How much the customer saves against the strike price (zero without one)."""
        if self.strike_price is None:
            return Money.zero(self.price.currency)
        return self.strike_price - self.price
