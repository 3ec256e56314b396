"""SQLAlchemy adapter of the ops booking port: any customer's bookings, for staff."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence import tables as t
from adapters.persistence.errors import storage_errors
from adapters.persistence.locking import hold_write_lock
from domain.booking.entities import Booking, BookingId, BookingStatus

_b = t.bookings.c


class SqlaOpsBookingStore:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get_for_update(self, booking_id: BookingId) -> Booking | None:
        await hold_write_lock(self._session)
        stmt = select(Booking).where(_b.id == booking_id).with_for_update()
        async with storage_errors():
            return (await self._session.scalars(stmt)).one_or_none()

    async def starting_between(
        self,
        starts_from: datetime,
        starts_before: datetime,
        *,
        status: BookingStatus | None,
        limit: int,
        offset: int,
    ) -> tuple[Sequence[Booking], int]:
        criteria = [_b.slot_start >= starts_from, _b.slot_start < starts_before]
        if status is not None:
            criteria.append(_b.status == status)
        page = select(Booking).where(*criteria).order_by(_b.slot_start, _b.id).limit(limit).offset(offset)
        count = select(func.count()).select_from(t.bookings).where(*criteria)
        async with storage_errors():
            total = (await self._session.execute(count)).scalar_one()
            found = (await self._session.scalars(page)).all()
        return found, int(total)
