"""SQLAlchemy implementation of the catalog reader port (SQLite and MySQL/MariaDB)."""

from collections.abc import Sequence

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence import tables
from adapters.persistence.errors import storage_errors
from domain.catalog.entities import Category, CategoryId, RateCard, Subcategory, SubcategoryId
from domain.shared.pincode import Pincode

_c = tables.categories.c
_s = tables.subcategories.c
_r = tables.rate_cards.c


class SqlaCatalogReader:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def list_categories(self) -> Sequence[Category]:
        stmt = select(Category).where(_c.is_active.is_(True)).order_by(_c.sort_order, _c.name, _c.id)
        async with storage_errors():
            return (await self._session.scalars(stmt)).all()

    async def get_category(self, category_id: CategoryId) -> Category | None:
        stmt = select(Category).where(_c.id == category_id, _c.is_active.is_(True))
        async with storage_errors():
            return (await self._session.scalars(stmt)).one_or_none()

    async def list_subcategories(self, category_id: CategoryId) -> Sequence[Subcategory]:
        stmt = (
            select(Subcategory)
            .where(_s.category_id == category_id, _s.is_active.is_(True))
            .order_by(_s.sort_order, _s.name, _s.id)
        )
        async with storage_errors():
            return (await self._session.scalars(stmt)).all()

    async def get_subcategory(self, subcategory_id: SubcategoryId) -> Subcategory | None:
        stmt = (
            select(Subcategory)
            .join(tables.categories, _c.id == _s.category_id)
            .where(_s.id == subcategory_id, _s.is_active.is_(True), _c.is_active.is_(True))
        )
        async with storage_errors():
            return (await self._session.scalars(stmt)).one_or_none()

    async def list_rate_cards(
        self, subcategory_id: SubcategoryId, pincode: Pincode | None = None
    ) -> Sequence[RateCard]:
        stmt = select(RateCard).where(_r.subcategory_id == subcategory_id, _r.is_active.is_(True))
        if pincode is not None:
            rp = tables.rate_card_pincodes.c
            p = tables.pincodes.c
            stmt = (
                stmt.join(tables.rate_card_pincodes, rp.rate_card_id == _r.id)
                .join(tables.pincodes, p.pincode == rp.pincode)
                .where(rp.pincode == pincode.value, p.is_serviceable.is_(True))
            )
        stmt = stmt.order_by(_r.price, _r.id)
        async with storage_errors():
            return (await self._session.scalars(stmt)).all()

    async def is_serviceable(self, pincode: Pincode) -> bool:
        p = tables.pincodes.c
        stmt = select(exists().where(p.pincode == pincode.value, p.is_serviceable.is_(True)))
        async with storage_errors():
            return bool(await self._session.scalar(stmt))
