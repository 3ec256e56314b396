"""One suite for the PincodeDirectory port: the in-memory fake and the `pincodes` table must agree."""

from collections.abc import AsyncIterator

import pytest

from adapters.persistence.engine import create_engine, create_session_factory
from adapters.persistence.pincode_directory import SqlaPincodeDirectory
from application.serviceability.ports import PincodeDirectory
from domain.shared.pincode import Pincode
from tests.customer_fakes import demo_pincodes


@pytest.fixture(params=["fake", "sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
async def directory(request: pytest.FixtureRequest) -> AsyncIterator[PincodeDirectory]:
    if request.param == "fake":
        yield demo_pincodes()
        return
    engine = create_engine(request.getfixturevalue(f"seeded_{request.param}_url"))
    try:
        async with create_session_factory(engine)() as session:
            yield SqlaPincodeDirectory(session)
    finally:
        await engine.dispose()


@pytest.mark.parametrize(
    ("pincode", "place"),
    [
        ("560034", ("Koramangala", "Bengaluru", "Karnataka")),
        ("400050", ("Bandra West", "Mumbai", "Maharashtra")),
    ],
)
async def test_known_pincode_gives_its_place_when_looked_up(
    directory: PincodeDirectory, pincode: str, place: tuple[str, str, str]
) -> None:
    info = await directory.lookup(Pincode(pincode))
    assert info is not None
    assert info.pincode == Pincode(pincode)
    assert (info.locality, info.city, info.state) == place
    assert info.serviceable is True


@pytest.mark.parametrize("pincode", ["999999", "100000"])
async def test_unknown_pincode_gives_nothing_when_looked_up(
    directory: PincodeDirectory, pincode: str
) -> None:
    assert await directory.lookup(Pincode(pincode)) is None
