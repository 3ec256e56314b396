"""What identity and access need from the outside: hashing, tokens, revocation, rate limits, delivery."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, Protocol

TokenKind = Literal["access", "refresh"]
Audience = Literal["customer", "staff"]


@dataclass(frozen=True, slots=True)
class TokenClaims:
    subject: int
    audience: Audience
    kind: TokenKind
    token_id: str  # jti
    family: str  # refresh-token family (customers) or staff session id
    issued_at: datetime
    expires_at: datetime


class PasswordHasher(Protocol):
    """argon2id in production. Hashing and verifying run off the event loop with bounded concurrency."""

    async def hash(self, password: str) -> str: ...

    async def verify(self, password_hash: str, password: str) -> bool:
        """False for a wrong password or an unusable hash; never raises for bad input."""
        ...

    def needs_rehash(self, password_hash: str) -> bool:
        """Whether the hash was made with older parameters (upgrade it after a successful login)."""
        ...


class TokenCodec(Protocol):
    def encode(self, claims: TokenClaims) -> str: ...

    def decode(self, token: str, *, audience: Audience, kind: TokenKind) -> TokenClaims:
        """Verify signature, algorithm, expiry, audience and kind; raise Unauthenticated otherwise."""
        ...


class TokenStore(Protocol):
    """Refresh-token rotation and revocation. Shared by all API processes (Redis) in production.

    Raises DependencyUnavailable when the store cannot be reached (authentication then fails closed).
    """

    async def start_family(self, family: str, token_id: str, ttl: timedelta) -> None: ...

    async def rotate(self, family: str, presented: str, replacement: str, ttl: timedelta) -> bool:
        """Atomically swap the family's current refresh token id from `presented` to `replacement`.

        False when `presented` is not the current one (a reused, stolen or already rotated token) or the
        family is gone; the caller then revokes the family.
        """
        ...

    async def revoke_family(self, family: str, ttl: timedelta) -> None: ...

    async def is_revoked(self, family: str) -> bool: ...

    async def revoke_subject_before(self, subject: str, moment: datetime, ttl: timedelta) -> None:
        """Every token of `subject` issued before `moment` is revoked (password change, account deletion)."""
        ...

    async def revoked_before(self, subject: str) -> datetime | None: ...


@dataclass(frozen=True, slots=True)
class RateDecision:
    allowed: bool
    remaining: int
    retry_after_seconds: int


class RateLimiter(Protocol):
    """Fixed-window counters, atomic across processes in production."""

    async def hit(self, key: str, *, limit: int, window: timedelta) -> RateDecision:
        """Count one event; refused once more than `limit` happened in the current window."""
        ...

    async def peek(self, key: str, *, limit: int) -> RateDecision:
        """The decision without counting (for lockouts)."""
        ...

    async def reset(self, key: str) -> None: ...


class OneTimeTokens(Protocol):
    """Single-use secrets with expiry (password reset). Stored by hash only."""

    async def put(self, token_hash: str, subject: str, ttl: timedelta) -> None: ...

    async def take(self, token_hash: str) -> str | None:
        """Return the subject and forget the token (atomic: a second take gets None)."""
        ...


class Notifier(Protocol):
    """Delivers messages to customers (email or SMS). Fire-and-forget from the caller's view."""

    async def send(
        self, *, to: str, channel: Literal["email", "sms"], template: str, data: dict[str, str]
    ) -> None: ...
