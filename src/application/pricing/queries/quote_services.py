"""Price a basket of services at a pincode before booking."""

from decimal import Decimal

import msgspec

from application.pricing.errors import NotOfferedAtPincode, RateCardNotFound
from application.pricing.ports import PricingReader
from domain.catalog.entities import RateCardId
from domain.pricing.policy import PricingPolicy, Quote
from domain.shared.pincode import Pincode


class QuoteItem(msgspec.Struct, frozen=True):
    rate_card_id: int
    quantity: int


class QuoteServices(msgspec.Struct, frozen=True):
    pincode: str
    items: list[QuoteItem]


class QuoteLineView(msgspec.Struct, frozen=True):
    rate_card_id: int
    name: str
    unit_price: Decimal
    quantity: int
    line_total: Decimal
    savings: Decimal


class QuoteView(msgspec.Struct, frozen=True):
    pincode: str
    currency: str
    lines: list[QuoteLineView]
    subtotal: Decimal
    savings: Decimal
    gst_rate: Decimal
    gst: Decimal
    total: Decimal

    @classmethod
    def of(cls, pincode: Pincode, quote: Quote) -> "QuoteView":
        return cls(
            pincode=pincode.value,
            currency=quote.total.currency,
            lines=[
                QuoteLineView(
                    rate_card_id=line.rate_card_id,
                    name=line.name,
                    unit_price=line.unit_price.amount,
                    quantity=line.quantity,
                    line_total=line.line_total.amount,
                    savings=line.savings.amount,
                )
                for line in quote.lines
            ],
            subtotal=quote.subtotal.amount,
            savings=quote.savings.amount,
            gst_rate=quote.gst_rate,
            gst=quote.gst.amount,
            total=quote.total.amount,
        )


class QuoteServicesHandler:
    """Anyone may ask. Raises InvalidPincode (malformed), InvalidValue (bad quantities or items),
    RateCardNotFound (unknown or inactive id) and NotOfferedAtPincode (sold elsewhere, or the pincode is not
    served). Prices come from the same PricingPolicy bookings use."""

    def __init__(self, reader: PricingReader, policy: PricingPolicy) -> None:
        self._reader = reader
        self._policy = policy

    async def execute(self, query: QuoteServices) -> QuoteView:
        pincode = Pincode.parse(query.pincode)
        ids = [RateCardId(item.rate_card_id) for item in query.items]
        cards = await self._reader.rate_cards(ids)
        missing = [i for i in ids if i not in cards]
        if missing:
            raise RateCardNotFound(missing[0])
        offered = await self._reader.offered_at(ids, pincode)
        refused = [i for i in ids if i not in offered]
        if refused:
            raise NotOfferedAtPincode([int(i) for i in refused], pincode.value)
        quote = self._policy.quote(
            [(cards[RateCardId(item.rate_card_id)], item.quantity) for item in query.items]
        )
        return QuoteView.of(pincode, quote)
