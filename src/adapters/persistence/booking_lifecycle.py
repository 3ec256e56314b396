"""SQLAlchemy adapters for changing a booking after it was made (cancel, rate): row-locked loads of the
booking and of its provider, whose changes the unit of work's commit writes."""

from collections.abc import Set

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence import tables as t
from adapters.persistence.errors import storage_errors
from adapters.persistence.locking import hold_write_lock
from domain.booking.entities import Booking, BookingId
from domain.customer.entities import CustomerId
from domain.provider.entities import Provider, ProviderId

_b = t.bookings.c


class SqlaCustomerBookings:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get_for_update(self, customer_id: CustomerId, booking_id: BookingId) -> Booking | None:
        await hold_write_lock(self._session)
        stmt = select(Booking).where(_b.user_id == customer_id, _b.id == booking_id).with_for_update()
        async with storage_errors():
            return (await self._session.scalars(stmt)).one_or_none()

    async def category_slugs(self, booking_id: BookingId) -> Set[str]:
        i, r, s, c = t.booking_items.c, t.rate_cards.c, t.subcategories.c, t.categories.c
        stmt = (
            select(c.slug)
            .select_from(
                t.booking_items.join(t.rate_cards, r.id == i.rate_card_id)
                .join(t.subcategories, s.id == r.subcategory_id)
                .join(t.categories, c.id == s.category_id)
            )
            .where(i.booking_id == booking_id)
            .distinct()
        )
        async with storage_errors():
            return set((await self._session.scalars(stmt)).all())


class SqlaProviderRatings:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get_for_update(self, provider_id: ProviderId) -> Provider | None:
        await hold_write_lock(self._session)
        stmt = select(Provider).where(t.providers.c.id == provider_id).with_for_update()
        async with storage_errors():
            return (await self._session.scalars(stmt)).one_or_none()
