"""Forgotten passwords: a single-use, expiring token delivered by email or SMS, then a new password."""

import hashlib
import secrets
from datetime import timedelta

import msgspec

from application.common.ports import UnitOfWork
from application.customer.ports import CustomerRepository
from application.identity.contact import parse_identifier
from application.identity.errors import RateLimited, Unauthenticated
from application.identity.ports import Notifier, OneTimeTokens, PasswordHasher, RateLimiter
from application.identity.tokens import TokenService
from domain.customer.entities import CustomerId
from domain.identity.password_policy import PasswordPolicy, WeakPassword
from domain.shared.email import Email
from domain.shared.errors import InvalidValue

RESET_TTL = timedelta(minutes=30)
REQUESTS_PER_HOUR = 5


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class RequestPasswordReset(msgspec.Struct, frozen=True):
    identifier: str
    ip: str = ""


class RequestPasswordResetHandler:
    """Anyone. Always answers the same way, whether or not the account exists; when it does, a token valid
    for 30 minutes is sent to that email or mobile. Rate limited per identifier and per IP."""

    def __init__(
        self, customers: CustomerRepository, one_time: OneTimeTokens, notifier: Notifier, limiter: RateLimiter
    ) -> None:
        self._customers = customers
        self._one_time = one_time
        self._notifier = notifier
        self._limiter = limiter

    async def execute(self, cmd: RequestPasswordReset) -> None:
        for key in (f"reset-ip:{cmd.ip}", f"reset-id:{_digest(cmd.identifier.strip().lower())[:32]}"):
            decision = await self._limiter.hit(key, limit=REQUESTS_PER_HOUR, window=timedelta(hours=1))
            if not decision.allowed:
                raise RateLimited(decision.retry_after_seconds, "too many reset requests")
        try:
            parsed = parse_identifier(cmd.identifier)
        except InvalidValue:
            return
        is_email = isinstance(parsed, Email)
        customer = await (
            self._customers.find_by_email(parsed)
            if isinstance(parsed, Email)
            else self._customers.find_by_phone(parsed)
        )
        if customer is None or not customer.can_sign_in or customer.id is None:
            return
        token = secrets.token_urlsafe(32)
        await self._one_time.put(_digest(token), str(customer.id), RESET_TTL)
        await self._notifier.send(
            to=parsed.value,
            channel="email" if is_email else "sms",
            template="password_reset",
            data={
                "name": customer.name,
                "token": token,
                "valid_minutes": str(int(RESET_TTL.total_seconds() // 60)),
            },
        )


class ConfirmPasswordReset(msgspec.Struct, frozen=True):
    token: str
    new_password: str


class ConfirmPasswordResetHandler:
    """Anyone holding a reset token. The token works once; every session of the account is signed out."""

    def __init__(
        self,
        customers: CustomerRepository,
        uow: UnitOfWork,
        one_time: OneTimeTokens,
        hasher: PasswordHasher,
        tokens: TokenService,
    ) -> None:
        self._customers = customers
        self._uow = uow
        self._one_time = one_time
        self._hasher = hasher
        self._tokens = tokens

    async def execute(self, cmd: ConfirmPasswordReset) -> None:
        PasswordPolicy().check(cmd.new_password)
        subject = await self._one_time.take(_digest(cmd.token))
        customer = await self._customers.get(CustomerId(int(subject))) if subject else None
        if customer is None or customer.id is None or not customer.can_sign_in:
            raise Unauthenticated("this reset link is invalid, used or expired; ask for a new one")
        personal = (
            customer.email.value.split("@")[0] if customer.email else "",
            customer.phone.national if customer.phone else "",
        )
        try:
            PasswordPolicy().check(cmd.new_password, personal=personal)
        except WeakPassword:
            await self._one_time.put(_digest(cmd.token), str(customer.id), RESET_TTL)  # let them try again
            raise
        customer.set_password_hash(await self._hasher.hash(cmd.new_password))
        await self._uow.commit()
        await self._tokens.revoke_everything_of(customer.id, "customer")
