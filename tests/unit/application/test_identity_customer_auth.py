"""Customer sign-up, sign-in, refresh, sign-out and password reset, with in-memory fakes."""

from datetime import UTC, datetime, timedelta

import pytest

from application.common.errors import InvalidInput
from application.identity.actors import CustomerActor
from application.identity.commands.login_customer import TIMING_HASH, LoginCustomer, LoginCustomerHandler
from application.identity.commands.logout import LogoutHandler
from application.identity.commands.password_reset import (
    ConfirmPasswordReset,
    ConfirmPasswordResetHandler,
    RequestPasswordReset,
    RequestPasswordResetHandler,
)
from application.identity.commands.refresh_customer_tokens import (
    RefreshCustomerTokens,
    RefreshCustomerTokensHandler,
)
from application.identity.commands.register_customer import RegisterCustomer, RegisterCustomerHandler
from application.identity.errors import AccountExists, InvalidCredentials, RateLimited, Unauthenticated
from domain.identity.password_policy import WeakPassword
from tests.fakes import FakeClock
from tests.identity_fakes import IdentityKit

PASSWORD = "Mango-Lassi-42"


@pytest.fixture
def kit() -> IdentityKit:
    return IdentityKit(clock=FakeClock(datetime.now(UTC)))


def register(kit: IdentityKit) -> RegisterCustomerHandler:
    return RegisterCustomerHandler(kit.customers, kit.uow, kit.hasher, kit.tokens, kit.limiter)


def login(kit: IdentityKit) -> LoginCustomerHandler:
    return LoginCustomerHandler(kit.customers, kit.uow, kit.hasher, kit.tokens, kit.guard, kit.clock)


async def signed_up(kit: IdentityKit, email: str = "ananya@example.in", phone: str | None = None):  # type: ignore[no-untyped-def]
    return await register(kit).execute(
        RegisterCustomer(name="Ananya Iyer", password=PASSWORD, email=email, phone=phone)
    )


async def test_sign_up_stores_a_hash_not_the_password_and_commits_when_valid(kit: IdentityKit) -> None:
    result = await signed_up(kit, phone="+91 98450 12345")
    stored = kit.customers.rows[result.user.id]
    assert stored.password_hash == f"hashed:{PASSWORD}"
    assert stored.phone is not None
    assert stored.phone.value == "+919845012345"
    assert kit.uow.commits == 1
    claims = await kit.tokens.authenticate(result.access_token, "customer")
    assert claims.subject == result.user.id


async def test_sign_up_writes_nothing_when_the_password_is_weak(kit: IdentityKit) -> None:
    with pytest.raises(WeakPassword):
        await register(kit).execute(
            RegisterCustomer(name="Ananya Iyer", password="ananya12345", email="ananya@example.in")
        )
    assert kit.customers.rows == {}


async def test_sign_up_needs_an_email_or_a_mobile_when_both_are_missing(kit: IdentityKit) -> None:
    with pytest.raises(InvalidInput):
        await register(kit).execute(RegisterCustomer(name="Ananya Iyer", password=PASSWORD))


async def test_sign_up_refuses_a_taken_email_or_phone_when_repeated(kit: IdentityKit) -> None:
    await signed_up(kit, phone="9845012345")
    with pytest.raises(AccountExists):
        await signed_up(kit, email="ANANYA@example.in")
    with pytest.raises(AccountExists):
        await signed_up(kit, email="other@example.in", phone="+91-98450-12345")
    assert len(kit.customers.rows) == 1


async def test_sign_up_is_rate_limited_per_address_when_flooded(kit: IdentityKit) -> None:
    handler = register(kit)
    for n in range(20):
        await handler.execute(
            RegisterCustomer(name="Bot Account", password=PASSWORD, email=f"b{n}@example.in", ip="1.2.3.4")
        )
    with pytest.raises(RateLimited):
        await handler.execute(
            RegisterCustomer(name="Bot Account", password=PASSWORD, email="b99@example.in", ip="1.2.3.4")
        )


async def test_sign_in_records_the_login_when_the_password_is_right(kit: IdentityKit) -> None:
    account = await signed_up(kit)
    result = await login(kit).execute(LoginCustomer(identifier="ananya@example.in", password=PASSWORD))
    assert result.user.id == account.user.id
    assert kit.customers.rows[account.user.id].last_login_at == kit.clock.now()


async def test_unknown_account_is_verified_against_the_timing_hash_when_signing_in(kit: IdentityKit) -> None:
    with pytest.raises(InvalidCredentials):
        await login(kit).execute(LoginCustomer(identifier="ghost@example.in", password=PASSWORD))
    assert kit.hasher.verified == [TIMING_HASH]


@pytest.mark.parametrize("identifier", ["not an email or phone", "12345", "@"])
async def test_malformed_identifier_is_just_invalid_credentials_when_signing_in(
    kit: IdentityKit, identifier: str
) -> None:
    with pytest.raises(InvalidCredentials):
        await login(kit).execute(LoginCustomer(identifier=identifier, password=PASSWORD))


async def test_five_failures_lock_the_identifier_and_success_resets_the_count_when_signing_in(
    kit: IdentityKit,
) -> None:
    await signed_up(kit)
    handler = login(kit)
    for _ in range(4):
        with pytest.raises(InvalidCredentials):
            await handler.execute(LoginCustomer(identifier="ananya@example.in", password="Wrong-pass-1"))
    await handler.execute(LoginCustomer(identifier="ananya@example.in", password=PASSWORD))
    for _ in range(5):
        with pytest.raises(InvalidCredentials):
            await handler.execute(LoginCustomer(identifier="ananya@example.in", password="Wrong-pass-1"))
    with pytest.raises(RateLimited) as caught:
        await handler.execute(LoginCustomer(identifier="ananya@example.in", password=PASSWORD))
    assert caught.value.retry_after_seconds > 0


async def test_old_hashes_are_upgraded_when_the_customer_signs_in(kit: IdentityKit) -> None:
    account = await signed_up(kit)
    kit.customers.rows[account.user.id].password_hash = f"old:{PASSWORD}"
    await login(kit).execute(LoginCustomer(identifier="ananya@example.in", password=PASSWORD))
    assert kit.customers.rows[account.user.id].password_hash == f"hashed:{PASSWORD}"


async def test_deleted_account_cannot_sign_in_or_refresh_when_it_had_tokens(kit: IdentityKit) -> None:
    account = await signed_up(kit)
    kit.customers.rows[account.user.id].delete(now=kit.clock.now())
    with pytest.raises(InvalidCredentials):
        await login(kit).execute(LoginCustomer(identifier="ananya@example.in", password=PASSWORD))
    with pytest.raises(Unauthenticated):
        await RefreshCustomerTokensHandler(kit.tokens, kit.customers).execute(
            RefreshCustomerTokens(refresh_token=account.refresh_token)
        )


async def test_refresh_rotates_and_replay_revokes_the_family_when_reused(kit: IdentityKit) -> None:
    account = await signed_up(kit)
    handler = RefreshCustomerTokensHandler(kit.tokens, kit.customers)
    rotated = await handler.execute(RefreshCustomerTokens(refresh_token=account.refresh_token))
    with pytest.raises(Unauthenticated):
        await handler.execute(RefreshCustomerTokens(refresh_token=account.refresh_token))
    with pytest.raises(Unauthenticated):
        await kit.tokens.authenticate(rotated.access_token, "customer")


async def test_logout_revokes_only_that_session_when_called(kit: IdentityKit) -> None:
    first = await signed_up(kit)
    second = await login(kit).execute(LoginCustomer(identifier="ananya@example.in", password=PASSWORD))
    claims = await kit.tokens.authenticate(first.access_token, "customer")
    await LogoutHandler(kit.tokens).execute(
        actor=CustomerActor(customer_id=claims.subject, session=claims.family)
    )
    with pytest.raises(Unauthenticated):
        await kit.tokens.authenticate(first.access_token, "customer")
    assert (await kit.tokens.authenticate(second.access_token, "customer")).subject == first.user.id


async def test_reset_is_silent_for_unknown_accounts_and_sends_a_code_to_known_ones_when_requested(
    kit: IdentityKit,
) -> None:
    await signed_up(kit, phone="9845012345")
    handler = RequestPasswordResetHandler(kit.customers, kit.one_time, kit.notifier, kit.limiter)
    await handler.execute(RequestPasswordReset(identifier="ghost@example.in"))
    await handler.execute(RequestPasswordReset(identifier="not even an identifier"))
    assert kit.notifier.sent == []
    await handler.execute(RequestPasswordReset(identifier="98450 12345"))
    assert [(s.to, s.channel, s.template) for s in kit.notifier.sent] == [
        ("+919845012345", "sms", "password_reset")
    ]
    assert len(kit.notifier.sent[0].data["token"]) >= 40


async def test_reset_requests_are_rate_limited_when_repeated(kit: IdentityKit) -> None:
    handler = RequestPasswordResetHandler(kit.customers, kit.one_time, kit.notifier, kit.limiter)
    for _ in range(5):
        await handler.execute(RequestPasswordReset(identifier="ananya@example.in"))
    with pytest.raises(RateLimited):
        await handler.execute(RequestPasswordReset(identifier="ananya@example.in"))


async def test_confirmed_reset_works_once_and_signs_out_older_sessions_when_used(kit: IdentityKit) -> None:
    account = await signed_up(kit)
    await RequestPasswordResetHandler(kit.customers, kit.one_time, kit.notifier, kit.limiter).execute(
        RequestPasswordReset(identifier="ananya@example.in")
    )
    token = kit.notifier.sent[0].data["token"]
    confirm = ConfirmPasswordResetHandler(kit.customers, kit.uow, kit.one_time, kit.hasher, kit.tokens)
    kit.clock.advance(timedelta(milliseconds=10))
    with pytest.raises(WeakPassword):
        await confirm.execute(ConfirmPasswordReset(token=token, new_password="ananya-2026-x"))
    await confirm.execute(ConfirmPasswordReset(token=token, new_password="Filter-Coffee-77"))
    assert kit.customers.rows[account.user.id].password_hash == "hashed:Filter-Coffee-77"
    with pytest.raises(Unauthenticated):
        await kit.tokens.authenticate(account.access_token, "customer")
    with pytest.raises(Unauthenticated):
        await confirm.execute(ConfirmPasswordReset(token=token, new_password="Filter-Coffee-88"))
    kit.clock.advance(timedelta(milliseconds=10))
    fresh = await login(kit).execute(
        LoginCustomer(identifier="ananya@example.in", password="Filter-Coffee-77")
    )
    assert (await kit.tokens.authenticate(fresh.access_token, "customer")).subject == account.user.id
