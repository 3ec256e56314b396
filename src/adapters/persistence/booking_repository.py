"""SQLAlchemy adapters of the booking ports: allocation under provider row locks, and a customer's reads.

On MariaDB the providers' rows are locked FOR UPDATE and their bookings re-read with a locking read (which
sees the latest committed rows, not the transaction's snapshot), so two allocations for one provider run one
after the other. SQLite ignores FOR UPDATE: there the session takes the database's write lock first
(adapters.persistence.locking).
"""

from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from adapters.persistence import tables as t
from adapters.persistence.errors import storage_errors
from adapters.persistence.locking import hold_write_lock
from application.booking.errors import ReferenceTaken
from domain.booking.entities import Booking, BookingId, BookingStatus
from domain.booking.reference import BookingReference
from domain.customer.entities import CustomerId
from domain.provider.availability import BLOCKING_STATUSES
from domain.provider.entities import ProviderId
from domain.shared.time_slot import MAX_DURATION, TimeSlot

_b = t.bookings.c
_p = t.providers.c


class SqlaBookingRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def lock_providers(
        self, provider_ids: Collection[ProviderId], start: datetime, end: datetime
    ) -> Mapping[ProviderId, Sequence[TimeSlot]]:
        if not provider_ids:
            return {}
        ids = sorted(provider_ids)
        lock = select(_p.id).where(_p.id.in_(ids)).order_by(_p.id).with_for_update()
        busy_stmt = (
            select(_b.provider_id, _b.slot_start, _b.slot_end)
            .where(
                _b.provider_id.in_(ids),
                _b.slot_start > start - MAX_DURATION,
                _b.slot_start < end,
                _b.slot_end > start,
                _b.status.in_(sorted(BLOCKING_STATUSES)),
            )
            .order_by(_b.provider_id, _b.slot_start)
            .with_for_update(read=True)
        )
        async with storage_errors():
            await hold_write_lock(self._session)
            await self._session.execute(lock)
            rows = (await self._session.execute(busy_stmt)).all()
        busy: dict[ProviderId, list[TimeSlot]] = {}
        for row in rows:
            busy.setdefault(ProviderId(row.provider_id), []).append(TimeSlot(row.slot_start, row.slot_end))
        return busy

    async def next_sequence(self, day: date) -> int:
        """A per-day counter bumped atomically, never below the day's highest existing reference.

        On MySQL/MariaDB the bump runs on its own short transaction and connection, so concurrent creates
        never wait on each other's booking transaction: call it before the session touches the database, so
        a request holds one pooled connection at a time. A booking that then rolls back leaves a gap
        (references are unique, not contiguous). SQLite has one writer at a time: there it joins the session.
        """
        key = day.strftime("%Y%m%d")
        bind = self._session.bind
        if bind is not None and bind.dialect.name in ("mysql", "mariadb"):
            if isinstance(bind, AsyncEngine):
                async with storage_errors(), bind.begin() as conn:
                    return await _bump_mysql(conn, key, await _highest(conn, day) + 1)
            async with storage_errors():
                conn = await self._session.connection()
                return await _bump_mysql(conn, key, await _highest(conn, day) + 1)
        async with storage_errors():
            conn = await self._session.connection()
            value = await conn.scalar(_SQLITE_BUMP, {"day": key, "floor": await _highest(conn, day) + 1})
        return int(value)

    async def add(self, booking: Booking) -> Booking:
        self._session.add(booking)
        try:
            async with storage_errors():
                await self._session.flush()
        except IntegrityError as exc:
            await self._session.rollback()
            if "reference" in str(exc.orig).lower():
                raise ReferenceTaken() from exc
            raise
        return booking


_MYSQL_BUMP = text(
    "INSERT INTO booking_day_sequences (day, last_value) VALUES (:day, LAST_INSERT_ID(:floor))"
    " ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(GREATEST(last_value + 1, :floor))"
)
_SQLITE_BUMP = text(
    "INSERT INTO booking_day_sequences (day, last_value) VALUES (:day, :floor)"
    " ON CONFLICT(day) DO UPDATE SET last_value = MAX(last_value + 1, excluded.last_value)"
    " RETURNING last_value"
)


async def _highest(conn: AsyncConnection, day: date) -> int:
    prefix = BookingReference.build(day, 1).value[:-4]
    stmt = (
        select(_b.reference)
        .where(_b.reference.like(f"{prefix}%"))
        .order_by(func.length(_b.reference).desc(), _b.reference.desc())
        .limit(1)
    )
    highest = (await conn.execute(stmt)).scalar_one_or_none()
    return 0 if highest is None else BookingReference(highest).sequence


async def _bump_mysql(conn: AsyncConnection, key: str, floor: int) -> int:
    await conn.execute(_MYSQL_BUMP, {"day": key, "floor": floor})
    return int((await conn.execute(text("SELECT LAST_INSERT_ID()"))).scalar_one())


class SqlaBookingReader:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, customer_id: CustomerId, key: BookingId | BookingReference) -> Booking | None:
        match = _b.reference == key.value if isinstance(key, BookingReference) else _b.id == key
        stmt = select(Booking).where(_b.user_id == customer_id, match)
        async with storage_errors():
            return (await self._session.scalars(stmt)).one_or_none()

    async def list(
        self,
        customer_id: CustomerId,
        *,
        status: BookingStatus | None,
        starts_from: datetime | None,
        starts_before: datetime | None,
        limit: int,
        offset: int,
    ) -> tuple[Sequence[Booking], int]:
        criteria = [_b.user_id == customer_id]
        if status is not None:
            criteria.append(_b.status == status)
        if starts_from is not None:
            criteria.append(_b.slot_start >= starts_from)
        if starts_before is not None:
            criteria.append(_b.slot_start < starts_before)
        page = (
            select(Booking)
            .where(*criteria)
            .order_by(_b.slot_start.desc(), _b.id.desc())
            .limit(limit)
            .offset(offset)
        )
        count = select(func.count()).select_from(t.bookings).where(*criteria)
        async with storage_errors():
            total = (await self._session.execute(count)).scalar_one()
            found = (await self._session.scalars(page)).all()
        return found, int(total)

    async def provider_names(self, provider_ids: Collection[ProviderId]) -> Mapping[ProviderId, str]:
        if not provider_ids:
            return {}
        stmt = select(_p.id, _p.name).where(_p.id.in_(sorted(provider_ids)))
        async with storage_errors():
            rows = (await self._session.execute(stmt)).all()
        return {ProviderId(row.id): row.name for row in rows}
