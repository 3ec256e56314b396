"""What a customer message names: services, when, pincode, booking reference, quantity, budget."""

from datetime import datetime
from decimal import Decimal

import msgspec

from application.common.ports import Clock
from application.nlp.ports import Entities, EntityExtractor
from application.nlp.text import NlpText, checked_text


class ServiceView(msgspec.Struct, frozen=True):
    subcategory_id: int
    name: str
    matched_text: str
    score: float


class WindowView(msgspec.Struct, frozen=True):
    start: datetime
    end: datetime
    text: str


class BudgetView(msgspec.Struct, frozen=True):
    amount: Decimal
    currency: str


class EntitiesResult(msgspec.Struct, frozen=True):
    services: list[ServiceView]
    when: WindowView | None
    pincode: str | None
    booking_reference: str | None
    quantity: int | None
    budget: BudgetView | None

    @classmethod
    def of(cls, found: Entities) -> "EntitiesResult":
        when = found.when
        return cls(
            services=[
                ServiceView(s.subcategory_id, s.name, s.matched_text, round(s.score, 4))
                for s in found.services
            ],
            when=WindowView(when.start, when.end, when.text) if when else None,
            pincode=found.pincode,
            booking_reference=found.booking_reference,
            quantity=found.quantity,
            budget=BudgetView(found.budget.amount, found.budget.currency) if found.budget else None,
        )


class ExtractEntities:
    """Anyone may extract entities; nothing is stored. Dates and times are resolved against the clock's
    now, in Asia/Kolkata, preferring the future. Raises InvalidInput for blank or over-long text and
    StorageUnavailable when the catalog (for services) cannot be read.
    """

    def __init__(self, extractor: EntityExtractor, clock: Clock) -> None:
        self._extractor = extractor
        self._clock = clock

    async def execute(self, query: NlpText) -> EntitiesResult:
        found = await self._extractor.extract(checked_text(query), now=self._clock.now())
        return EntitiesResult.of(found)
