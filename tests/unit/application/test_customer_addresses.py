"""The signed-in customer's address book use cases: only ever their own live addresses."""

import pytest

from application.customer.commands.add_address import AddAddress, AddAddressHandler
from application.customer.commands.change_address import ChangeAddress, ChangeAddressHandler
from application.customer.commands.remove_address import RemoveAddress, RemoveAddressHandler
from application.customer.errors import AddressNotFound, UnknownPincode
from application.customer.queries.get_address import GetAddress, GetAddressQuery
from application.customer.queries.list_addresses import ListAddresses
from application.identity.actors import CustomerActor
from application.identity.errors import Unauthenticated
from domain.customer.addresses import MAX_ADDRESSES, DefaultAddressRequired, TooManyAddresses
from domain.customer.entities import Customer
from domain.shared.email import Email
from domain.shared.pincode import InvalidPincode, Pincode
from tests.customer_fakes import (
    InMemoryCustomerRepository,
    InMemoryPincodeDirectory,
    InMemoryUnitOfWork,
    demo_pincodes,
)
from tests.fakes import FakeClock


@pytest.fixture
def repo() -> InMemoryCustomerRepository:
    return InMemoryCustomerRepository()


@pytest.fixture
def uow(repo: InMemoryCustomerRepository) -> InMemoryUnitOfWork:
    return InMemoryUnitOfWork(repo)


@pytest.fixture
def pincodes() -> InMemoryPincodeDirectory:
    return demo_pincodes()


def seed(repo: InMemoryCustomerRepository, email: str) -> CustomerActor:
    customer = repo.seed(Customer(name="Anita Rao", email=Email(email), password_hash="fake$x"))
    assert customer.id is not None
    return CustomerActor(customer_id=customer.id, session="s")


@pytest.fixture
def anita(repo: InMemoryCustomerRepository) -> CustomerActor:
    return seed(repo, "anita@example.in")


@pytest.fixture
def bala(repo: InMemoryCustomerRepository) -> CustomerActor:
    return seed(repo, "bala@example.in")


async def add(repo, uow, pincodes, actor: CustomerActor, label: str = "Home", **fields: object) -> int:
    cmd = AddAddress(**{"label": label, "line1": "4B Prestige Acropolis", "pincode": "560034", **fields})  # type: ignore[arg-type]
    view = await AddAddressHandler(repo, pincodes, uow).execute(cmd, actor=actor)
    return view.id


def stored(repo: InMemoryCustomerRepository, actor: CustomerActor) -> Customer:
    customer = repo.committed(actor.customer_id)
    assert customer is not None
    return customer


async def test_first_address_is_saved_as_default_with_place_from_the_pincode_when_added(
    repo, uow, pincodes, anita
) -> None:
    view = await AddAddressHandler(repo, pincodes, uow).execute(
        AddAddress(label=" Home ", line1="4B Prestige Acropolis", pincode=" 560 034", landmark="Near Forum"),
        actor=anita,
    )
    assert (view.label, view.pincode, view.locality, view.city, view.state) == (
        "Home",
        "560034",
        "Koramangala",
        "Bengaluru",
        "Karnataka",
    )
    assert view.is_default
    assert view.landmark == "Near Forum"
    [saved] = stored(repo, anita).live_addresses
    assert (saved.id, saved.is_default, saved.city) == (view.id, True, "Bengaluru")
    assert repo.locked == [anita.customer_id]


async def test_new_default_undefaults_the_old_one_when_added_as_default(repo, uow, pincodes, anita) -> None:
    home = await add(repo, uow, pincodes, anita, "Home")
    office = await add(repo, uow, pincodes, anita, "Office", pincode="400050", is_default=True)
    by_id = {a.id: a for a in stored(repo, anita).live_addresses}
    assert (by_id[home].is_default, by_id[office].is_default) == (False, True)
    assert by_id[office].city == "Mumbai"


async def test_unknown_pincode_is_refused_and_nothing_saved_when_the_directory_lacks_it(
    repo, uow, pincodes, anita
) -> None:
    with pytest.raises(UnknownPincode) as refused:
        await add(repo, uow, pincodes, anita, pincode="999999")
    assert refused.value.pincode == "999999"
    assert stored(repo, anita).addresses == []
    assert uow.commits == 0


@pytest.mark.parametrize("pincode", ["56003", "056003", "abcdef", "", "५६००३४"])
async def test_malformed_pincode_is_refused_before_any_lookup_when_added(
    repo, uow, pincodes, anita, pincode: str
) -> None:
    with pytest.raises(InvalidPincode):
        await add(repo, uow, pincodes, anita, pincode=pincode)
    assert pincodes.lookups == 0
    assert uow.commits == 0


async def test_eleventh_address_is_refused_when_ten_are_saved(repo, uow, pincodes, anita) -> None:
    for n in range(MAX_ADDRESSES):
        await add(repo, uow, pincodes, anita, f"Place {n}")
    with pytest.raises(TooManyAddresses):
        await add(repo, uow, pincodes, anita, "One too many")
    assert len(stored(repo, anita).live_addresses) == MAX_ADDRESSES


async def test_list_shows_only_the_actors_live_addresses_oldest_first_when_read(
    repo, uow, pincodes, anita, bala
) -> None:
    home = await add(repo, uow, pincodes, anita, "Home")
    office = await add(repo, uow, pincodes, anita, "Office")
    gone = await add(repo, uow, pincodes, anita, "Old flat")
    await add(repo, uow, pincodes, bala, "Bala's home")
    await RemoveAddressHandler(repo, uow, FakeClock()).execute(RemoveAddress(address_id=gone), actor=anita)
    repo.new_session()
    result = await ListAddresses(repo).execute(actor=anita)
    assert [(a.id, a.label, a.is_default) for a in result.items] == [
        (home, "Home", True),
        (office, "Office", False),
    ]


async def test_another_customers_address_is_not_found_for_every_operation_when_asked_by_id(
    repo, uow, pincodes, anita, bala
) -> None:
    await add(repo, uow, pincodes, anita, "Home")
    theirs = await add(repo, uow, pincodes, bala, "Bala's home")
    commits = uow.commits
    with pytest.raises(AddressNotFound) as refused:
        await GetAddress(repo).execute(GetAddressQuery(address_id=theirs), actor=anita)
    assert refused.value.key == theirs
    with pytest.raises(AddressNotFound):
        await ChangeAddressHandler(repo, pincodes, uow).execute(
            ChangeAddress(address_id=theirs, label="Mine now", is_default=True), actor=anita
        )
    with pytest.raises(AddressNotFound):
        await RemoveAddressHandler(repo, uow, FakeClock()).execute(
            RemoveAddress(address_id=theirs), actor=anita
        )
    [untouched] = stored(repo, bala).live_addresses
    assert (untouched.label, untouched.is_default, untouched.deleted_at) == ("Bala's home", True, None)
    assert uow.commits == commits


@pytest.mark.parametrize("address_id", [0, -1, 987654, 10**18])
async def test_unknown_address_is_not_found_when_asked_by_id(repo, uow, pincodes, anita, address_id) -> None:
    await add(repo, uow, pincodes, anita)
    with pytest.raises(AddressNotFound):
        await GetAddress(repo).execute(GetAddressQuery(address_id=address_id), actor=anita)


async def test_removed_address_is_not_found_when_read_changed_or_removed_again(
    repo, uow, pincodes, anita
) -> None:
    home = await add(repo, uow, pincodes, anita)
    clock = FakeClock()
    await RemoveAddressHandler(repo, uow, clock).execute(RemoveAddress(address_id=home), actor=anita)
    [kept] = stored(repo, anita).addresses
    assert (kept.id, kept.deleted_at, kept.line1) == (home, clock.now(), "4B Prestige Acropolis")
    with pytest.raises(AddressNotFound):
        await GetAddress(repo).execute(GetAddressQuery(address_id=home), actor=anita)
    with pytest.raises(AddressNotFound):
        await ChangeAddressHandler(repo, pincodes, uow).execute(
            ChangeAddress(address_id=home, label="x"), actor=anita
        )
    with pytest.raises(AddressNotFound):
        await RemoveAddressHandler(repo, uow, clock).execute(RemoveAddress(address_id=home), actor=anita)


async def test_removing_the_default_passes_it_to_the_oldest_remaining_when_others_remain(
    repo, uow, pincodes, anita
) -> None:
    home = await add(repo, uow, pincodes, anita, "Home")
    office = await add(repo, uow, pincodes, anita, "Office")
    await add(repo, uow, pincodes, anita, "Parents")
    await RemoveAddressHandler(repo, uow, FakeClock()).execute(RemoveAddress(address_id=home), actor=anita)
    assert [(a.id, a.is_default) for a in stored(repo, anita).live_addresses if a.is_default] == [
        (office, True)
    ]


async def test_only_the_given_fields_change_and_a_new_pincode_moves_the_place_when_patched(
    repo, uow, pincodes, anita
) -> None:
    home = await add(repo, uow, pincodes, anita, "Home", line2="1st Block", landmark="Near Forum")
    view = await ChangeAddressHandler(repo, pincodes, uow).execute(
        ChangeAddress(address_id=home, pincode="400050", landmark=""), actor=anita
    )
    assert (view.label, view.line1, view.line2, view.landmark) == (
        "Home",
        "4B Prestige Acropolis",
        "1st Block",
        "",
    )
    assert (view.pincode, view.locality, view.city, view.state) == (
        "400050",
        "Bandra West",
        "Mumbai",
        "Maharashtra",
    )
    [saved] = stored(repo, anita).live_addresses
    assert (saved.pincode, saved.city, saved.landmark) == (Pincode("400050"), "Mumbai", "")


async def test_unknown_pincode_is_refused_and_nothing_changes_when_patched(
    repo, uow, pincodes, anita
) -> None:
    home = await add(repo, uow, pincodes, anita, "Home")
    with pytest.raises(UnknownPincode):
        await ChangeAddressHandler(repo, pincodes, uow).execute(
            ChangeAddress(address_id=home, label="Moved", pincode="999999"), actor=anita
        )
    [saved] = stored(repo, anita).live_addresses
    assert (saved.label, saved.pincode) == ("Home", Pincode("560034"))


async def test_making_one_default_undefaults_the_others_and_clearing_the_default_is_refused_when_patched(
    repo, uow, pincodes, anita
) -> None:
    home = await add(repo, uow, pincodes, anita, "Home")
    office = await add(repo, uow, pincodes, anita, "Office")
    handler = ChangeAddressHandler(repo, pincodes, uow)
    await handler.execute(ChangeAddress(address_id=office, is_default=True), actor=anita)
    assert [a.id for a in stored(repo, anita).live_addresses if a.is_default] == [office]
    with pytest.raises(DefaultAddressRequired):
        await handler.execute(ChangeAddress(address_id=office, is_default=False), actor=anita)
    await handler.execute(ChangeAddress(address_id=home, is_default=False), actor=anita)
    assert [a.id for a in stored(repo, anita).live_addresses if a.is_default] == [office]


async def test_address_book_is_unauthenticated_when_the_account_was_deleted(
    repo, uow, pincodes, anita
) -> None:
    home = await add(repo, uow, pincodes, anita)
    gone = stored(repo, anita)
    gone.delete(now=FakeClock().now())
    repo.seed(gone)
    repo.new_session()
    with pytest.raises(Unauthenticated):
        await ListAddresses(repo).execute(actor=anita)
    with pytest.raises(Unauthenticated):
        await GetAddress(repo).execute(GetAddressQuery(address_id=home), actor=anita)
    with pytest.raises(Unauthenticated):
        await add(repo, uow, pincodes, anita)
    with pytest.raises(Unauthenticated):
        await ChangeAddressHandler(repo, pincodes, uow).execute(ChangeAddress(address_id=home), actor=anita)
    with pytest.raises(Unauthenticated):
        await RemoveAddressHandler(repo, uow, FakeClock()).execute(
            RemoveAddress(address_id=home), actor=anita
        )
