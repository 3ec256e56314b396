"""Cache keys of catalog reads. Bump VERSION when a cached shape changes."""

from datetime import timedelta

VERSION = "v1"
PREFIX = f"catalog:{VERSION}:"
TTL = timedelta(minutes=5)


def categories() -> str:
    return f"{PREFIX}categories"


def subcategories(category_id: int) -> str:
    return f"{PREFIX}category:{category_id}:subcategories"


def rate_cards(subcategory_id: int, pincode: str | None) -> str:
    return f"{PREFIX}subcategory:{subcategory_id}:rate-cards:{pincode or 'all'}"


def search_catalog() -> str:
    return f"{PREFIX}search:services"


PROVIDER_TTL = timedelta(minutes=1)


def providers(subcategory_id: int, pincode: str, limit: int, cursor: str | None) -> str:
    """Provider listings without a date: kept a minute (ratings move), dropped with the catalog."""
    return f"{PREFIX}providers:{subcategory_id}:{pincode}:{limit}:{cursor or '-'}"
