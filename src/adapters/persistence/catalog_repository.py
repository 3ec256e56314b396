"""SQLAlchemy repository of catalog entries for ops (SQLite and MySQL/MariaDB): new entries are inserted
with Core to get their id, then loaded as mapped aggregates; unique slugs and codes are mapped from
IntegrityError by constraint name."""

import re
from collections.abc import Callable, Collection
from typing import Any, cast

from sqlalchemy import CursorResult, Table, delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence import tables
from adapters.persistence.errors import storage_errors
from adapters.persistence.locking import hold_write_lock
from application.catalog.errors import RateCardCodeTaken, SlugTaken
from application.catalog.ports import CatalogEntry
from domain.catalog.drafts import NewCategory, NewRateCard, NewSubcategory
from domain.catalog.entities import Category, CategoryId, RateCard, RateCardId, Subcategory, SubcategoryId
from domain.shared.pincode import Pincode

_rc = tables.rate_cards.c
_offers = tables.rate_card_pincodes
_o = _offers.c
_p = tables.pincodes.c


def violates(exc: IntegrityError, constraint: str, column: str) -> bool:
    """MariaDB names the unique key (`uq_categories_slug`); SQLite names the column (`categories.slug`)."""
    text = str(exc.orig)
    return constraint in text or re.search(rf"\b{re.escape(column)}\b", text) is not None


class SqlaCatalogRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def category(self, category_id: CategoryId) -> Category | None:
        async with storage_errors():
            return await self._session.get(Category, category_id)

    async def subcategory(self, subcategory_id: SubcategoryId) -> Subcategory | None:
        async with storage_errors():
            return await self._session.get(Subcategory, subcategory_id)

    async def rate_card(self, rate_card_id: RateCardId) -> RateCard | None:
        async with storage_errors():
            return await self._session.get(RateCard, rate_card_id)

    async def add_category(self, new: NewCategory) -> Category:
        values = {
            "slug": new.slug,
            "name": new.name,
            "description": new.description,
            "icon": new.icon,
            "sort_order": new.sort_order,
            "is_active": new.is_active,
        }
        conflict = ("uq_categories_slug", "categories.slug", lambda: SlugTaken("category", new.slug))
        found = await self.category(CategoryId(await self._insert(tables.categories, values, conflict)))
        assert found is not None
        return found

    async def add_subcategory(self, new: NewSubcategory) -> Subcategory:
        values = {
            "category_id": new.category_id,
            "slug": new.slug,
            "name": new.name,
            "description": new.description,
            "duration_minutes": new.duration_minutes,
            "inclusions": list(new.inclusions),
            "exclusions": list(new.exclusions),
            "keywords": list(new.keywords),
            "sort_order": new.sort_order,
            "is_active": new.is_active,
        }
        conflict = ("uq_subcategories_slug", "subcategories.slug", lambda: SlugTaken("subcategory", new.slug))
        found = await self.subcategory(
            SubcategoryId(await self._insert(tables.subcategories, values, conflict))
        )
        assert found is not None
        return found

    async def add_rate_card(self, new: NewRateCard) -> RateCard:
        strike = new.strike_price
        values = {
            "subcategory_id": new.subcategory_id,
            "code": new.code,
            "name": new.name,
            "description": new.description,
            "price": new.price.amount,
            "currency": new.price.currency,
            "strike_price": strike.amount if strike else None,
            "strike_currency": strike.currency if strike else None,
            "unit": new.unit,
            "is_active": new.is_active,
        }
        conflict = ("uq_rate_cards_code", "rate_cards.code", lambda: RateCardCodeTaken(new.code))
        found = await self.rate_card(RateCardId(await self._insert(tables.rate_cards, values, conflict)))
        assert found is not None
        return found

    async def save(self, entry: CatalogEntry) -> None:
        self._session.add(entry)
        async with storage_errors():
            await self._session.flush()

    async def pincodes_of(self, rate_card_id: RateCardId) -> set[Pincode]:
        lock_card = select(_rc.id).where(_rc.id == rate_card_id).with_for_update()
        offered = select(_o.pincode).where(_o.rate_card_id == rate_card_id).with_for_update()
        await hold_write_lock(self._session)  # SQLite ignores FOR UPDATE
        async with storage_errors():
            await self._session.execute(lock_card)
            return {Pincode(value) for value in (await self._session.scalars(offered)).all()}

    async def offer_at(self, rate_card_id: RateCardId, pincodes: Collection[Pincode]) -> None:
        wanted = {p.value for p in pincodes}
        current = {p.value for p in await self.pincodes_of(rate_card_id)}
        async with storage_errors():
            if gone := sorted(current - wanted):
                await self._session.execute(
                    delete(_offers).where(_o.rate_card_id == rate_card_id, _o.pincode.in_(gone))
                )
            if new := sorted(wanted - current):
                await self._session.execute(
                    insert(_offers), [{"rate_card_id": rate_card_id, "pincode": p} for p in new]
                )

    async def unknown_pincodes(self, pincodes: Collection[Pincode]) -> set[Pincode]:
        asked = {p.value for p in pincodes}
        if not asked:
            return set()
        stmt = select(_p.pincode).where(_p.pincode.in_(sorted(asked)))
        async with storage_errors():
            known = set((await self._session.scalars(stmt)).all())
        return {Pincode(value) for value in asked - known}

    async def _insert(
        self, table: Table, values: dict[str, Any], conflict: tuple[str, str, Callable[[], Exception]]
    ) -> int:
        """Insert one row and return its id; the unique key named in `conflict` becomes its error."""
        constraint, column, error = conflict
        try:
            async with storage_errors():
                result = cast(CursorResult[Any], await self._session.execute(insert(table).values(**values)))
        except IntegrityError as exc:
            await self._session.rollback()
            if violates(exc, constraint, column):
                raise error() from exc
            raise
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])
