"""In-memory fakes of the provider reader and service coverage ports, and the sample data the contract suites
load into every backend."""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from application.provider.ports import ProviderSkill, RankPosition
from domain.booking.entities import BookingStatus
from domain.catalog.entities import Category, CategoryId, RateCard, RateCardId, Subcategory, SubcategoryId
from domain.provider.availability import BLOCKING_STATUSES
from domain.provider.entities import Provider, ProviderId, WorkingHours
from domain.shared.money import Money
from domain.shared.phone import PhoneNumber
from domain.shared.pincode import Pincode
from domain.shared.time_slot import TimeSlot
from tests.fakes import InMemoryCatalogReader, sample_catalog

__all__ = [
    "FakeBooking",
    "InMemoryProviderReader",
    "InMemoryServiceCoverage",
    "ProviderData",
    "make_provider",
    "sample_provider_data",
]


@dataclass(frozen=True)
class FakeBooking:
    provider_id: int
    status: BookingStatus
    slot: TimeSlot


@dataclass
class ProviderData:
    """Providers with their skills, served pincodes and bookings, over a catalog (which also says which
    pincodes are serviceable)."""

    catalog: InMemoryCatalogReader
    providers: list[Provider]
    skills: dict[int, set[int]]
    areas: dict[int, set[str]]
    bookings: list[FakeBooking]


class InMemoryProviderReader:
    """The ProviderReader port over ProviderData, with the SQL adapter's visibility and ordering rules."""

    def __init__(self, data: ProviderData) -> None:
        self.data = data
        self.searches = 0

    def _serviceable(self, pincode: str) -> bool:
        return self.data.catalog.serviceable.get(pincode, False)

    async def search(
        self,
        subcategory_id: SubcategoryId,
        pincode: Pincode,
        *,
        limit: int,
        after: RankPosition | None = None,
        works_on: int | None = None,
    ) -> Sequence[Provider]:
        self.searches += 1
        if not self._serviceable(pincode.value):
            return []
        found = [
            p
            for p in self.data.providers
            if p.is_active
            and subcategory_id in self.data.skills.get(p.id, set())
            and pincode.value in self.data.areas.get(p.id, set())
            and (works_on is None or p.hours.works_on(works_on))
            and (
                after is None
                or p.rating_average < after.rating
                or (p.rating_average == after.rating and p.id > after.provider_id)
            )
        ]
        return sorted(found, key=lambda p: (-p.rating_average, p.id))[:limit]

    async def get(self, provider_id: ProviderId) -> Provider | None:
        return next((p for p in self.data.providers if p.id == provider_id and p.is_active), None)

    async def skills(self, provider_id: ProviderId) -> Sequence[ProviderSkill]:
        catalog = self.data.catalog
        categories = {c.id: c for c in catalog.categories if c.is_active}
        wanted = self.data.skills.get(provider_id, set())
        subs = [
            s for s in catalog.subcategories if s.id in wanted and s.is_active and s.category_id in categories
        ]

        def order(s: Subcategory) -> tuple[int, str, int, int, str, int]:
            c = categories[s.category_id]
            return (c.sort_order, c.name, c.id, s.sort_order, s.name, s.id)

        return [
            ProviderSkill(subcategory_id=s.id, name=s.name, category_id=s.category_id)
            for s in sorted(subs, key=order)
        ]

    async def served_pincodes(self, provider_id: ProviderId) -> Sequence[Pincode]:
        pins = sorted(p for p in self.data.areas.get(provider_id, set()) if self._serviceable(p))
        return [Pincode(p) for p in pins]

    async def busy_intervals(
        self, provider_ids: Collection[ProviderId], start: datetime, end: datetime
    ) -> Mapping[ProviderId, Sequence[TimeSlot]]:
        busy: dict[ProviderId, list[TimeSlot]] = {}
        for b in sorted(self.data.bookings, key=lambda b: (b.provider_id, b.slot.start, b.slot.end)):
            if (
                b.provider_id in provider_ids
                and b.status in BLOCKING_STATUSES
                and b.slot.start < end
                and start < b.slot.end
            ):
                busy.setdefault(ProviderId(b.provider_id), []).append(b.slot)
        return busy


class InMemoryServiceCoverage:
    """The ServiceCoverage port over an in-memory catalog."""

    def __init__(self, catalog: InMemoryCatalogReader) -> None:
        self.catalog = catalog

    async def categories_offered_at(self, pincode: Pincode) -> Sequence[Category]:
        catalog = self.catalog
        if not catalog.serviceable.get(pincode.value, False):
            return []
        active_subs = {s.id: s.category_id for s in catalog.subcategories if s.is_active}
        offered = {
            active_subs[r.subcategory_id]
            for r in catalog.rate_cards
            if r.is_active
            and r.subcategory_id in active_subs
            and pincode.value in catalog.offers.get(r.id, set())
        }
        found = [c for c in catalog.categories if c.is_active and c.id in offered]
        return sorted(found, key=lambda c: (c.sort_order, c.name, c.id))


def make_provider(
    pid: int,
    rating: str = "0.00",
    *,
    start: int = 9 * 60,
    end: int = 18 * 60,
    days: str = "1111110",
    active: bool = True,
) -> Provider:
    """A provider whose rating counters are consistent with `rating` (five ratings, or none at 0.00)."""
    average = Decimal(rating)
    count = 0 if average == 0 else 5
    return Provider(
        id=ProviderId(pid),
        name=f"Provider {pid}",
        phone=PhoneNumber(f"+9198765{pid:05d}"),
        business_name=f"Works {pid}" if pid % 2 else "",
        bio=f"Bio of provider {pid}",
        experience_years=pid,
        hours=WorkingHours(start, end, days),
        rating_average=average,
        rating_count=count,
        rating_total=int(average * count),
        jobs_completed=count * 2,
        is_verified=pid % 2 == 1,
        is_active=active,
    )


def _utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def sample_provider_data() -> ProviderData:
    """The sample catalog plus: pincodes 560001 (plumbing offered) and 110017 (served, nothing offered);
    rate cards that must not count (inactive card, card of an inactive subcategory or category); seven
    providers, two tied at 4.80; bookings in every status around 2026-11-25."""
    catalog = sample_catalog()
    catalog.serviceable.update({"560001": True, "110017": True})
    catalog.subcategories.append(
        Subcategory(
            id=SubcategoryId(40),
            category_id=CategoryId(2),
            slug="old-taps",
            name="Old Taps",
            description="Retired",
            duration_minutes=30,
            is_active=False,
        )
    )
    extra = [
        (103, 30, True, {"560034"}),  # in the inactive category
        (104, 20, False, {"560034"}),  # inactive card
        (105, 40, True, {"560034"}),  # in an inactive subcategory
        (106, 20, True, {"560001"}),
    ]
    for card_id, sub_id, active, pins in extra:
        catalog.rate_cards.append(
            RateCard(
                id=RateCardId(card_id),
                subcategory_id=SubcategoryId(sub_id),
                code=f"X-{card_id}",
                name=f"Card {card_id}",
                description="",
                price=Money.of("299.00"),
                is_active=active,
            )
        )
        catalog.offers[card_id] = set(pins)
    providers = [
        make_provider(1, "4.80"),
        make_provider(2, "4.80", start=8 * 60, end=17 * 60, days="1111111"),
        make_provider(3, "4.40", days="0111111"),
        make_provider(4, "5.00", active=False),
        make_provider(5, "3.20"),
        make_provider(6, "4.00"),
        make_provider(7),
    ]
    skills = {1: {10, 20}, 2: {10}, 3: {10, 30}, 4: {10}, 5: {20}, 6: {10}, 7: {10}}
    areas = {
        1: {"560034", "560001"},
        2: {"560034"},
        3: {"560034", "400050"},
        4: {"560034"},
        5: {"560034"},
        6: {"400050"},
        7: {"560034"},
    }
    s = BookingStatus
    bookings = [
        FakeBooking(1, s.IN_PROGRESS, TimeSlot(_utc(24, 23), _utc(25, 1))),
        FakeBooking(1, s.CONFIRMED, TimeSlot(_utc(25, 4, 30), _utc(25, 6, 30))),
        FakeBooking(1, s.CANCELLED, TimeSlot(_utc(25, 7), _utc(25, 8))),
        FakeBooking(1, s.PENDING, TimeSlot(_utc(25, 9), _utc(25, 10))),
        FakeBooking(1, s.COMPLETED, TimeSlot(_utc(25, 10), _utc(25, 11))),
        FakeBooking(1, s.NO_SHOW, TimeSlot(_utc(25, 11), _utc(25, 12))),
        FakeBooking(1, s.CONFIRMED, TimeSlot(_utc(26, 4), _utc(26, 5))),
        FakeBooking(2, s.CONFIRMED, TimeSlot(_utc(24, 22), _utc(25, 0))),
        FakeBooking(2, s.CONFIRMED, TimeSlot(_utc(25, 5), _utc(25, 6))),
        FakeBooking(2, s.PENDING, TimeSlot(_utc(26, 0), _utc(26, 1))),
    ]
    return ProviderData(catalog=catalog, providers=providers, skills=skills, areas=areas, bookings=bookings)
