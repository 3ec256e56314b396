"""In-memory fakes for the ops catalog use cases. The store keeps its committed state in an
InMemoryCatalogReader, so the public catalog queries read what ops committed; writes land on commit, like
one database transaction. A timeline records commits and cache invalidations in the order they happen."""

import copy
import itertools
from collections.abc import Callable, Collection, Sequence
from typing import Any

from application.catalog.errors import RateCardCodeTaken, SlugTaken
from application.catalog.ports import CatalogEntry
from application.common.ports import Clock
from application.identity.actors import StaffActor
from application.staff.audit import Audit
from domain.catalog.drafts import NewCategory, NewRateCard, NewSubcategory
from domain.catalog.entities import Category, CategoryId, RateCard, RateCardId, Subcategory, SubcategoryId
from domain.shared.pincode import Pincode
from domain.staff.catalog import ROLES
from tests.fakes import InMemoryCache, InMemoryCatalogReader, sample_catalog
from tests.staff_fakes import FakeTransaction, RecordingActivityLog

GRANTS = {code: (level, frozenset(permissions)) for code, _, level, _, permissions in ROLES}


def staff_actor(role: str, staff_id: int = 2) -> StaffActor:
    level, permissions = GRANTS[role]
    return StaffActor(staff_id=staff_id, role=role, level=level, permissions=permissions, session="s-1")


class TimedTransaction(FakeTransaction):
    def __init__(self, timeline: list[str]) -> None:
        super().__init__()
        self._timeline = timeline
        self.fail_with: Exception | None = None

    async def commit(self) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        await super().commit()
        self._timeline.append("commit")


class TimedCache(InMemoryCache):
    def __init__(self, timeline: list[str]) -> None:
        super().__init__()
        self._timeline = timeline

    async def delete_prefix(self, prefix: str) -> int:
        self._timeline.append(f"invalidate {prefix}")
        return await super().delete_prefix(prefix)


class InMemoryCatalogStore:
    """CatalogRepository and CatalogDirectory over the reader's lists; unique slugs and codes like the
    database's keys (claimed when added, as a flush would). Like a database session, the transaction reads
    its own adds and saves before they are committed (the public reader sees them only after)."""

    def __init__(self, reader: InMemoryCatalogReader, tx: FakeTransaction, known: Collection[str]) -> None:
        self.reader = reader
        self._tx = tx
        self.known = set(known) | set(reader.serviceable)
        self._ids = itertools.count(1000)
        self._category_slugs = {c.slug for c in reader.categories}
        self._subcategory_slugs = {s.slug for s in reader.subcategories}
        self._codes = {r.code for r in reader.rate_cards}
        self._pending: dict[tuple[type, int], Any] = {}
        self._pending_offers: dict[int, set[str]] = {}

    def _committed(self, entry: CatalogEntry) -> list[Any]:
        if isinstance(entry, Category):
            return self.reader.categories
        return self.reader.subcategories if isinstance(entry, Subcategory) else self.reader.rate_cards

    def _store_later(self, entry: CatalogEntry) -> None:
        stored = copy.deepcopy(entry)
        rows = self._committed(entry)
        key = (type(entry), entry.id)
        self._pending[key] = stored

        def apply() -> None:
            rows[:] = [row for row in rows if row.id != stored.id] + [stored]
            self._pending.pop(key, None)

        self._tx.later(apply)

    def _find(self, kind: type, rows: Sequence[Any], key: int) -> Any:
        found = self._pending.get((kind, key)) or next((row for row in rows if row.id == key), None)
        return copy.deepcopy(found)

    async def category(self, category_id: CategoryId) -> Category | None:
        found: Category | None = self._find(Category, self.reader.categories, category_id)
        return found

    async def subcategory(self, subcategory_id: SubcategoryId) -> Subcategory | None:
        found: Subcategory | None = self._find(Subcategory, self.reader.subcategories, subcategory_id)
        return found

    async def rate_card(self, rate_card_id: RateCardId) -> RateCard | None:
        found: RateCard | None = self._find(RateCard, self.reader.rate_cards, rate_card_id)
        return found

    def _claim(self, taken: set[str], key: str, error: Callable[[], Exception]) -> None:
        if key in taken:
            raise error()
        taken.add(key)

    async def add_category(self, new: NewCategory) -> Category:
        self._claim(self._category_slugs, new.slug, lambda: SlugTaken("category", new.slug))
        category = Category(id=CategoryId(next(self._ids)), **vars(new))
        self._store_later(category)
        return category

    async def add_subcategory(self, new: NewSubcategory) -> Subcategory:
        assert await self.category(new.category_id) is not None
        self._claim(self._subcategory_slugs, new.slug, lambda: SlugTaken("subcategory", new.slug))
        subcategory = Subcategory(id=SubcategoryId(next(self._ids)), **vars(new))
        self._store_later(subcategory)
        return subcategory

    async def add_rate_card(self, new: NewRateCard) -> RateCard:
        assert await self.subcategory(new.subcategory_id) is not None
        self._claim(self._codes, new.code, lambda: RateCardCodeTaken(new.code))
        card = RateCard(id=RateCardId(next(self._ids)), **vars(new))
        self._store_later(card)
        return card

    async def save(self, entry: CatalogEntry) -> None:
        self._store_later(entry)

    async def pincodes_of(self, rate_card_id: RateCardId) -> set[Pincode]:
        offered = self._pending_offers.get(rate_card_id, self.reader.offers.get(rate_card_id, set()))
        return {Pincode(p) for p in offered}

    async def offer_at(self, rate_card_id: RateCardId, pincodes: Collection[Pincode]) -> None:
        wanted = {p.value for p in pincodes}
        self._pending_offers[rate_card_id] = wanted

        def apply() -> None:
            self.reader.offers[rate_card_id] = wanted
            self._pending_offers.pop(rate_card_id, None)

        self._tx.later(apply)

    async def unknown_pincodes(self, pincodes: Collection[Pincode]) -> set[Pincode]:
        return {p for p in pincodes if p.value not in self.known}

    async def categories(
        self, *, include_inactive: bool, limit: int, offset: int
    ) -> tuple[Sequence[Category], int]:
        found = sorted(
            (c for c in self.reader.categories if include_inactive or c.is_active),
            key=lambda c: (c.sort_order, c.name, c.id),
        )
        return found[offset : offset + limit], len(found)


class CatalogWorld:
    """Everything an ops catalog use case needs, wired like the container does, over fakes: the sample
    catalog (tests/fakes.py), with 110001 known to the directory besides its pincodes."""

    def __init__(self, clock: Clock) -> None:
        self.timeline: list[str] = []
        self.tx = TimedTransaction(self.timeline)
        self.reader = sample_catalog()
        self.store = InMemoryCatalogStore(self.reader, self.tx, known={"110001"})
        self.cache = TimedCache(self.timeline)
        self.log = RecordingActivityLog(self.tx)
        self.audit = Audit(self.log, self.tx, clock)
