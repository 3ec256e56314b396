"""A customer moves one of their bookings to another slot."""

import hashlib
from datetime import date, time, timedelta

import msgspec

from application.booking.allocation import allocate_provider
from application.booking.errors import BookingNotFound
from application.booking.lifecycle_ports import CustomerBookings
from application.booking.ports import BookingRepository, IdempotencyStore, StoredResponse
from application.booking.views import BookingView
from application.catalog.ports import CatalogReader
from application.common.errors import InvalidInput
from application.common.ports import Clock, UnitOfWork
from application.identity.actors import CustomerActor
from application.pricing.errors import RateCardNotFound
from application.pricing.ports import PricingReader
from application.provider.ports import ProviderReader
from domain.booking.cancellation import MAX_RESCHEDULES, RESCHEDULE_CUTOFF
from domain.booking.entities import Booking, BookingId
from domain.booking.policy import job_minutes, requested_slot
from domain.catalog.entities import SubcategoryId
from domain.customer.entities import CustomerId

IDEMPOTENCY_TTL = timedelta(hours=24)
MAX_KEY_LENGTH = 128


class RescheduleBooking(msgspec.Struct, frozen=True):
    booking_id: int
    day: date
    start: time


class RescheduleBookingHandler:
    """A signed-in customer moves their own pending or confirmed booking (BookingNotFound for anyone else's)
    to a new slot, checked like a new booking (`domain.booking.policy`), at most MAX_RESCHEDULES times and
    not within RESCHEDULE_CUTOFF of the current slot (`domain.booking.cancellation`). The same professional
    keeps the visit when free at the new slot, else the best-rated free one with the skills takes it, under
    the providers' row locks (SlotUnavailable when nobody is free). Idempotent with a key, as booking is."""

    def __init__(
        self,
        bookings: CustomerBookings,
        repository: BookingRepository,
        pricing: PricingReader,
        catalog: CatalogReader,
        providers: ProviderReader,
        idempotency: IdempotencyStore,
        uow: UnitOfWork,
        clock: Clock,
    ) -> None:
        self._bookings, self._repository = bookings, repository
        self._pricing, self._catalog, self._providers = pricing, catalog, providers
        self._idempotency, self._uow, self._clock = idempotency, uow, clock

    async def execute(
        self, cmd: RescheduleBooking, *, actor: CustomerActor, idempotency_key: str | None = None
    ) -> BookingView:
        if idempotency_key is not None and not 1 <= len(idempotency_key) <= MAX_KEY_LENGTH:
            raise InvalidInput("Idempotency-Key", f"an Idempotency-Key is 1 to {MAX_KEY_LENGTH} characters")
        now = self._clock.now()
        scope = f"bookings.reschedule:customer:{actor.customer_id}"
        if idempotency_key is not None:
            digest = hashlib.sha256(msgspec.json.encode(cmd)).hexdigest()
            earlier = await self._idempotency.claim(
                scope, idempotency_key, digest, now=now, ttl=IDEMPOTENCY_TTL
            )
            if earlier is not None:
                return msgspec.json.decode(earlier.body, type=BookingView)
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
        view = BookingView.of(booking, provider.name)
        if idempotency_key is not None:
            body = msgspec.json.encode(view).decode()
            await self._idempotency.complete(
                scope, idempotency_key, StoredResponse(status_code=200, body=body)
            )
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
