"""Identity and access: hashing, tokens, limits and the customer use cases."""

import secrets
from datetime import timedelta
from pathlib import Path

from dishka import Provider, Scope, provide, provide_all
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from adapters.identity.argon2_hasher import Argon2PasswordHasher
from adapters.identity.jwt_codec import PyJwtTokenCodec
from adapters.notify.outbox import OutboxNotifier
from adapters.persistence.customer_repository import SqlaCustomerRepository, SqlaUnitOfWork
from application.common.ports import Clock, UnitOfWork
from application.customer.ports import CustomerRepository
from application.identity.commands.login_customer import LoginCustomerHandler
from application.identity.commands.logout import LogoutHandler
from application.identity.commands.password_reset import (
    ConfirmPasswordResetHandler,
    RequestPasswordResetHandler,
)
from application.identity.commands.refresh_customer_tokens import RefreshCustomerTokensHandler
from application.identity.commands.register_customer import RegisterCustomerHandler
from application.identity.login_guard import LoginGuard, LoginLimits
from application.identity.ports import Notifier, PasswordHasher, RateLimiter, TokenCodec, TokenStore
from application.identity.tokens import TokenPolicy, TokenService
from entrypoints.settings import Settings

DEV_SECRET_FILE = Path("var/jwt-secret")


def token_secret(settings: Settings) -> str:
    """The configured secret; in development one made once and kept in var/, so restarts keep sessions."""
    if settings.jwt_secret is not None:
        return settings.jwt_secret.get_secret_value()
    if DEV_SECRET_FILE.exists():
        return DEV_SECRET_FILE.read_text().strip()
    DEV_SECRET_FILE.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_hex(32)
    DEV_SECRET_FILE.write_text(secret)
    DEV_SECRET_FILE.chmod(0o600)
    return secret


class IdentityProvider(Provider):
    scope = Scope.APP

    @provide
    def hasher(self) -> PasswordHasher:
        return Argon2PasswordHasher()

    @provide
    def codec(self, settings: Settings) -> TokenCodec:
        return PyJwtTokenCodec(token_secret(settings))

    @provide
    def token_policy(self, settings: Settings) -> TokenPolicy:
        return TokenPolicy(
            access_ttl=timedelta(minutes=settings.access_token_minutes),
            refresh_ttl=timedelta(days=settings.refresh_token_days),
        )

    @provide
    def tokens(self, codec: TokenCodec, store: TokenStore, clock: Clock, policy: TokenPolicy) -> TokenService:
        return TokenService(codec, store, clock, policy)

    @provide
    def login_guard(self, limiter: RateLimiter) -> LoginGuard:
        return LoginGuard(limiter, LoginLimits())

    @provide
    def notifier(self, engine: AsyncEngine) -> Notifier:
        return OutboxNotifier(engine)

    @provide(scope=Scope.REQUEST)
    def customers(self, session: AsyncSession) -> CustomerRepository:
        return SqlaCustomerRepository(session)

    @provide(scope=Scope.REQUEST)
    def unit_of_work(self, session: AsyncSession) -> UnitOfWork:
        return SqlaUnitOfWork(session)

    handlers = provide_all(
        RegisterCustomerHandler,
        LoginCustomerHandler,
        RefreshCustomerTokensHandler,
        LogoutHandler,
        RequestPasswordResetHandler,
        ConfirmPasswordResetHandler,
        scope=Scope.REQUEST,
    )
