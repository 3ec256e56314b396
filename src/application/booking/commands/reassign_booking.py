"""Ops give a booking to another provider."""

import msgspec

from application.booking.errors import BookingNotFound
from application.booking.ops_errors import ProviderCannotTakeBooking
from application.booking.ops_ports import OpsBookingStore
from application.booking.ports import BookingRepository
from application.booking.views import BookingView
from application.common.ports import Clock, UnitOfWork
from application.pricing.ports import PricingReader
from application.provider.errors import ProviderNotFound
from application.provider.ports import ProviderReader
from application.staff.access import Operator, actor_id, require
from application.staff.audit import Audit, Origin
from domain.booking.entities import Booking, BookingId
from domain.provider.availability import bookable_slots, busy_window, local_date
from domain.provider.entities import Provider, ProviderId


class ReassignBooking(msgspec.Struct, frozen=True):
    booking_id: int
    provider_id: int
    origin: Origin = Origin()


class ReassignBookingHandler:
    """Needs bookings.reassign (refusals are logged). Only a pending or confirmed booking changes provider
    (NotReassignable, 422). The new provider must be active (ProviderNotFound, 404), have every skill the
    booking's services need, serve its pincode and be free for its slot per `domain.provider.availability`,
    judged under the providers' row locks the create use case takes, so a slot is never sold twice
    (ProviderCannotTakeBooking, 422). BookingNotFound (404). Logged in the same transaction."""

    def __init__(
        self,
        bookings: OpsBookingStore,
        allocation: BookingRepository,
        providers: ProviderReader,
        pricing: PricingReader,
        audit: Audit,
        uow: UnitOfWork,
        clock: Clock,
    ) -> None:
        self._bookings, self._allocation = bookings, allocation
        self._providers, self._pricing = providers, pricing
        self._audit, self._uow, self._clock = audit, uow, clock

    async def execute(self, cmd: ReassignBooking, *, actor: Operator) -> BookingView:
        action = "bookings.reassign"
        async with self._audit.refusals(
            actor, action=action, target_type="booking", target_id=cmd.booking_id, origin=cmd.origin
        ):
            require(actor, "bookings.reassign")
        booking = await self._bookings.get_for_update(BookingId(cmd.booking_id))
        if booking is None:
            raise BookingNotFound(cmd.booking_id)
        provider = await self._providers.get(ProviderId(cmd.provider_id))
        if provider is None:
            raise ProviderNotFound(cmd.provider_id)
        before = booking.provider_id
        booking.check_reassignable()
        if provider.id != before:
            await self._check_fit(booking, provider)
            booking.reassign(provider_id=provider.id)
        await self._audit.record(
            by=actor_id(actor),
            action=action,
            target_type="booking",
            target_id=booking.id,
            origin=cmd.origin,
            before={"provider_id": before},
            after={"provider_id": booking.provider_id},
        )
        await self._uow.commit()
        return BookingView.of(booking, provider.name)

    async def _check_fit(self, booking: Booking, provider: Provider) -> None:
        cards = await self._pricing.rate_cards([item.rate_card_id for item in booking.items])
        needed = {card.subcategory_id for card in cards.values()}
        skills = {skill.subcategory_id for skill in await self._providers.skills(provider.id)}
        if not needed <= skills:
            raise ProviderCannotTakeBooking(provider.id, "lacks a skill the booking needs")
        if booking.pincode not in await self._providers.served_pincodes(provider.id):
            raise ProviderCannotTakeBooking(provider.id, f"does not serve {booking.pincode.value}")
        day = local_date(booking.slot.start)
        busy = await self._allocation.lock_providers([provider.id], *busy_window(day))
        free = bookable_slots(
            day=day,
            hours=provider.hours,
            duration_minutes=int((booking.slot.end - booking.slot.start).total_seconds()) // 60,
            busy=busy.get(provider.id, ()),
            now=self._clock.now(),
        )
        if booking.slot not in free.slots:
            raise ProviderCannotTakeBooking(provider.id, "is not free for the slot")
