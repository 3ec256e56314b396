"""A customer signs in with an email or mobile number and a password."""

import msgspec

from application.common.ports import Clock, UnitOfWork
from application.customer.ports import CustomerRepository
from application.customer.views import AuthResult
from application.identity.contact import parse_identifier
from application.identity.errors import InvalidCredentials
from application.identity.login_guard import LoginGuard
from application.identity.ports import PasswordHasher
from application.identity.tokens import TokenService
from domain.customer.entities import Customer
from domain.shared.email import Email
from domain.shared.errors import InvalidValue

# Verified against when the account does not exist, so both answers take the same time.
TIMING_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$W0z3JAdOeZEIfJYO6GJb3w$0t+efgS9ogEHMtNlOtDvRVcB53oD/gX7x60HxtMKrhk"
)


class LoginCustomer(msgspec.Struct, frozen=True):
    identifier: str
    password: str
    ip: str = ""


class LoginCustomerHandler:
    """Anyone may try. Wrong identifier, wrong password, unknown or deactivated account all give the same
    InvalidCredentials after the same work. Rate limited per IP and identifier, locked after repeated
    failures (RateLimited). Upgrades the password hash when the hashing parameters changed."""

    def __init__(
        self,
        customers: CustomerRepository,
        uow: UnitOfWork,
        hasher: PasswordHasher,
        tokens: TokenService,
        guard: LoginGuard,
        clock: Clock,
    ) -> None:
        self._customers = customers
        self._uow = uow
        self._hasher = hasher
        self._tokens = tokens
        self._guard = guard
        self._clock = clock

    async def execute(self, cmd: LoginCustomer) -> AuthResult:
        await self._guard.before_attempt(cmd.identifier, cmd.ip)
        customer = await self._find(cmd.identifier)
        usable = customer is not None and customer.can_sign_in
        valid = await self._hasher.verify(
            customer.password_hash if customer and usable else TIMING_HASH, cmd.password
        )
        if customer is None or not usable or not valid:
            await self._guard.failed(cmd.identifier)
            raise InvalidCredentials()
        await self._guard.succeeded(cmd.identifier)
        if self._hasher.needs_rehash(customer.password_hash):
            customer.set_password_hash(await self._hasher.hash(cmd.password))
        customer.record_login(now=self._clock.now())
        await self._uow.commit()
        assert customer.id is not None
        return AuthResult.of(await self._tokens.issue(customer.id, "customer"), customer)

    async def _find(self, identifier: str) -> Customer | None:
        try:
            parsed = parse_identifier(identifier)
        except InvalidValue:
            return None
        if isinstance(parsed, Email):
            return await self._customers.find_by_email(parsed)
        return await self._customers.find_by_phone(parsed)
