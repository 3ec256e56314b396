"""How a quote is priced. One policy for the quote endpoint, bookings and the assistant.

Rules:
- a line costs unit price x quantity, exactly (prices are exclusive of GST);
- the customer's saving on a line is (strike price - unit price) x quantity, zero without a strike price;
- GST is charged once on the subtotal at the configured rate and rounded half up to the paisa;
- grand total = subtotal + GST.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from domain.catalog.entities import RateCard, RateCardId
from domain.shared.errors import InvalidValue
from domain.shared.money import Money

MAX_QUANTITY = 20
MAX_LINES = 20


@dataclass(frozen=True, slots=True)
class QuoteLine:
    rate_card_id: RateCardId
    name: str
    unit_price: Money
    quantity: int
    line_total: Money
    savings: Money


@dataclass(frozen=True, slots=True)
class Quote:
    lines: tuple[QuoteLine, ...]
    subtotal: Money
    savings: Money
    gst_rate: Decimal
    gst: Money
    total: Money


@dataclass(frozen=True, slots=True)
class PricingPolicy:
    gst_rate: Decimal = Decimal("0.18")

    def __post_init__(self) -> None:
        if not Decimal(0) <= self.gst_rate < Decimal(1):
            raise InvalidValue("gst_rate", "GST rate must be between 0 and 1")

    def quote(self, lines: Sequence[tuple[RateCard, int]]) -> Quote:
        """Price (rate card, quantity) pairs. Raises InvalidValue for an empty quote, too many lines, a
        repeated rate card or a quantity outside 1..MAX_QUANTITY."""
        if not lines:
            raise InvalidValue("items", "a quote needs at least one item")
        if len(lines) > MAX_LINES:
            raise InvalidValue("items", f"a quote has at most {MAX_LINES} items")
        if len({card.id for card, _ in lines}) != len(lines):
            raise InvalidValue("items", "each rate card may appear once; raise its quantity instead")
        priced = tuple(self._line(card, quantity) for card, quantity in lines)
        currency = priced[0].unit_price.currency
        subtotal = sum((line.line_total for line in priced), Money.zero(currency))
        savings = sum((line.savings for line in priced), Money.zero(currency))
        gst = subtotal.times(self.gst_rate)
        return Quote(
            lines=priced,
            subtotal=subtotal,
            savings=savings,
            gst_rate=self.gst_rate,
            gst=gst,
            total=subtotal + gst,
        )

    @staticmethod
    def _line(card: RateCard, quantity: int) -> QuoteLine:
        if not 1 <= quantity <= MAX_QUANTITY:
            raise InvalidValue("quantity", f"quantity must be 1 to {MAX_QUANTITY}")
        return QuoteLine(
            rate_card_id=card.id,
            name=card.name,
            unit_price=card.price,
            quantity=quantity,
            line_total=card.price.times(quantity),
            savings=card.savings.times(quantity),
        )
