"""The ops console's reads of the whole catalog, inactive entries included (SQLite and MySQL/MariaDB)."""

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence import tables
from adapters.persistence.errors import storage_errors
from domain.catalog.entities import Category

_c = tables.categories.c


class SqlaCatalogDirectory:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def categories(
        self, *, include_inactive: bool, limit: int, offset: int
    ) -> tuple[Sequence[Category], int]:
        where = [] if include_inactive else [_c.is_active.is_(True)]
        page = (
            select(Category).where(*where).order_by(_c.sort_order, _c.name, _c.id).limit(limit).offset(offset)
        )
        total = select(func.count()).select_from(tables.categories).where(*where)
        async with storage_errors():
            items = (await self._session.scalars(page)).all()
            count = await self._session.scalar(total)
        return items, int(count or 0)
