"""One suite for the CustomerRepository port and its unit of work, as the address book uses them: the
in-memory fake, SQLite and MariaDB must agree."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Protocol

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from adapters.persistence.customer_repository import SqlaCustomerRepository, SqlaUnitOfWork
from adapters.persistence.engine import create_engine, create_session_factory
from application.common.ports import UnitOfWork
from application.customer.ports import CustomerRepository
from application.identity.errors import AccountExists
from domain.customer.addresses import Location
from domain.customer.entities import Customer, CustomerId
from domain.shared.email import Email
from domain.shared.pincode import Pincode
from tests.customer_fakes import InMemoryCustomerRepository, InMemoryUnitOfWork

KORAMANGALA = Location(Pincode("560034"), "Koramangala", "Bengaluru", "Karnataka")
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


class Store(Protocol):
    customers: CustomerRepository
    uow: UnitOfWork

    async def reopen(self) -> None:
        """Start a new session: the next loads see only what was committed."""
        ...


class FakeStore:
    def __init__(self) -> None:
        self.repo = InMemoryCustomerRepository()
        self.customers: CustomerRepository = self.repo
        self.uow: UnitOfWork = InMemoryUnitOfWork(self.repo)

    async def reopen(self) -> None:
        self.repo.new_session()


class SqlStore:
    def __init__(self, factory: async_sessionmaker[AsyncSession]) -> None:
        self._factory = factory
        self._session = factory()
        self._bind()

    def _bind(self) -> None:
        self.customers: CustomerRepository = SqlaCustomerRepository(self._session)
        self.uow: UnitOfWork = SqlaUnitOfWork(self._session)

    async def reopen(self) -> None:
        await self._session.close()
        self._session = self._factory()
        self._bind()

    async def close(self) -> None:
        await self._session.close()


@pytest.fixture(params=["fake", "sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
async def store(request: pytest.FixtureRequest) -> AsyncIterator[Store]:
    if request.param == "fake":
        yield FakeStore()
        return
    engine = create_engine(request.getfixturevalue(f"seeded_{request.param}_url"))
    sql = SqlStore(create_session_factory(engine))
    try:
        yield sql
    finally:
        await sql.close()
        await engine.dispose()


async def _new_customer(store: Store) -> Customer:
    customer = Customer(
        name="Contract Test", email=Email(f"contract.{uuid.uuid4().hex[:12]}@example.in"), password_hash="x"
    )
    await store.customers.add(customer)
    assert customer.id is not None
    return customer


async def test_new_addresses_get_ids_on_flush_and_load_back_when_committed(store: Store) -> None:
    customer = await _new_customer(store)
    home = customer.add_address(label="Home", line1="4B Prestige", landmark="Forum", location=KORAMANGALA)
    await store.customers.flush()
    assert home.id is not None
    await store.uow.commit()
    await store.reopen()

    again = await store.customers.get(CustomerId(customer.id or 0))
    assert again is not None
    [loaded] = again.live_addresses
    assert (loaded.id, loaded.customer_id, loaded.label, loaded.landmark) == (
        home.id,
        customer.id,
        "Home",
        "Forum",
    )
    assert (loaded.pincode, loaded.locality, loaded.city, loaded.state) == (
        Pincode("560034"),
        "Koramangala",
        "Bengaluru",
        "Karnataka",
    )
    assert loaded.is_default


async def test_removed_address_stays_stored_but_not_live_when_reloaded(store: Store) -> None:
    customer = await _new_customer(store)
    home = customer.add_address(label="Home", line1="4B Prestige", location=KORAMANGALA)
    office = customer.add_address(label="Office", line1="12 MG Road", location=KORAMANGALA)
    await store.customers.flush()
    await store.uow.commit()
    await store.reopen()

    locked = await store.customers.get_for_update(CustomerId(customer.id or 0))
    assert locked is not None
    assert home.id is not None
    locked.remove_address(home.id, now=NOW)
    await store.uow.commit()
    await store.reopen()

    again = await store.customers.get(CustomerId(customer.id or 0))
    assert again is not None
    assert [(a.id, a.is_default) for a in again.live_addresses] == [(office.id, True)]
    assert [(a.id, a.deleted_at) for a in again.addresses] == [(home.id, NOW), (office.id, None)]


async def test_deleted_customer_is_invisible_when_looked_up_in_any_way(store: Store) -> None:
    customer = await _new_customer(store)
    email = customer.email
    assert email is not None
    await store.uow.commit()
    customer.delete(now=NOW)
    await store.uow.commit()
    await store.reopen()

    customer_id = CustomerId(customer.id or 0)
    assert await store.customers.get(customer_id) is None
    assert await store.customers.get_for_update(customer_id) is None
    assert await store.customers.find_by_email(email) is None


async def test_taking_another_accounts_email_is_refused_when_committed(store: Store) -> None:
    first = await _new_customer(store)
    second = await _new_customer(store)
    await store.uow.commit()
    second.update_profile(email=first.email)
    with pytest.raises(AccountExists):
        await store.uow.commit()
