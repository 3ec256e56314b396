"""Hand-written in-memory fakes of the ports. The contract tests run them through the same suites as the
real adapters, so they stay honest."""

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta

from adapters.cache.memory import InMemoryCache
from application.common.errors import DependencyUnavailable
from application.common.ports import JobArg
from domain.catalog.entities import Category, CategoryId, RateCard, RateCardId, Subcategory, SubcategoryId
from domain.shared.money import Money
from domain.shared.pincode import Pincode

__all__ = ["FakeClock", "InMemoryCache", "InMemoryCatalogReader", "RecordingJobQueue", "StaticProbe"]


class InMemoryCatalogReader:
    """The CatalogReader port over plain lists, with the same visibility rules as the SQL adapter."""

    def __init__(
        self,
        categories: Sequence[Category] = (),
        subcategories: Sequence[Subcategory] = (),
        rate_cards: Sequence[RateCard] = (),
        offers: Mapping[int, set[str]] | None = None,
        serviceable: Mapping[str, bool] | None = None,
    ) -> None:
        self.categories = list(categories)
        self.subcategories = list(subcategories)
        self.rate_cards = list(rate_cards)
        self.offers = {k: set(v) for k, v in (offers or {}).items()}
        self.serviceable = dict(serviceable or {})
        self.calls = 0
        self.fail_with: Exception | None = None

    def _touch(self) -> None:
        self.calls += 1
        if self.fail_with is not None:
            raise self.fail_with

    async def list_categories(self) -> Sequence[Category]:
        self._touch()
        active = [c for c in self.categories if c.is_active]
        return sorted(active, key=lambda c: (c.sort_order, c.name, c.id))

    async def get_category(self, category_id: CategoryId) -> Category | None:
        self._touch()
        return next((c for c in self.categories if c.id == category_id and c.is_active), None)

    async def list_subcategories(self, category_id: CategoryId) -> Sequence[Subcategory]:
        self._touch()
        subs = [s for s in self.subcategories if s.category_id == category_id and s.is_active]
        return sorted(subs, key=lambda s: (s.sort_order, s.name, s.id))

    async def get_subcategory(self, subcategory_id: SubcategoryId) -> Subcategory | None:
        self._touch()
        sub = next((s for s in self.subcategories if s.id == subcategory_id and s.is_active), None)
        if sub is None or await self.get_category(sub.category_id) is None:
            return None
        return sub

    async def list_rate_cards(
        self, subcategory_id: SubcategoryId, pincode: Pincode | None = None
    ) -> Sequence[RateCard]:
        self._touch()
        cards = [r for r in self.rate_cards if r.subcategory_id == subcategory_id and r.is_active]
        if pincode is not None:
            if not self.serviceable.get(pincode.value, False):
                return []
            cards = [r for r in cards if pincode.value in self.offers.get(r.id, set())]
        return sorted(cards, key=lambda r: (r.price.amount, r.id))

    async def is_serviceable(self, pincode: Pincode) -> bool:
        self._touch()
        return self.serviceable.get(pincode.value, False)


class RecordingJobQueue:
    """Records what was enqueued instead of running it; honours job_id de-duplication."""

    def __init__(self) -> None:
        self.jobs: list[tuple[str, dict[str, JobArg], timedelta | None]] = []
        self._ids: set[str] = set()

    async def enqueue(
        self,
        job: str,
        *,
        job_id: str | None = None,
        defer_by: timedelta | None = None,
        kwargs: Mapping[str, JobArg] | None = None,
    ) -> bool:
        if job_id is not None:
            if job_id in self._ids:
                return False
            self._ids.add(job_id)
        self.jobs.append((job, dict(kwargs or {}), defer_by))
        return True


class FakeClock:
    def __init__(self, now: datetime | None = None) -> None:
        self.current = now or datetime(2026, 11, 24, 10, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> None:
        self.current += delta


class StaticProbe:
    """A dependency probe that is up, down, or hangs, as a test wants."""

    def __init__(self, name: str, *, up: bool = True, hang_seconds: float = 0.0) -> None:
        self.name = name
        self.up = up
        self.hang_seconds = hang_seconds

    async def check(self) -> None:
        if self.hang_seconds:
            import asyncio

            await asyncio.sleep(self.hang_seconds)
        if not self.up:
            raise DependencyUnavailable(self.name, "connection refused")


def sample_catalog() -> InMemoryCatalogReader:
    """Two active categories and one inactive, with services and rate cards offered at 560034 only."""
    cleaning = Category(
        id=CategoryId(1), slug="cleaning", name="Home Cleaning", description="Cleaning", sort_order=1
    )
    plumbing = Category(id=CategoryId(2), slug="plumbing", name="Plumbing", description="Pipes", sort_order=2)
    retired = Category(
        id=CategoryId(3), slug="retired", name="Retired", description="Gone", sort_order=3, is_active=False
    )
    deep = Subcategory(
        id=SubcategoryId(10),
        category_id=CategoryId(1),
        slug="deep-cleaning",
        name="Deep Cleaning",
        description="Whole home",
        duration_minutes=240,
        inclusions=["Kitchen", "Bathrooms"],
        sort_order=1,
    )
    tap = Subcategory(
        id=SubcategoryId(20),
        category_id=CategoryId(2),
        slug="tap-repair",
        name="Tap Repair",
        description="Leaks",
        duration_minutes=30,
    )
    hidden = Subcategory(
        id=SubcategoryId(30),
        category_id=CategoryId(3),
        slug="hidden",
        name="Hidden",
        description="In a retired category",
        duration_minutes=30,
    )
    cards = [
        RateCard(
            id=RateCardId(100),
            subcategory_id=SubcategoryId(10),
            code="CLN-2BHK",
            name="2 BHK",
            description="",
            price=Money.of("4499.00"),
            strike_price=Money.of("5299.00"),
        ),
        RateCard(
            id=RateCardId(101),
            subcategory_id=SubcategoryId(10),
            code="CLN-1BHK",
            name="1 BHK",
            description="",
            price=Money.of("3499.00"),
        ),
        RateCard(
            id=RateCardId(102),
            subcategory_id=SubcategoryId(10),
            code="CLN-OLD",
            name="Old",
            description="",
            price=Money.of("999.00"),
            is_active=False,
        ),
    ]
    return InMemoryCatalogReader(
        categories=[plumbing, retired, cleaning],
        subcategories=[deep, tap, hidden],
        rate_cards=cards,
        offers={100: {"560034"}, 101: {"560034", "400050"}, 102: {"560034"}},
        serviceable={"560034": True, "400050": False},
    )
