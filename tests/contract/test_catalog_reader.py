"""One suite for the CatalogReader port: the in-memory fake, SQLite and MariaDB must agree."""

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import insert

from adapters.persistence import tables
from adapters.persistence.catalog_reader import SqlaCatalogReader
from adapters.persistence.engine import create_engine, create_session_factory
from application.catalog.ports import CatalogReader
from domain.catalog.entities import CategoryId, SubcategoryId
from domain.shared.money import Money
from domain.shared.pincode import Pincode
from tests.conftest import DatabaseFactory, migrated
from tests.fakes import sample_catalog

READERS = ["fake", "sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)]


async def _sql_reader(url: str) -> AsyncIterator[CatalogReader]:
    engine = create_engine(url)
    data = sample_catalog()
    async with engine.begin() as conn:
        await conn.execute(
            insert(tables.pincodes),
            [
                {"pincode": p, "locality": "L", "city": "C", "state": "S", "is_serviceable": ok}
                for p, ok in data.serviceable.items()
            ],
        )
    factory = create_session_factory(engine)
    async with factory() as session:
        session.add_all(data.categories)
        await session.flush()
        session.add_all(data.subcategories)
        await session.flush()
        session.add_all(data.rate_cards)
        await session.commit()
    async with engine.begin() as conn:
        await conn.execute(
            insert(tables.rate_card_pincodes),
            [{"rate_card_id": rc, "pincode": p} for rc, pins in data.offers.items() for p in pins],
        )
    try:
        async with factory() as session:
            yield SqlaCatalogReader(session)
    finally:
        await engine.dispose()


@pytest.fixture(params=READERS)
async def reader(request: pytest.FixtureRequest) -> AsyncIterator[CatalogReader]:
    if request.param == "fake":
        yield sample_catalog()
        return
    databases: DatabaseFactory = request.getfixturevalue(f"{request.param}_databases")
    url = migrated(databases.make(str(request.param)))
    async for sql_reader in _sql_reader(url):
        yield sql_reader


async def test_lists_active_categories_in_display_order_when_some_are_inactive(reader: CatalogReader) -> None:
    assert [c.slug for c in await reader.list_categories()] == ["cleaning", "plumbing"]


async def test_get_category_returns_none_when_inactive_or_unknown(reader: CatalogReader) -> None:
    found = await reader.get_category(CategoryId(1))
    assert found is not None
    assert found.name == "Home Cleaning"
    assert await reader.get_category(CategoryId(3)) is None
    assert await reader.get_category(CategoryId(999)) is None


async def test_subcategories_keep_their_details_when_loaded(reader: CatalogReader) -> None:
    subs = await reader.list_subcategories(CategoryId(1))
    assert [(s.id, s.slug, s.duration_minutes, s.inclusions) for s in subs] == [
        (10, "deep-cleaning", 240, ["Kitchen", "Bathrooms"])
    ]


async def test_subcategory_is_hidden_when_its_category_is_inactive(reader: CatalogReader) -> None:
    assert await reader.get_subcategory(SubcategoryId(30)) is None
    assert await reader.get_subcategory(SubcategoryId(20)) is not None


async def test_rate_cards_come_cheapest_first_with_exact_money_when_listed_without_pincode(
    reader: CatalogReader,
) -> None:
    cards = await reader.list_rate_cards(SubcategoryId(10))
    assert [(c.code, c.price, c.strike_price) for c in cards] == [
        ("CLN-1BHK", Money.of("3499.00"), None),
        ("CLN-2BHK", Money.of("4499.00"), Money.of("5299.00")),
    ]


async def test_rate_cards_are_filtered_when_a_pincode_is_given(reader: CatalogReader) -> None:
    assert [c.code for c in await reader.list_rate_cards(SubcategoryId(10), Pincode("560034"))] == [
        "CLN-1BHK",
        "CLN-2BHK",
    ]
    assert await reader.list_rate_cards(SubcategoryId(10), Pincode("110017")) == []


async def test_no_rate_cards_when_the_pincode_is_not_serviceable(reader: CatalogReader) -> None:
    assert await reader.list_rate_cards(SubcategoryId(10), Pincode("400050")) == []
    assert await reader.is_serviceable(Pincode("400050")) is False
    assert await reader.is_serviceable(Pincode("560034")) is True
    assert await reader.is_serviceable(Pincode("999999")) is False
