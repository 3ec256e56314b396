"""New catalog entries as ops propose them: checked by the same rules as the entities, before the store gives
them an id. Constructing one cleans its text fields or raises InvalidCatalogValue / InvalidRateCard."""

from dataclasses import dataclass, field

from domain.catalog import rules
from domain.catalog.entities import CategoryId, RateCard, SubcategoryId
from domain.shared.money import Money


@dataclass(frozen=True, kw_only=True)
class NewCategory:
    slug: str
    name: str
    description: str = ""
    icon: str = ""
    sort_order: int = 0
    is_active: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "slug", rules.slug(self.slug, max_length=80))
        object.__setattr__(self, "name", rules.title(self.name, max_length=120))
        object.__setattr__(self, "description", rules.text(self.description, field="description"))
        object.__setattr__(self, "icon", rules.text(self.icon, field="icon", max_length=40))
        rules.sort_order(self.sort_order)


@dataclass(frozen=True, kw_only=True)
class NewSubcategory:
    category_id: CategoryId
    slug: str
    name: str
    duration_minutes: int
    description: str = ""
    inclusions: list[str] = field(default_factory=list)
    exclusions: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    sort_order: int = 0
    is_active: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "slug", rules.slug(self.slug, max_length=100))
        object.__setattr__(self, "name", rules.title(self.name, max_length=150))
        object.__setattr__(self, "description", rules.text(self.description, field="description"))
        rules.duration(self.duration_minutes)
        for name in ("inclusions", "exclusions", "keywords"):
            object.__setattr__(self, name, rules.phrases(getattr(self, name), field=name))
        rules.sort_order(self.sort_order)


@dataclass(frozen=True, kw_only=True)
class NewRateCard:
    """Prices follow the RateCard's rules: not negative, a strike price above the price, one currency."""

    subcategory_id: SubcategoryId
    code: str
    name: str
    price: Money
    strike_price: Money | None = None
    description: str = ""
    unit: str = ""
    is_active: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", rules.code(self.code))
        object.__setattr__(self, "name", rules.title(self.name, max_length=150))
        object.__setattr__(self, "description", rules.text(self.description, field="description"))
        object.__setattr__(self, "unit", rules.text(self.unit, field="unit", max_length=40))
        RateCard.check_prices(self.code, self.price, self.strike_price)
