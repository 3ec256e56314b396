"""SQLAlchemy implementation of the provider reader port (SQLite and MySQL/MariaDB).

Searches start from provider_pincodes(pincode, provider_id) and provider_skills(subcategory_id, provider_id);
busy intervals come from bookings(provider_id, slot_start).
"""

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence import tables as t
from adapters.persistence.errors import storage_errors
from application.provider.ports import ProviderSkill, RankPosition
from domain.catalog.entities import SubcategoryId
from domain.provider.availability import BLOCKING_STATUSES
from domain.provider.entities import Provider, ProviderId
from domain.shared.pincode import Pincode
from domain.shared.time_slot import MAX_DURATION, TimeSlot

_p = t.providers.c
_ps = t.provider_skills.c
_pp = t.provider_pincodes.c
_pc = t.pincodes.c
_b = t.bookings.c


class SqlaProviderReader:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def search(
        self,
        subcategory_id: SubcategoryId,
        pincode: Pincode,
        *,
        limit: int,
        after: RankPosition | None = None,
        works_on: int | None = None,
    ) -> Sequence[Provider]:
        stmt = (
            select(Provider)
            .join(t.provider_pincodes, and_(_pp.provider_id == _p.id, _pp.pincode == pincode.value))
            .join(t.provider_skills, and_(_ps.provider_id == _p.id, _ps.subcategory_id == subcategory_id))
            .join(t.pincodes, _pc.pincode == _pp.pincode)
            .where(_p.is_active.is_(True), _pc.is_serviceable.is_(True))
        )
        if works_on is not None:
            stmt = stmt.where(func.substr(_p.working_days, works_on + 1, 1) == "1")
        if after is not None:
            stmt = stmt.where(
                or_(
                    _p.rating_average < after.rating,
                    and_(_p.rating_average == after.rating, _p.id > after.provider_id),
                )
            )
        stmt = stmt.order_by(_p.rating_average.desc(), _p.id).limit(limit)
        async with storage_errors():
            return (await self._session.scalars(stmt)).all()

    async def get(self, provider_id: ProviderId) -> Provider | None:
        stmt = select(Provider).where(_p.id == provider_id, _p.is_active.is_(True))
        async with storage_errors():
            return (await self._session.scalars(stmt)).one_or_none()

    async def skills(self, provider_id: ProviderId) -> Sequence[ProviderSkill]:
        s, c = t.subcategories.c, t.categories.c
        stmt = (
            select(s.id, s.name, s.category_id)
            .join(t.provider_skills, _ps.subcategory_id == s.id)
            .join(t.categories, c.id == s.category_id)
            .where(_ps.provider_id == provider_id, s.is_active.is_(True), c.is_active.is_(True))
            .order_by(c.sort_order, c.name, c.id, s.sort_order, s.name, s.id)
        )
        async with storage_errors():
            rows = (await self._session.execute(stmt)).all()
        return [ProviderSkill(subcategory_id=r.id, name=r.name, category_id=r.category_id) for r in rows]

    async def served_pincodes(self, provider_id: ProviderId) -> Sequence[Pincode]:
        stmt = (
            select(_pp.pincode)
            .join(t.pincodes, _pc.pincode == _pp.pincode)
            .where(_pp.provider_id == provider_id, _pc.is_serviceable.is_(True))
            .order_by(_pp.pincode)
        )
        async with storage_errors():
            return [Pincode(p) for p in (await self._session.scalars(stmt)).all()]

    async def busy_intervals(
        self, provider_ids: Collection[ProviderId], start: datetime, end: datetime
    ) -> Mapping[ProviderId, Sequence[TimeSlot]]:
        if not provider_ids:
            return {}
        # A slot lasts at most MAX_DURATION, so the lower bound on slot_start keeps the index range short.
        stmt = (
            select(_b.provider_id, _b.slot_start, _b.slot_end)
            .where(
                _b.provider_id.in_(list(provider_ids)),
                _b.slot_start > start - MAX_DURATION,
                _b.slot_start < end,
                _b.slot_end > start,
                _b.status.in_(sorted(BLOCKING_STATUSES)),
            )
            .order_by(_b.provider_id, _b.slot_start, _b.slot_end)
        )
        async with storage_errors():
            rows = (await self._session.execute(stmt)).all()
        busy: dict[ProviderId, list[TimeSlot]] = {}
        for row in rows:
            busy.setdefault(ProviderId(row.provider_id), []).append(TimeSlot(row.slot_start, row.slot_end))
        return busy
