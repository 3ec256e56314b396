"""Quoting at a pincode with an in-memory pricing reader."""

from collections.abc import Sequence
from decimal import Decimal

import pytest

from application.pricing.errors import NotOfferedAtPincode, RateCardNotFound
from application.pricing.queries.quote_services import QuoteItem, QuoteServices, QuoteServicesHandler
from domain.catalog.entities import RateCard, RateCardId
from domain.pricing.policy import PricingPolicy
from domain.shared.pincode import InvalidPincode, Pincode
from tests.fakes import sample_catalog


class FakePricingReader:
    def __init__(self) -> None:
        catalog = sample_catalog()
        self.cards = {c.id: c for c in catalog.rate_cards if c.is_active}
        self.offers = catalog.offers
        self.serviceable = catalog.serviceable
        self.calls = 0

    async def rate_cards(self, ids: Sequence[RateCardId]) -> dict[RateCardId, RateCard]:
        self.calls += 1
        return {i: self.cards[i] for i in ids if i in self.cards}

    async def offered_at(self, ids: Sequence[RateCardId], pincode: Pincode) -> set[RateCardId]:
        self.calls += 1
        if not self.serviceable.get(pincode.value):
            return set()
        return {i for i in ids if pincode.value in self.offers.get(i, set())}


@pytest.fixture
def reader() -> FakePricingReader:
    return FakePricingReader()


def handler(reader: FakePricingReader) -> QuoteServicesHandler:
    return QuoteServicesHandler(reader, PricingPolicy(gst_rate=Decimal("0.18")))


async def test_quote_prices_each_line_and_adds_gst_when_items_are_offered(reader: FakePricingReader) -> None:
    view = await handler(reader).execute(
        QuoteServices(
            pincode="560034",
            items=[QuoteItem(rate_card_id=100, quantity=1), QuoteItem(rate_card_id=101, quantity=2)],
        )
    )
    assert [(line.rate_card_id, line.line_total) for line in view.lines] == [
        (100, Decimal("4499.00")),
        (101, Decimal("6998.00")),
    ]
    assert view.subtotal == Decimal("11497.00")
    assert view.savings == Decimal("800.00")
    assert view.gst == Decimal("2069.46")
    assert view.total == Decimal("13566.46")


async def test_malformed_pincode_is_refused_before_reading_when_quoted(reader: FakePricingReader) -> None:
    with pytest.raises(InvalidPincode):
        await handler(reader).execute(
            QuoteServices(pincode="05603", items=[QuoteItem(rate_card_id=100, quantity=1)])
        )
    assert reader.calls == 0


async def test_unknown_or_inactive_rate_card_is_not_found_when_quoted(reader: FakePricingReader) -> None:
    for missing in (999, 102):
        with pytest.raises(RateCardNotFound):
            await handler(reader).execute(
                QuoteServices(pincode="560034", items=[QuoteItem(rate_card_id=missing, quantity=1)])
            )


async def test_rate_card_sold_elsewhere_is_refused_with_its_id_when_quoted(reader: FakePricingReader) -> None:
    with pytest.raises(NotOfferedAtPincode) as caught:
        await handler(reader).execute(
            QuoteServices(pincode="400050", items=[QuoteItem(rate_card_id=101, quantity=1)])
        )
    assert caught.value.rate_card_ids == [101]
    with pytest.raises(NotOfferedAtPincode):
        await handler(reader).execute(
            QuoteServices(pincode="110017", items=[QuoteItem(rate_card_id=100, quantity=1)])
        )
