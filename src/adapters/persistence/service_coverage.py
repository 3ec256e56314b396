"""SQLAlchemy implementation of the service coverage port: which categories can be booked at a pincode."""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence import tables as t
from adapters.persistence.errors import storage_errors
from domain.catalog.entities import Category
from domain.shared.pincode import Pincode


class SqlaServiceCoverage:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def categories_offered_at(self, pincode: Pincode) -> Sequence[Category]:
        c, s, r = t.categories.c, t.subcategories.c, t.rate_cards.c
        rp, p = t.rate_card_pincodes.c, t.pincodes.c
        offered = (
            select(rp.rate_card_id)
            .join(t.pincodes, p.pincode == rp.pincode)
            .join(t.rate_cards, r.id == rp.rate_card_id)
            .join(t.subcategories, s.id == r.subcategory_id)
            .where(
                rp.pincode == pincode.value,
                p.is_serviceable.is_(True),
                r.is_active.is_(True),
                s.is_active.is_(True),
                s.category_id == c.id,
            )
            .exists()
        )
        stmt = select(Category).where(c.is_active.is_(True), offered).order_by(c.sort_order, c.name, c.id)
        async with storage_errors():
            return (await self._session.scalars(stmt)).all()
