"""One suite for the ServiceCoverage port: the in-memory fake, SQLite and MariaDB must agree."""

from collections.abc import AsyncIterator

import pytest

from adapters.persistence.engine import create_engine, create_session_factory
from adapters.persistence.service_coverage import SqlaServiceCoverage
from application.serviceability.ports import ServiceCoverage
from domain.shared.pincode import Pincode
from tests.conftest import DatabaseFactory, migrated
from tests.contract.provider_sample_sql import load_provider_data
from tests.provider_fakes import InMemoryServiceCoverage, sample_provider_data


@pytest.fixture(params=["fake", "sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
async def coverage(request: pytest.FixtureRequest) -> AsyncIterator[ServiceCoverage]:
    data = sample_provider_data()
    if request.param == "fake":
        yield InMemoryServiceCoverage(data.catalog)
        return
    databases: DatabaseFactory = request.getfixturevalue(f"{request.param}_databases")
    engine = create_engine(migrated(databases.make(str(request.param))))
    try:
        await load_provider_data(engine, data)
        async with create_session_factory(engine)() as session:
            yield SqlaServiceCoverage(session)
    finally:
        await engine.dispose()


@pytest.mark.parametrize(
    ("pincode", "slugs"),
    [
        ("560034", ["cleaning"]),
        ("560001", ["plumbing"]),
        ("110017", []),
        ("400050", []),
        ("999999", []),
    ],
)
async def test_categories_are_those_with_a_live_rate_card_offered_when_looked_up(
    coverage: ServiceCoverage, pincode: str, slugs: list[str]
) -> None:
    assert [c.slug for c in await coverage.categories_offered_at(Pincode(pincode))] == slugs
