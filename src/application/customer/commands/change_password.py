"""The signed-in customer changes their password, proving they know the current one."""

from datetime import timedelta

import msgspec

from application.common.ports import UnitOfWork
from application.customer.errors import WrongCurrentPassword
from application.customer.lookups import signed_in_customer
from application.customer.ports import CustomerRepository
from application.customer.views import AuthResult
from application.identity.actors import CustomerActor
from application.identity.errors import RateLimited
from application.identity.ports import PasswordHasher, RateLimiter
from application.identity.tokens import TokenService
from domain.identity.password_policy import PasswordPolicy

FAILURES_BEFORE_LOCKOUT = 5
LOCKOUT = timedelta(minutes=15)


class ChangePassword(msgspec.Struct, frozen=True):
    current_password: str
    new_password: str


class ChangePasswordHandler:
    """The signed-in customer, on their own account. The current password must be right
    (WrongCurrentPassword); after FAILURES_BEFORE_LOCKOUT wrong ones the session may not try again for
    LOCKOUT (RateLimited), so a stolen access token cannot guess it. The new password must meet the
    PasswordPolicy, personal data included (WeakPassword). Every existing session is then signed out and
    a fresh token pair returned, as at sign-in."""

    def __init__(
        self,
        customers: CustomerRepository,
        uow: UnitOfWork,
        hasher: PasswordHasher,
        tokens: TokenService,
        limiter: RateLimiter,
    ) -> None:
        self._customers = customers
        self._uow = uow
        self._hasher = hasher
        self._tokens = tokens
        self._limiter = limiter

    async def execute(self, cmd: ChangePassword, *, actor: CustomerActor) -> AuthResult:
        failures = f"password-change-fail:{actor.session}"
        lock = await self._limiter.peek(failures, limit=FAILURES_BEFORE_LOCKOUT - 1)
        if not lock.allowed:
            raise RateLimited(
                lock.retry_after_seconds, "password change locked after repeated wrong passwords"
            )
        customer = await signed_in_customer(self._customers, actor, for_update=True)
        if not await self._hasher.verify(customer.password_hash, cmd.current_password):
            await self._limiter.hit(failures, limit=FAILURES_BEFORE_LOCKOUT, window=LOCKOUT)
            raise WrongCurrentPassword()
        personal = (
            customer.email.value.split("@")[0] if customer.email else "",
            customer.phone.national if customer.phone else "",
        )
        PasswordPolicy().check(cmd.new_password, personal=personal)
        customer.set_password_hash(await self._hasher.hash(cmd.new_password))
        await self._uow.commit()
        assert customer.id is not None
        await self._tokens.revoke_everything_of(customer.id, "customer")
        return AuthResult.of(await self._tokens.issue(customer.id, "customer"), customer)
