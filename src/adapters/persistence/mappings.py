"""Imperative mapping of the pure domain classes onto the tables. Call `map_tables()` once per process."""

from sqlalchemy.orm import composite, registry

from adapters.persistence import tables
from domain.catalog.entities import Category, RateCard, Subcategory
from domain.shared.money import Money

mapper_registry = registry(metadata=tables.metadata)
_mapped = False


def _no_amount(amount: object, currency: object) -> bool:
    return amount is None


def map_tables() -> None:
    """Map every aggregate and entity. Idempotent, so app, worker, CLI, tests and alembic can all call it."""
    global _mapped  # noqa: PLW0603 - mapping is process-wide state in SQLAlchemy itself
    if _mapped:
        return
    mapper_registry.map_imperatively(Category, tables.categories)
    mapper_registry.map_imperatively(Subcategory, tables.subcategories)
    rc = tables.rate_cards.c
    mapper_registry.map_imperatively(
        RateCard,
        tables.rate_cards,
        properties={
            "_price_amount": rc.price,
            "_currency": rc.currency,
            "_strike_amount": rc.strike_price,
            "_strike_currency": rc.strike_currency,
            "price": composite(Money, rc.price, rc.currency),
            "strike_price": composite(Money, rc.strike_price, rc.strike_currency, return_none_on=_no_amount),
        },
    )
    _mapped = True
