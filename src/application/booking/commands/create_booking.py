"""A customer books a visit: services at one of their addresses, for a time slot, with a professional."""

from datetime import date, time

import msgspec

from application.booking.allocation import allocate_provider
from application.booking.errors import AddressNotFound, ReferenceTaken
from application.booking.events import BookingEvents, created_notices
from application.booking.idempotency import KeyedRequest, check_key
from application.booking.ports import BookingRepository, IdempotencyStore
from application.booking.views import BookingView
from application.catalog.ports import CatalogReader
from application.common.errors import InvalidInput
from application.common.ports import Clock, UnitOfWork
from application.customer.ports import CustomerRepository
from application.identity.actors import CustomerActor
from application.pricing.errors import NotOfferedAtPincode, RateCardNotFound
from application.pricing.ports import PricingReader
from application.provider.ports import ProviderReader
from domain.booking.entities import Booking, BookingItem, PaymentMethod
from domain.booking.policy import job_minutes, requested_slot
from domain.booking.reference import BookingReference
from domain.catalog.entities import RateCard, RateCardId
from domain.customer.entities import Address, AddressId, Customer, CustomerId
from domain.pricing.policy import PricingPolicy
from domain.provider.availability import local_date
from domain.shared.money import Money

ATTEMPTS = 5


class BookingLine(msgspec.Struct, frozen=True):
    rate_card_id: int
    quantity: int


class CreateBooking(msgspec.Struct, frozen=True):
    address_id: int
    day: date
    start: time
    items: list[BookingLine]
    notes: str = ""
    payment_method: str = PaymentMethod.UPI.value


class CreateBookingHandler:
    """A signed-in customer books services at one of their own addresses (else AddressNotFound).

    Rules: every rate card is offered at the address's pincode (RateCardNotFound, NotOfferedAtPincode); the
    slot follows `domain.booking.policy` (grid, service hours, lead time); the best-rated provider with every
    needed skill, serving the pincode and free per `domain.provider.availability`, is assigned, under the
    providers' row locks so a slot is never sold twice (SlotUnavailable when nobody is free). Totals come
    from the PricingPolicy; the reference is BK-<IST day>-<day's sequence>, retried when a concurrent
    booking took it. With an idempotency key, a repeat of the same request returns the first response.
    The customer's confirmation and slot reminders are queued in the booking's own transaction.
    """

    def __init__(
        self,
        customers: CustomerRepository,
        pricing: PricingReader,
        catalog: CatalogReader,
        providers: ProviderReader,
        bookings: BookingRepository,
        idempotency: IdempotencyStore,
        policy: PricingPolicy,
        uow: UnitOfWork,
        clock: Clock,
        events: BookingEvents,
    ) -> None:
        self._customers, self._pricing, self._catalog = customers, pricing, catalog
        self._providers, self._bookings, self._idempotency = providers, bookings, idempotency
        self._policy, self._uow, self._clock = policy, uow, clock
        self._events = events

    async def execute(
        self, cmd: CreateBooking, *, actor: CustomerActor, idempotency_key: str | None = None
    ) -> BookingView:
        check_key(idempotency_key)
        try:
            method = PaymentMethod(cmd.payment_method)
        except ValueError:
            raise InvalidInput("paymentMethod", f"unknown payment method {cmd.payment_method!r}") from None
        for _ in range(ATTEMPTS - 1):
            try:
                return await self._attempt(cmd, method, actor, idempotency_key)
            except ReferenceTaken:
                await self._uow.rollback()
        return await self._attempt(cmd, method, actor, idempotency_key)

    async def _attempt(
        self, cmd: CreateBooking, method: PaymentMethod, actor: CustomerActor, key: str | None
    ) -> BookingView:
        now = self._clock.now()
        sequence = await self._bookings.next_sequence(local_date(now))  # first: see the port's docstring
        keyed = KeyedRequest(self._idempotency, f"bookings.create:customer:{actor.customer_id}", key)
        if (earlier := await keyed.replay(cmd, BookingView, now=now)) is not None:
            return earlier
        customer, address = await self._address(CustomerId(actor.customer_id), AddressId(cmd.address_id))
        cards = await self._cards(cmd, address)
        durations = []
        for subcategory_id in {card.subcategory_id for card, _ in cards}:
            subcategory = await self._catalog.get_subcategory(subcategory_id)
            if subcategory is None:
                raise RateCardNotFound(next(c.id for c, _ in cards if c.subcategory_id == subcategory_id))
            durations.append(subcategory.duration_minutes)
        minutes = job_minutes(durations)
        slot = requested_slot(day=cmd.day, start=cmd.start, minutes=minutes, now=now)
        quote = self._policy.quote(cards)
        provider = await allocate_provider(
            self._providers,
            self._bookings,
            skills={card.subcategory_id for card, _ in cards},
            pincode=address.pincode,
            slot=slot,
            day=cmd.day,
            minutes=minutes,
            now=now,
        )
        day = local_date(now)
        booking = Booking(
            reference=BookingReference.build(day, sequence),
            customer_id=CustomerId(actor.customer_id),
            address_id=AddressId(cmd.address_id),
            pincode=address.pincode,
            provider_id=provider.id,
            slot=slot,
            items=[
                BookingItem(
                    rate_card_id=line.rate_card_id,
                    name=line.name,
                    unit_price=line.unit_price,
                    quantity=line.quantity,
                    line_total=line.line_total,
                )
                for line in quote.lines
            ],
            subtotal=quote.subtotal,
            discount=Money.zero(quote.total.currency),
            tax=quote.gst,
            total=quote.total,
            payment_method=method,
            notes=cmd.notes.strip(),
        )
        await self._bookings.add(booking)
        await self._events.publish(created_notices(booking, customer, now=now))
        view = BookingView.of(booking, provider.name)
        await keyed.remember(view, status_code=201)
        await self._uow.commit()
        return view

    async def _address(self, customer_id: CustomerId, address_id: AddressId) -> tuple[Customer, Address]:
        customer = await self._customers.get(customer_id)
        address = customer.address(address_id) if customer is not None else None
        if customer is None or address is None:
            raise AddressNotFound(address_id)
        return customer, address

    async def _cards(self, cmd: CreateBooking, address: Address) -> list[tuple[RateCard, int]]:
        ids = [RateCardId(item.rate_card_id) for item in cmd.items]
        found = await self._pricing.rate_cards(ids)
        missing = [i for i in ids if i not in found]
        if missing:
            raise RateCardNotFound(missing[0])
        offered = await self._pricing.offered_at(ids, address.pincode)
        refused = [int(i) for i in ids if i not in offered]
        if refused:
            raise NotOfferedAtPincode(refused, address.pincode.value)
        return [(found[RateCardId(item.rate_card_id)], item.quantity) for item in cmd.items]
