"""One suite for the ops catalog ports (CatalogRepository, CatalogDirectory) with the unit of work: the
in-memory fake the handler tests use, SQLite and MariaDB must agree. The databases are fresh (migrated, not
seeded) and shared by this module, so each test makes its own entries."""

import uuid
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from adapters.persistence import tables
from adapters.persistence.catalog_directory import SqlaCatalogDirectory
from adapters.persistence.catalog_repository import SqlaCatalogRepository
from adapters.persistence.customer_repository import SqlaUnitOfWork
from adapters.persistence.engine import create_engine, create_session_factory
from application.catalog.errors import RateCardCodeTaken, SlugTaken
from application.catalog.ports import CatalogDirectory, CatalogRepository
from application.common.ports import UnitOfWork
from domain.catalog.drafts import NewCategory, NewRateCard, NewSubcategory
from domain.catalog.entities import Category, CategoryId, RateCard, RateCardId, Subcategory, SubcategoryId
from domain.shared.money import Money
from domain.shared.pincode import Pincode
from tests.catalog_admin_fakes import InMemoryCatalogStore
from tests.conftest import DatabaseFactory, migrated
from tests.fakes import InMemoryCatalogReader
from tests.staff_fakes import FakeTransaction

KNOWN = ("560034", "110001")


class Store:
    catalog: CatalogRepository
    directory: CatalogDirectory
    uow: UnitOfWork

    async def reopen(self) -> None:
        """Start a new transaction that sees only what was committed."""


class FakeStore(Store):
    def __init__(self) -> None:
        tx = FakeTransaction()
        reader = InMemoryCatalogReader(serviceable=dict.fromkeys(KNOWN, True))
        self.catalog = self.directory = InMemoryCatalogStore(reader, tx, known=())
        self.uow = tx


class SqlStore(Store):
    def __init__(self, factory: async_sessionmaker[AsyncSession]) -> None:
        self._factory = factory
        self._session = factory()
        self._bind()

    def _bind(self) -> None:
        self.catalog = SqlaCatalogRepository(self._session)
        self.directory = SqlaCatalogDirectory(self._session)
        self.uow = SqlaUnitOfWork(self._session)

    async def reopen(self) -> None:
        await self._session.close()
        self._session = self._factory()
        self._bind()

    async def close(self) -> None:
        await self._session.close()


@pytest.fixture(scope="module", params=["fake", "sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
async def engine(request: pytest.FixtureRequest) -> AsyncIterator[AsyncEngine | None]:
    if request.param == "fake":
        yield None
        return
    databases: DatabaseFactory = request.getfixturevalue(f"{request.param}_databases")
    sql_engine = create_engine(migrated(databases.make(str(request.param))))
    async with sql_engine.begin() as conn:
        rows = [{"pincode": p, "locality": "L", "city": "C", "state": "S"} for p in KNOWN]
        await conn.execute(insert(tables.pincodes), rows)
    yield sql_engine
    await sql_engine.dispose()


@pytest.fixture
async def store(engine: AsyncEngine | None) -> AsyncIterator[Store]:
    if engine is None:
        yield FakeStore()
        return
    sql = SqlStore(create_session_factory(engine))
    try:
        yield sql
    finally:
        await sql.close()


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


async def new_entries(store: Store, *, active: bool = True) -> tuple[Category, Subcategory, RateCard]:
    category = await store.catalog.add_category(
        NewCategory(slug=unique("cat"), name="Pest Control", icon="bug", sort_order=5, is_active=active)
    )
    service = await store.catalog.add_subcategory(
        NewSubcategory(
            category_id=category.id,
            slug=unique("svc"),
            name="Cockroach Control",
            duration_minutes=90,
            inclusions=["Kitchen", "Bathrooms"],
            keywords=["cockroach"],
        )
    )
    card = await store.catalog.add_rate_card(
        NewRateCard(
            subcategory_id=service.id,
            code=unique("PST").upper(),
            name="1 BHK",
            price=Money.of("899.00"),
            strike_price=Money.of("1099.00"),
            unit="per home",
        )
    )
    await store.uow.commit()
    return category, service, card


async def test_new_entries_get_ids_and_load_back_when_committed(store: Store) -> None:
    category, service, card = await new_entries(store, active=False)
    await store.reopen()

    loaded_category = await store.catalog.category(category.id)
    loaded_service = await store.catalog.subcategory(service.id)
    loaded_card = await store.catalog.rate_card(card.id)

    assert loaded_category is not None
    assert loaded_service is not None
    assert loaded_card is not None
    assert (loaded_category.slug, loaded_category.icon, loaded_category.is_active) == (
        category.slug,
        "bug",
        False,
    )
    assert (loaded_service.category_id, loaded_service.inclusions, loaded_service.exclusions) == (
        category.id,
        ["Kitchen", "Bathrooms"],
        [],
    )
    assert (loaded_card.price, loaded_card.strike_price, loaded_card.unit) == (
        Money.of("899.00"),
        Money.of("1099.00"),
        "per home",
    )
    assert await store.catalog.category(CategoryId(10**8)) is None
    assert await store.catalog.subcategory(SubcategoryId(10**8)) is None
    assert await store.catalog.rate_card(RateCardId(10**8)) is None


async def test_taken_slugs_and_codes_are_refused_when_added(store: Store) -> None:
    category, service, card = await new_entries(store)
    category_id, category_slug, service_id, service_slug = (
        category.id,
        category.slug,
        service.id,
        service.slug,
    )
    code = card.code  # a failed insert rolls back, expiring what the session loaded

    with pytest.raises(SlugTaken):
        await store.catalog.add_category(NewCategory(slug=category_slug, name="Again"))
    await store.reopen()
    with pytest.raises(SlugTaken):
        await store.catalog.add_subcategory(
            NewSubcategory(category_id=category_id, slug=service_slug, name="Again", duration_minutes=5)
        )
    await store.reopen()
    with pytest.raises(RateCardCodeTaken):
        await store.catalog.add_rate_card(
            NewRateCard(subcategory_id=service_id, code=code, name="Again", price=Money.of("1.00"))
        )
    await store.reopen()
    same_slug_other_kind = await store.catalog.add_subcategory(
        NewSubcategory(category_id=category_id, slug=category_slug, name="Shares a slug", duration_minutes=5)
    )
    assert same_slug_other_kind.id != service_id


async def test_saved_changes_load_back_when_committed(store: Store) -> None:
    category, service, card = await new_entries(store)
    await store.reopen()
    loaded_category = await store.catalog.category(category.id)
    loaded_service = await store.catalog.subcategory(service.id)
    loaded_card = await store.catalog.rate_card(card.id)
    assert loaded_category is not None
    assert loaded_service is not None
    assert loaded_card is not None

    loaded_category.revise(name="Pest Care", sort_order=9)
    loaded_category.deactivate()
    loaded_service.revise(keywords=["roaches", "pests"], duration_minutes=120)
    loaded_card.reprice(price=Money.of("999.50"), strike_price=None)
    for entry in (loaded_category, loaded_service, loaded_card):
        await store.catalog.save(entry)
    await store.uow.commit()
    await store.reopen()

    again_category = await store.catalog.category(category.id)
    again_service = await store.catalog.subcategory(service.id)
    again_card = await store.catalog.rate_card(card.id)
    assert again_category is not None
    assert again_service is not None
    assert again_card is not None
    assert (again_category.name, again_category.sort_order, again_category.is_active) == (
        "Pest Care",
        9,
        False,
    )
    assert (again_service.keywords, again_service.duration_minutes) == (["roaches", "pests"], 120)
    assert (again_card.price.amount, again_card.strike_price) == (Decimal("999.50"), None)


async def test_offers_are_replaced_and_unknown_pincodes_reported_when_set(store: Store) -> None:
    _, _, card = await new_entries(store)
    both = {Pincode(p) for p in KNOWN}

    await store.catalog.offer_at(card.id, both)
    await store.uow.commit()
    await store.reopen()
    first = await store.catalog.pincodes_of(card.id)
    await store.catalog.offer_at(card.id, {Pincode("110001")})
    await store.uow.commit()
    await store.reopen()

    assert first == both
    assert await store.catalog.pincodes_of(card.id) == {Pincode("110001")}
    assert await store.catalog.pincodes_of(RateCardId(10**8)) == set()
    assert await store.catalog.unknown_pincodes({Pincode("560034"), Pincode("999999")}) == {Pincode("999999")}
    assert await store.catalog.unknown_pincodes(set()) == set()


async def test_directory_counts_inactive_categories_only_when_asked(store: Store) -> None:
    _, active_before = await store.directory.categories(include_inactive=False, limit=1, offset=0)
    _, all_before = await store.directory.categories(include_inactive=True, limit=1, offset=0)
    shown = await store.catalog.add_category(
        NewCategory(slug=unique("a"), name="Zz Shown", sort_order=999_998)
    )
    hidden = await store.catalog.add_category(
        NewCategory(slug=unique("b"), name="Zz Hidden", sort_order=999_999, is_active=False)
    )
    await store.uow.commit()
    await store.reopen()

    _, active_after = await store.directory.categories(include_inactive=False, limit=1, offset=0)
    last_two, all_after = await store.directory.categories(include_inactive=True, limit=2, offset=all_before)

    assert (active_after, all_after) == (active_before + 1, all_before + 2)
    assert [c.id for c in last_two] == [shown.id, hidden.id]
