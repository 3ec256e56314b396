"""Concurrent changes to one address book apply one after the other (the account row is locked), so the
rules hold under races: never more than ten live addresses, exactly one default. MariaDB only: SQLite
ignores FOR UPDATE."""

import asyncio
import uuid

import pytest

from adapters.persistence.customer_repository import SqlaCustomerRepository, SqlaUnitOfWork
from adapters.persistence.engine import create_engine, create_session_factory
from adapters.persistence.pincode_directory import SqlaPincodeDirectory
from application.customer.commands.add_address import AddAddress, AddAddressHandler
from application.identity.actors import CustomerActor
from domain.customer.addresses import MAX_ADDRESSES, TooManyAddresses
from domain.customer.entities import Customer, CustomerId
from domain.shared.email import Email

pytestmark = pytest.mark.mariadb
ATTEMPTS = MAX_ADDRESSES + 4


async def test_concurrent_adds_keep_ten_addresses_and_one_default_when_racing(
    seeded_mariadb_url: str,
) -> None:
    engine = create_engine(seeded_mariadb_url, pool_size=ATTEMPTS)
    factory = create_session_factory(engine)
    try:
        async with factory() as session:
            customer = Customer(
                name="Race Test", email=Email(f"race.{uuid.uuid4().hex[:12]}@example.in"), password_hash="x"
            )
            await SqlaCustomerRepository(session).add(customer)
            await session.commit()
        assert customer.id is not None
        actor = CustomerActor(customer_id=customer.id, session="race")

        async def add(n: int) -> str:
            async with factory() as session:
                handler = AddAddressHandler(
                    SqlaCustomerRepository(session), SqlaPincodeDirectory(session), SqlaUnitOfWork(session)
                )
                cmd = AddAddress(label=f"Place {n}", line1="4B Prestige", pincode="560034", is_default=True)
                try:
                    await handler.execute(cmd, actor=actor)
                except TooManyAddresses:
                    return "refused"
                return "added"

        outcomes = await asyncio.gather(*(add(n) for n in range(ATTEMPTS)))

        async with factory() as session:
            stored = await SqlaCustomerRepository(session).get(CustomerId(customer.id))
        assert stored is not None
        assert sorted(outcomes).count("added") == MAX_ADDRESSES
        assert len(stored.live_addresses) == MAX_ADDRESSES
        assert sum(a.is_default for a in stored.live_addresses) == 1
    finally:
        await engine.dispose()
