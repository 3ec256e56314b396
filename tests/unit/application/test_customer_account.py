"""The signed-in customer's own account: read and change the profile, change the password, delete it."""

from datetime import UTC, datetime, timedelta

import pytest

from application.customer.commands.change_password import (
    FAILURES_BEFORE_LOCKOUT,
    ChangePassword,
    ChangePasswordHandler,
)
from application.customer.commands.delete_account import DeleteAccountHandler
from application.customer.commands.update_profile import UpdateProfile, UpdateProfileHandler
from application.customer.errors import WrongCurrentPassword
from application.customer.queries.get_profile import GetProfile
from application.identity.actors import CustomerActor
from application.identity.errors import AccountExists, RateLimited, Unauthenticated
from application.identity.tokens import TokenPair, TokenService
from domain.customer.addresses import Location
from domain.customer.entities import ContactRequired, Customer, CustomerId, InvalidName
from domain.identity.password_policy import WeakPassword
from domain.shared.email import Email, InvalidEmail
from domain.shared.phone import InvalidPhoneNumber, PhoneNumber
from domain.shared.pincode import Pincode
from tests.customer_fakes import (
    FakePasswordHasher,
    InMemoryCustomerRepository,
    InMemoryRateLimiter,
    InMemoryUnitOfWork,
    make_token_service,
)
from tests.fakes import FakeClock

PASSWORD = "Mango-Lassi-42"
NEW_PASSWORD = "Filter-Coffee-77"


@pytest.fixture
def repo() -> InMemoryCustomerRepository:
    return InMemoryCustomerRepository()


@pytest.fixture
def uow(repo: InMemoryCustomerRepository) -> InMemoryUnitOfWork:
    return InMemoryUnitOfWork(repo)


@pytest.fixture
def clock() -> FakeClock:
    """A minute behind the wall clock: the JWT codec checks expiry and issue time against real time."""
    return FakeClock(datetime.now(UTC) - timedelta(minutes=1))


@pytest.fixture
def tokens(clock: FakeClock) -> TokenService:
    return make_token_service(clock)


def seed(
    repo: InMemoryCustomerRepository,
    email: str | None = "anita@example.in",
    phone: str | None = None,
    **extra: object,
) -> tuple[Customer, CustomerActor]:
    customer = repo.seed(
        Customer(
            name="Anita Rao",
            email=Email(email) if email else None,
            phone=PhoneNumber(phone) if phone else None,
            password_hash=f"fake${PASSWORD}",
            email_verified=email is not None,
            phone_verified=phone is not None,
            **extra,  # type: ignore[arg-type]
        )
    )
    assert customer.id is not None
    return customer, CustomerActor(customer_id=customer.id, session="family-of-this-session")


async def test_profile_is_the_actors_own_when_read(repo: InMemoryCustomerRepository) -> None:
    seed(repo, "someone.else@example.in")
    me, actor = seed(repo, phone="+919812345678")
    view = await GetProfile(repo).execute(actor=actor)
    assert (view.id, view.email, view.phone, view.email_verified) == (
        me.id,
        "anita@example.in",
        "+919812345678",
        True,
    )


@pytest.mark.parametrize("state", ["unknown", "deleted", "deactivated"])
async def test_profile_is_unauthenticated_when_the_account_is_gone_or_deactivated(
    repo: InMemoryCustomerRepository, clock: FakeClock, state: str
) -> None:
    customer, actor = seed(repo)
    stored = repo.committed(customer.id or 0)
    assert stored is not None
    if state == "deleted":
        stored.delete(now=clock.now())
        repo.seed(stored)
    elif state == "deactivated":
        stored.is_active = False
        repo.seed(stored)
    else:
        actor = CustomerActor(customer_id=4242, session="x")
    with pytest.raises(Unauthenticated):
        await GetProfile(repo).execute(actor=actor)


async def test_only_the_name_changes_when_only_the_name_is_given(repo, uow) -> None:
    customer, actor = seed(repo, phone="+919812345678")
    view = await UpdateProfileHandler(repo, uow).execute(UpdateProfile(name="  Anita   R. Rao "), actor=actor)
    stored = repo.committed(customer.id or 0)
    assert stored is not None
    assert (stored.name, stored.email, stored.email_verified, stored.phone_verified) == (
        "Anita R. Rao",
        Email("anita@example.in"),
        True,
        True,
    )
    assert view.name == "Anita R. Rao"
    assert repo.locked == [customer.id]


async def test_new_email_and_mobile_are_unverified_when_changed(repo, uow) -> None:
    customer, actor = seed(repo, phone="+919812345678")
    cmd = UpdateProfile(email=" Anita.New@Example.IN ", phone="98765 43210")
    view = await UpdateProfileHandler(repo, uow).execute(cmd, actor=actor)
    stored = repo.committed(customer.id or 0)
    assert stored is not None
    assert (stored.email, stored.phone) == (Email("anita.new@example.in"), PhoneNumber("+919876543210"))
    assert (stored.email_verified, stored.phone_verified) == (False, False)
    assert (view.email_verified, view.phone_verified) == (False, False)


async def test_email_stays_verified_when_the_same_address_is_sent_in_another_case(repo, uow) -> None:
    customer, actor = seed(repo)
    await UpdateProfileHandler(repo, uow).execute(UpdateProfile(email="ANITA@example.in"), actor=actor)
    stored = repo.committed(customer.id or 0)
    assert stored is not None
    assert stored.email_verified


@pytest.mark.parametrize(
    "cmd", [UpdateProfile(email="taken@example.in"), UpdateProfile(name="New Name", phone="+919800000001")]
)
async def test_taken_email_or_mobile_is_refused_and_nothing_changes_when_another_account_has_it(
    repo, uow, cmd: UpdateProfile
) -> None:
    seed(repo, "taken@example.in", phone="+919800000001")
    customer, actor = seed(repo)
    with pytest.raises(AccountExists):
        await UpdateProfileHandler(repo, uow).execute(cmd, actor=actor)
    stored = repo.committed(customer.id or 0)
    assert stored is not None
    assert (stored.name, stored.email, stored.phone, uow.commits) == (
        "Anita Rao",
        Email("anita@example.in"),
        None,
        0,
    )


async def test_email_is_removed_when_null_is_sent_and_a_mobile_remains(repo, uow) -> None:
    customer, actor = seed(repo, phone="+919812345678")
    await UpdateProfileHandler(repo, uow).execute(UpdateProfile(email=None), actor=actor)
    stored = repo.committed(customer.id or 0)
    assert stored is not None
    assert (stored.email, stored.phone) == (None, PhoneNumber("+919812345678"))


async def test_removing_the_only_contact_is_refused_when_nothing_else_would_remain(repo, uow) -> None:
    _, actor = seed(repo)
    with pytest.raises(ContactRequired):
        await UpdateProfileHandler(repo, uow).execute(UpdateProfile(email=None, phone=None), actor=actor)
    assert uow.commits == 0


async def test_a_mobile_can_replace_the_email_when_both_are_sent_together(repo, uow) -> None:
    _, actor = seed(repo)
    cmd = UpdateProfile(email=None, phone="+919812345678")
    view = await UpdateProfileHandler(repo, uow).execute(cmd, actor=actor)
    assert (view.email, view.phone) == (None, "+919812345678")


@pytest.mark.parametrize(
    ("cmd", "error"),
    [
        (UpdateProfile(name="A"), InvalidName),
        (UpdateProfile(email="not-an-email"), InvalidEmail),
        (UpdateProfile(phone="12345"), InvalidPhoneNumber),
    ],
)
async def test_bad_details_are_refused_and_nothing_is_saved_when_malformed(repo, uow, cmd, error) -> None:
    _, actor = seed(repo)
    with pytest.raises(error):
        await UpdateProfileHandler(repo, uow).execute(cmd, actor=actor)
    assert uow.commits == 0


def change_password(repo, uow, tokens, limiter=None) -> ChangePasswordHandler:
    return ChangePasswordHandler(repo, uow, FakePasswordHasher(), tokens, limiter or InMemoryRateLimiter())


async def _session(tokens: TokenService, customer: Customer) -> TokenPair:
    assert customer.id is not None
    return await tokens.issue(customer.id, "customer")


async def test_password_change_signs_out_every_old_session_and_returns_a_working_pair_when_right(
    repo, uow, tokens, clock
) -> None:
    customer, actor = seed(repo)
    old = [await _session(tokens, customer) for _ in range(2)]
    clock.advance(timedelta(seconds=5))
    result = await change_password(repo, uow, tokens).execute(
        ChangePassword(current_password=PASSWORD, new_password=NEW_PASSWORD), actor=actor
    )
    stored = repo.committed(customer.id or 0)
    assert stored is not None
    assert stored.password_hash == f"fake${NEW_PASSWORD}"
    for pair in old:
        with pytest.raises(Unauthenticated):
            await tokens.authenticate(pair.access_token, "customer")
        with pytest.raises(Unauthenticated):
            await tokens.refresh(pair.refresh_token, "customer")
    claims = await tokens.authenticate(result.access_token, "customer")
    assert claims.subject == customer.id
    assert (result.user.id, result.token_type) == (customer.id, "Bearer")
    assert await tokens.refresh(result.refresh_token, "customer")


async def test_password_change_is_refused_and_sessions_survive_when_the_current_password_is_wrong(
    repo, uow, tokens, clock
) -> None:
    customer, actor = seed(repo)
    old = await _session(tokens, customer)
    clock.advance(timedelta(seconds=5))
    with pytest.raises(WrongCurrentPassword) as refused:
        await change_password(repo, uow, tokens).execute(
            ChangePassword(current_password="Not-my-password-1", new_password=NEW_PASSWORD), actor=actor
        )
    assert refused.value.code == "invalid_credentials"
    assert uow.commits == 0
    stored = repo.committed(customer.id or 0)
    assert stored is not None
    assert stored.password_hash == f"fake${PASSWORD}"
    assert await tokens.authenticate(old.access_token, "customer")


async def test_password_change_locks_the_session_when_the_current_password_is_guessed_repeatedly(
    repo, uow, tokens
) -> None:
    _, actor = seed(repo)
    handler = change_password(repo, uow, tokens, InMemoryRateLimiter())
    for _ in range(FAILURES_BEFORE_LOCKOUT):
        with pytest.raises(WrongCurrentPassword):
            await handler.execute(
                ChangePassword(current_password="Guess-123456", new_password=NEW_PASSWORD), actor=actor
            )
    with pytest.raises(RateLimited) as locked:
        await handler.execute(
            ChangePassword(current_password=PASSWORD, new_password=NEW_PASSWORD), actor=actor
        )
    assert locked.value.retry_after_seconds > 0
    assert uow.commits == 0


@pytest.mark.parametrize("new_password", ["short1", "onlyletterslong", "password1234", "my-anita-pass-1"])
async def test_weak_new_password_is_refused_when_it_breaks_the_policy_or_holds_personal_data(
    repo, uow, tokens, new_password: str
) -> None:
    _, actor = seed(repo)
    with pytest.raises(WeakPassword):
        await change_password(repo, uow, tokens).execute(
            ChangePassword(current_password=PASSWORD, new_password=new_password), actor=actor
        )
    assert uow.commits == 0


async def test_deleting_the_account_scrubs_it_frees_its_email_and_signs_out_everywhere_when_asked(
    repo, uow, tokens, clock
) -> None:
    customer, actor = seed(repo, phone="+919812345678")
    customer = await repo.get(CustomerId(customer.id or 0))  # type: ignore[assignment]
    customer.add_address(
        label="Home",
        line1="4B Prestige",
        location=Location(Pincode("560034"), "Koramangala", "Bengaluru", "KA"),
    )
    await uow.commit()
    pair = await _session(tokens, customer)
    clock.advance(timedelta(seconds=5))

    await DeleteAccountHandler(repo, uow, tokens, clock).execute(actor=actor)

    stored = repo.committed(customer.id or 0)
    assert stored is not None
    assert (stored.deleted_at, stored.email, stored.phone, stored.name) == (
        clock.now(),
        None,
        None,
        "Deleted customer",
    )
    assert [(a.line1, a.deleted_at) for a in stored.addresses] == [("Removed", clock.now())]
    assert await repo.get(CustomerId(customer.id or 0)) is None
    assert await repo.find_by_email(Email("anita@example.in")) is None
    with pytest.raises(Unauthenticated):
        await tokens.authenticate(pair.access_token, "customer")
    with pytest.raises(Unauthenticated):
        await tokens.refresh(pair.refresh_token, "customer")
    with pytest.raises(Unauthenticated):
        await DeleteAccountHandler(repo, uow, tokens, clock).execute(actor=actor)
