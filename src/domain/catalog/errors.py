"""Rules of the catalog."""

from domain.shared.errors import DomainError, InvalidValue


class InvalidRateCard(DomainError):
    """A rate card's prices break a pricing rule."""

    code = "invalid_rate_card"

    def __init__(self, rate_card_code: str, reason: str) -> None:
        super().__init__(f"rate card {rate_card_code}: {reason}")
        self.rate_card_code = rate_card_code
        self.reason = reason


class InvalidCatalogValue(InvalidValue):
    """A catalog field breaks its format or range (slug, code, name, duration, list of phrases, ...)."""

    code = "invalid_catalog_value"
