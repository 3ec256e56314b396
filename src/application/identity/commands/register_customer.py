"""A new customer signs up."""

from datetime import timedelta

import msgspec

from application.common.errors import InvalidInput
from application.common.ports import UnitOfWork
from application.customer.ports import CustomerRepository
from application.customer.views import AuthResult
from application.identity.errors import AccountExists, RateLimited
from application.identity.ports import PasswordHasher, RateLimiter
from application.identity.tokens import TokenService
from domain.customer.entities import Customer, validated_name
from domain.identity.password_policy import PasswordPolicy
from domain.shared.email import Email
from domain.shared.phone import PhoneNumber

SIGNUPS_PER_IP_PER_HOUR = 20


class RegisterCustomer(msgspec.Struct, frozen=True):
    name: str
    password: str
    email: str | None = None
    phone: str | None = None
    ip: str = ""


class RegisterCustomerHandler:
    """Anyone may sign up, with an email, an Indian mobile, or both, and a password meeting the policy.

    Refuses details that collide with an existing account without saying which (AccountExists), and more
    than SIGNUPS_PER_IP_PER_HOUR sign-ups from one address (RateLimited).
    """

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

    async def execute(self, cmd: RegisterCustomer) -> AuthResult:
        name = validated_name(cmd.name)
        email = Email.parse(cmd.email) if cmd.email else None
        phone = PhoneNumber.parse(cmd.phone) if cmd.phone else None
        if email is None and phone is None:
            raise InvalidInput("email", "give an email address, an Indian mobile number, or both")
        personal = (email.value.split("@")[0] if email else "", phone.national if phone else "")
        PasswordPolicy().check(cmd.password, personal=personal)
        decision = await self._limiter.hit(
            f"signup-ip:{cmd.ip}", limit=SIGNUPS_PER_IP_PER_HOUR, window=timedelta(hours=1)
        )
        if not decision.allowed:
            raise RateLimited(decision.retry_after_seconds, "too many sign-ups from this address")
        if (email and await self._customers.find_by_email(email)) or (
            phone and await self._customers.find_by_phone(phone)
        ):
            raise AccountExists()
        customer = Customer(
            name=name, email=email, phone=phone, password_hash=await self._hasher.hash(cmd.password)
        )
        await self._customers.add(customer)
        await self._uow.commit()
        assert customer.id is not None
        return AuthResult.of(await self._tokens.issue(customer.id, "customer"), customer)
