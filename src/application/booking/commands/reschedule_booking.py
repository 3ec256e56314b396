"""A customer moves one of their bookings to another slot."""

from datetime import date, time

import msgspec

from application.booking.allocation import allocate_provider
from application.booking.errors import BookingNotFound
from application.booking.events import BookingEvents, renotify, rescheduled_notices
from application.booking.idempotency import KeyedRequest, check_key
from application.booking.lifecycle_ports import CustomerBookings
from application.booking.ports import BookingRepository, IdempotencyStore
from application.booking.views import BookingView
from application.catalog.ports import CatalogReader
from application.common.ports import Clock, UnitOfWork
from application.customer.ports import CustomerRepository
from application.identity.actors import CustomerActor
from application.pricing.errors import RateCardNotFound
from application.pricing.ports import PricingReader
from application.provider.ports import ProviderReader
from domain.booking.cancellation import MAX_RESCHEDULES, RESCHEDULE_CUTOFF
from domain.booking.entities import Booking, BookingId
from domain.booking.policy import job_minutes, requested_slot
from domain.catalog.entities import SubcategoryId
from domain.customer.entities import CustomerId


class RescheduleBooking(msgspec.Struct, frozen=True):
    booking_id: int
    day: date
    start: time


class RescheduleBookingHandler:
    """A signed-in customer moves their own pending or confirmed booking (BookingNotFound for anyone else's)
    to a new slot, checked like a new booking (`domain.booking.policy`), at most MAX_RESCHEDULES times and
    not within RESCHEDULE_CUTOFF of the current slot (`domain.booking.cancellation`). The same professional
    keeps the visit when free at the new slot, else the best-rated free one with the skills takes it, under
    the providers' row locks (SlotUnavailable when nobody is free). Idempotent with a key, as booking is.
    In the same transaction the old slot's waiting reminders are withdrawn, and a notice of the new slot and
    its reminders are queued."""

    def __init__(
        self,
        bookings: CustomerBookings,
        repository: BookingRepository,
        pricing: PricingReader,
        catalog: CatalogReader,
        providers: ProviderReader,
        idempotency: IdempotencyStore,
        customers: CustomerRepository,
        events: BookingEvents,
        uow: UnitOfWork,
        clock: Clock,
    ) -> None:
        self._bookings, self._repository = bookings, repository
        self._pricing, self._catalog, self._providers = pricing, catalog, providers
        self._idempotency, self._uow, self._clock = idempotency, uow, clock
        self._customers, self._events = customers, events

    async def execute(
        self, cmd: RescheduleBooking, *, actor: CustomerActor, idempotency_key: str | None = None
    ) -> BookingView:
        check_key(idempotency_key)
        now = self._clock.now()
        scope = f"bookings.reschedule:customer:{actor.customer_id}"
        keyed = KeyedRequest(self._idempotency, scope, idempotency_key)
        if (earlier := await keyed.replay(cmd, BookingView, now=now)) is not None:
            return earlier
        booking = await self._bookings.get_for_update(
            CustomerId(actor.customer_id), BookingId(cmd.booking_id)
        )
        if booking is None or booking.id is None:
            raise BookingNotFound(cmd.booking_id)
        skills, minutes = await self._needs(booking)
        slot = requested_slot(day=cmd.day, start=cmd.start, minutes=minutes, now=now)
        provider = await allocate_provider(
            self._providers,
            self._repository,
            skills=skills,
            pincode=booking.pincode,
            slot=slot,
            day=cmd.day,
            minutes=minutes,
            now=now,
            prefer=booking.provider_id,
            releasing=booking.slot,
        )
        booking.reschedule(
            now=now, slot=slot, provider_id=provider.id, limit=MAX_RESCHEDULES, cutoff=RESCHEDULE_CUTOFF
        )
        await renotify(self._events, self._customers, booking, rescheduled_notices, now=now)
        view = BookingView.of(booking, provider.name)
        await keyed.remember(view, status_code=200)
        await self._uow.commit()
        return view

    async def _needs(self, booking: Booking) -> tuple[list[SubcategoryId], int]:
        ids = [item.rate_card_id for item in booking.items]
        cards = await self._pricing.rate_cards(ids)
        missing = [i for i in ids if i not in cards]
        if missing:
            raise RateCardNotFound(missing[0])
        skills = sorted({card.subcategory_id for card in cards.values()})
        durations = []
        for skill in skills:
            subcategory = await self._catalog.get_subcategory(skill)
            if subcategory is None:
                raise RateCardNotFound(next(c.id for c in cards.values() if c.subcategory_id == skill))
            durations.append(subcategory.duration_minutes)
        return skills, job_minutes(durations)
