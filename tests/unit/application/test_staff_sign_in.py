"""Staff sign-in, refresh, sign-out, self-registration and resolving the StaffActor, over fakes."""

from datetime import timedelta

import pytest

from application.identity.errors import InvalidCredentials, RateLimited, Unauthenticated
from application.identity.login_guard import LoginGuard, LoginLimits
from application.identity.tokens import TokenPolicy
from application.staff.audit import Origin
from application.staff.commands.login_staff import LoginStaff, LoginStaffHandler
from application.staff.commands.logout_staff import LogoutStaff, LogoutStaffHandler
from application.staff.commands.refresh_staff_tokens import RefreshStaffTokens, RefreshStaffTokensHandler
from application.staff.commands.register_staff import RegisterStaff, RegisterStaffHandler
from application.staff.errors import AccountNotActive
from application.staff.queries.authenticate_staff import AuthenticateStaff
from application.staff.views import StaffAuthResult
from domain.shared.errors import InvalidValue
from domain.staff.entities import StaffStatus
from tests.fakes import FakeClock
from tests.staff_fakes import StaffWorld, actor_for

PASSWORD = "Right#Password1"
ORIGIN = Origin(ip="10.1.2.3", request_id="req-1", user_agent="pytest")


@pytest.fixture
def world() -> StaffWorld:
    return StaffWorld(FakeClock())


def login_handler(w: StaffWorld) -> LoginStaffHandler:
    guard = LoginGuard(w.limiter, LoginLimits(), scope="ops-login")
    return LoginStaffHandler(
        w.staff, w.sessions, w.tx, w.hasher, w.tokens, TokenPolicy(), guard, w.audit, w.clock
    )


async def login(w: StaffWorld, email: str, password: str = PASSWORD) -> StaffAuthResult:
    return await login_handler(w).execute(LoginStaff(email=email, password=password, origin=ORIGIN))


async def test_login_opens_a_session_backing_the_token_family_when_the_password_is_right(world) -> None:
    sneha = world.staff.seed("Sneha Kulkarni", "senior_agent")

    result = await login(world, " Sneha.Kulkarni@NEXORA.in ")

    assert result.staff.role == "senior_agent"
    assert result.staff.level == 50
    assert "complaints.escalate" in result.staff.permissions
    [session] = world.sessions.committed.values()
    assert (session.staff_id, session.ip, session.user_agent) == (sneha.id, "10.1.2.3", "pytest")
    assert session.expires_at == world.clock.now() + TokenPolicy().refresh_ttl
    claims = await world.tokens.authenticate(result.access_token, "staff")
    assert claims.family == session.id
    assert sneha.last_login_at == world.clock.now()
    assert world.log.actions() == [("auth.login", True)]
    assert world.log.entries[0].request_id == "req-1"


async def test_login_upgrades_an_outdated_hash_when_the_password_is_right(world) -> None:
    member = world.staff.seed("Rohit Sharma", "support_agent")
    member.password_hash = f"old${PASSWORD}"

    await login(world, "rohit.sharma@nexora.in")

    assert member.password_hash == f"fake${PASSWORD}"


@pytest.mark.parametrize(
    ("email", "password"),
    [
        ("rohit.sharma@nexora.in", "Wrong#Password1"),
        ("nobody@nexora.in", PASSWORD),
        ("not an email", PASSWORD),
    ],
)
async def test_login_fails_the_same_way_after_the_same_work_when_anything_is_wrong(
    world, email: str, password: str
) -> None:
    world.staff.seed("Rohit Sharma", "support_agent")

    with pytest.raises(InvalidCredentials):
        await login(world, email, password)

    assert world.hasher.verified == 1
    assert world.log.actions() == [("auth.login", False)]
    assert not world.sessions.committed


@pytest.mark.parametrize("status", [StaffStatus.PENDING, StaffStatus.SUSPENDED, StaffStatus.DEACTIVATED])
async def test_login_is_refused_with_the_reason_when_the_account_is_not_active(world, status) -> None:
    world.staff.seed("Rohit Sharma", "support_agent", status=status)

    with pytest.raises(AccountNotActive) as refused:
        await login(world, "rohit.sharma@nexora.in")

    assert refused.value.status == status.value
    assert refused.value.code == "account_not_active"
    assert not world.sessions.committed


async def test_login_locks_after_repeated_failures_when_the_password_keeps_being_wrong(world) -> None:
    world.staff.seed("Rohit Sharma", "support_agent")
    for _ in range(LoginLimits().failures_before_lockout):
        with pytest.raises(InvalidCredentials):
            await login(world, "rohit.sharma@nexora.in", "Wrong#Password1")

    with pytest.raises(RateLimited) as locked:
        await login(world, "rohit.sharma@nexora.in")

    assert locked.value.retry_after_seconds > 0


async def test_refresh_rotates_and_marks_the_session_seen_when_it_is_live(world) -> None:
    world.staff.seed("Sneha Kulkarni", "senior_agent")
    first = await login(world, "sneha.kulkarni@nexora.in")
    world.clock.advance(timedelta(minutes=20))
    handler = RefreshStaffTokensHandler(world.tokens, world.staff, world.sessions, world.tx, world.clock)

    again = await handler.execute(RefreshStaffTokens(refresh_token=first.refresh_token))

    assert again.refresh_token != first.refresh_token
    [session] = world.sessions.committed.values()
    assert session.last_seen_at == world.clock.now()
    with pytest.raises(Unauthenticated):
        await handler.execute(RefreshStaffTokens(refresh_token=first.refresh_token))


async def test_refresh_is_refused_when_the_member_was_suspended(world) -> None:
    member = world.staff.seed("Sneha Kulkarni", "senior_agent")
    first = await login(world, "sneha.kulkarni@nexora.in")
    member.suspend()
    handler = RefreshStaffTokensHandler(world.tokens, world.staff, world.sessions, world.tx, world.clock)

    with pytest.raises(Unauthenticated):
        await handler.execute(RefreshStaffTokens(refresh_token=first.refresh_token))


async def test_logout_revokes_the_row_and_the_token_family_when_signed_in(world) -> None:
    member = world.staff.seed("Sneha Kulkarni", "senior_agent")
    result = await login(world, "sneha.kulkarni@nexora.in")
    [session] = world.sessions.committed.values()
    authenticate = AuthenticateStaff(world.tokens, world.staff, world.sessions, world.clock)
    actor = await authenticate.execute(result.access_token)

    await LogoutStaffHandler(world.sessions, world.tx, world.tokens, world.audit, world.clock).execute(
        LogoutStaff(origin=ORIGIN), actor=actor
    )

    assert world.sessions.committed[session.id].revoked_at == world.clock.now()
    assert world.sessions.committed[session.id].revoked_by_id == member.id
    assert await world.store.is_revoked(session.id)
    assert world.log.actions()[-1] == ("auth.logout", True)
    with pytest.raises(Unauthenticated):
        await authenticate.execute(result.access_token)


async def test_authenticate_gives_the_roles_permissions_when_the_session_is_live(world) -> None:
    member = world.staff.seed("Imran Qureshi", "ops_manager")
    result = await login(world, "imran.qureshi@nexora.in")

    actor = await AuthenticateStaff(world.tokens, world.staff, world.sessions, world.clock).execute(
        result.access_token
    )

    assert actor == actor_for(member, session=actor.session)
    assert actor.can("staff.approve")
    assert not actor.can("staff.manage")


async def test_authenticate_refuses_when_session_row_is_revoked_even_if_the_store_forgot(world) -> None:
    world.staff.seed("Imran Qureshi", "ops_manager")
    result = await login(world, "imran.qureshi@nexora.in")
    [session] = world.sessions.committed.values()
    session.revoke(now=world.clock.now(), by=None)

    with pytest.raises(Unauthenticated):
        await AuthenticateStaff(world.tokens, world.staff, world.sessions, world.clock).execute(
            result.access_token
        )


async def test_authenticate_refuses_when_the_member_is_no_longer_active(world) -> None:
    member = world.staff.seed("Imran Qureshi", "ops_manager")
    result = await login(world, "imran.qureshi@nexora.in")
    member.suspend()

    with pytest.raises(Unauthenticated):
        await AuthenticateStaff(world.tokens, world.staff, world.sessions, world.clock).execute(
            result.access_token
        )


async def test_authenticate_refuses_a_customer_token_when_presented_to_ops(world) -> None:
    member = world.staff.seed("Imran Qureshi", "ops_manager")
    assert member.id is not None
    customer_pair = await world.tokens.issue(member.id, "customer")

    with pytest.raises(Unauthenticated):
        await AuthenticateStaff(world.tokens, world.staff, world.sessions, world.clock).execute(
            customer_pair.access_token
        )


def register_handler(w: StaffWorld) -> RegisterStaffHandler:
    return RegisterStaffHandler(w.staff, w.tx, w.hasher, w.limiter, w.audit)


async def test_registration_creates_a_pending_read_only_member_when_the_email_is_new(world) -> None:
    await register_handler(world).execute(
        RegisterStaff(name="Anil Kapoor", email="anil@nexora.in", password="Harbour#Light26", origin=ORIGIN)
    )

    [member] = world.staff.members.values()
    assert member.status is StaffStatus.PENDING
    assert member.role.code == "read_only"
    assert not member.can("staff.view")
    assert world.log.actions() == [("staff.register", True)]


async def test_registration_answers_the_same_and_changes_nothing_when_the_email_is_taken(world) -> None:
    existing = world.staff.seed("Rohit Sharma", "support_agent")

    result = await register_handler(world).execute(
        RegisterStaff(name="Someone Else", email="rohit.sharma@nexora.in", password="Harbour#Light26")
    )

    assert result is None
    assert list(world.staff.members.values()) == [existing]
    assert existing.name == "Rohit Sharma"
    assert world.log.actions() == [("staff.register", False)]


async def test_registration_refuses_a_weak_password_when_signing_up(world) -> None:
    with pytest.raises(InvalidValue):
        await register_handler(world).execute(
            RegisterStaff(name="Anil Kapoor", email="anil@nexora.in", password="anil123456")
        )
    assert not world.staff.members
