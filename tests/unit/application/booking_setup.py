"""A create-booking handler wired to in-memory fakes: the sample catalog and providers, and one customer
with a home at 560034."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from application.booking.commands.create_booking import BookingLine, CreateBooking, CreateBookingHandler
from domain.catalog.entities import RateCard, RateCardId
from domain.customer.addresses import Location
from domain.customer.entities import Customer
from domain.pricing.policy import PricingPolicy
from domain.shared.email import Email
from domain.shared.pincode import Pincode
from tests.booking_event_fakes import RecordingBookingEvents
from tests.booking_fakes import InMemoryBookingStore, InMemoryIdempotencyStore
from tests.customer_fakes import InMemoryCustomerRepository
from tests.fakes import FakeClock
from tests.provider_fakes import InMemoryProviderReader, ProviderData, sample_provider_data

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
KORAMANGALA = Location(Pincode("560034"), "Koramangala", "Bengaluru", "Karnataka")
ANDHERI = Location(Pincode("400050"), "Bandra", "Mumbai", "Maharashtra")


class FakePricingReader:
    def __init__(self, data: ProviderData) -> None:
        self.catalog = data.catalog

    async def rate_cards(self, ids: Sequence[RateCardId]) -> dict[RateCardId, RateCard]:
        cards = {c.id: c for c in self.catalog.rate_cards if c.is_active}
        return {i: cards[i] for i in ids if i in cards}

    async def offered_at(self, ids: Sequence[RateCardId], pincode: Pincode) -> set[RateCardId]:
        if not self.catalog.serviceable.get(pincode.value):
            return set()
        return {i for i in ids if pincode.value in self.catalog.offers.get(i, set())}


class RecordingUnitOfWork:
    def __init__(self, keys: InMemoryIdempotencyStore, events: RecordingBookingEvents | None = None) -> None:
        self.keys = keys
        self.events = events or RecordingBookingEvents()
        self.commits = 0
        self.rollbacks = 0

    async def commit(self) -> None:
        self.keys.commit()
        self.events.commit()
        self.commits += 1

    async def rollback(self) -> None:
        self.keys.rollback()
        self.events.rollback()
        self.rollbacks += 1


@dataclass
class World:
    handler: CreateBookingHandler
    data: ProviderData
    bookings: InMemoryBookingStore
    keys: InMemoryIdempotencyStore
    uow: RecordingUnitOfWork
    customers: InMemoryCustomerRepository
    customer_id: int
    home_id: int
    elsewhere_id: int


def world() -> World:
    data = sample_provider_data()
    data.bookings.clear()
    customers = InMemoryCustomerRepository()
    customer = Customer(name="Meera Nair", email=Email("meera@example.in"), password_hash="x")
    customer.add_address(label="Home", line1="12 Residency Road", location=KORAMANGALA)
    customer.add_address(label="Work", line1="3 Hill Road", location=ANDHERI)
    customers.seed(customer)
    bookings = InMemoryBookingStore({p.id: p.name for p in data.providers})
    keys = InMemoryIdempotencyStore()
    events = RecordingBookingEvents()
    uow = RecordingUnitOfWork(keys, events)
    handler = CreateBookingHandler(
        customers,
        FakePricingReader(data),
        data.catalog,
        InMemoryProviderReader(data),
        bookings,
        keys,
        PricingPolicy(),
        uow,
        FakeClock(NOW),
        events,
    )
    home, work = customer.addresses
    return World(handler, data, bookings, keys, uow, customers, customer.id or 0, home.id or 0, work.id or 0)


def order(w: World, **changes: object) -> CreateBooking:
    values: dict[str, object] = {
        "address_id": w.home_id,
        "day": date(2026, 12, 3),
        "start": time(10, 0),
        "items": [BookingLine(rate_card_id=100, quantity=1)],
    }
    values.update(changes)
    return CreateBooking(**values)  # type: ignore[arg-type]
