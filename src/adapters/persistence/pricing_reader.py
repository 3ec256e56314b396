"""SQLAlchemy implementation of the pricing reader."""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence import tables as t
from adapters.persistence.errors import storage_errors
from domain.catalog.entities import RateCard, RateCardId
from domain.shared.pincode import Pincode


class SqlaPricingReader:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def rate_cards(self, ids: Sequence[RateCardId]) -> dict[RateCardId, RateCard]:
        if not ids:
            return {}
        r, s, c = t.rate_cards.c, t.subcategories.c, t.categories.c
        stmt = (
            select(RateCard)
            .join(t.subcategories, s.id == r.subcategory_id)
            .join(t.categories, c.id == s.category_id)
            .where(r.id.in_(list(ids)), r.is_active.is_(True), s.is_active.is_(True), c.is_active.is_(True))
        )
        async with storage_errors():
            return {card.id: card for card in (await self._session.scalars(stmt)).all()}

    async def offered_at(self, ids: Sequence[RateCardId], pincode: Pincode) -> set[RateCardId]:
        if not ids:
            return set()
        rp, p = t.rate_card_pincodes.c, t.pincodes.c
        stmt = (
            select(rp.rate_card_id)
            .join(t.pincodes, p.pincode == rp.pincode)
            .where(rp.pincode == pincode.value, rp.rate_card_id.in_(list(ids)), p.is_serviceable.is_(True))
        )
        async with storage_errors():
            return {RateCardId(row) for row in (await self._session.scalars(stmt)).all()}
