"""A staff member signs in to the ops console with email and password."""

import secrets

import msgspec

from application.common.ports import Clock, UnitOfWork
from application.identity.commands.login_customer import TIMING_HASH
from application.identity.errors import InvalidCredentials
from application.identity.login_guard import LoginGuard
from application.identity.ports import PasswordHasher
from application.identity.tokens import TokenPolicy, TokenService
from application.staff.audit import Audit, Origin
from application.staff.errors import AccountNotActive
from application.staff.ports import StaffRepository, StaffSessions
from application.staff.views import StaffAuthResult
from domain.shared.email import Email
from domain.shared.errors import InvalidValue
from domain.staff.entities import Staff
from domain.staff.session import StaffSession


class LoginStaff(msgspec.Struct, frozen=True):
    email: str
    password: str
    origin: Origin = Origin()


class LoginStaffHandler:
    """Anyone may try. Wrong email, wrong password and unknown account all give the same InvalidCredentials
    after the same work (a hash is verified either way). The right password on a pending, suspended or
    deactivated account gives AccountNotActive (403). Rate limited per IP and email, locked after repeated
    failures (RateLimited). On success: a new session (its id is the token family), last login recorded,
    the hash upgraded when the hashing parameters changed. Every attempt is logged (`auth.login`)."""

    def __init__(
        self,
        staff: StaffRepository,
        sessions: StaffSessions,
        uow: UnitOfWork,
        hasher: PasswordHasher,
        tokens: TokenService,
        policy: TokenPolicy,
        guard: LoginGuard,
        audit: Audit,
        clock: Clock,
    ) -> None:
        self._staff = staff
        self._sessions = sessions
        self._uow = uow
        self._hasher = hasher
        self._tokens = tokens
        self._policy = policy
        self._guard = guard
        self._audit = audit
        self._clock = clock

    async def execute(self, cmd: LoginStaff) -> StaffAuthResult:
        await self._guard.before_attempt(cmd.email, cmd.origin.ip)
        member = await self._find(cmd.email)
        valid = await self._hasher.verify(member.password_hash if member else TIMING_HASH, cmd.password)
        if member is None or not valid:
            await self._guard.failed(cmd.email)
            await self._log(member, cmd.origin, succeeded=False, reason="invalid_credentials")
            raise InvalidCredentials()
        await self._guard.succeeded(cmd.email)
        if not member.is_active:
            await self._log(member, cmd.origin, succeeded=False, reason=member.status.value)
            raise AccountNotActive(member.status.value)
        assert member.id is not None
        now = self._clock.now()
        session = StaffSession(
            id=secrets.token_urlsafe(24),
            staff_id=member.id,
            created_at=now,
            expires_at=now + self._policy.refresh_ttl,
            ip=cmd.origin.ip[:45],
            user_agent=cmd.origin.user_agent[:255],
        )
        if self._hasher.needs_rehash(member.password_hash):
            member.set_password_hash(await self._hasher.hash(cmd.password))
        member.record_login(now=now)
        await self._sessions.add(session)
        await self._log(member, cmd.origin, succeeded=True, session=session.id)
        await self._uow.commit()
        return StaffAuthResult.of(await self._tokens.issue(member.id, "staff", family=session.id), member)

    async def _find(self, email: str) -> Staff | None:
        try:
            return await self._staff.find_by_email(Email.parse(email))
        except InvalidValue:
            return None

    async def _log(self, member: Staff | None, origin: Origin, *, succeeded: bool, **after: str) -> None:
        await self._audit.record(
            by=member.id if member else None,
            action="auth.login",
            target_type="staff",
            target_id=member.id if member else None,
            origin=origin,
            after=after,
            succeeded=succeeded,
        )
        if not succeeded:
            await self._uow.commit()
