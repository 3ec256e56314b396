"""Brute-force protection for sign-in: rate limits per IP and per identifier, and a temporary lockout after
repeated failures. Identifiers are hashed before they become keys, so no email or phone sits in Redis."""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from application.identity.errors import RateLimited
from application.identity.ports import RateLimiter


@dataclass(frozen=True, slots=True)
class LoginLimits:
    per_ip: int = 100  # generous: mobile carriers put many customers behind one address (CGNAT)
    per_identifier: int = 10
    window: timedelta = timedelta(minutes=10)
    failures_before_lockout: int = 5
    lockout: timedelta = timedelta(minutes=15)


def identifier_key(identifier: str) -> str:
    return hashlib.sha256(identifier.strip().lower().encode()).hexdigest()[:32]


class LoginGuard:
    """Call `before_attempt` first, then `failed` or `succeeded`. The lockout counts failures whether or not
    the account exists, so a lockout reveals nothing."""

    def __init__(self, limiter: RateLimiter, limits: LoginLimits, scope: str = "login") -> None:
        self._limiter = limiter
        self._limits = limits
        self._scope = scope

    async def before_attempt(self, identifier: str, ip: str) -> None:
        key = identifier_key(identifier)
        lock = await self._limiter.peek(
            f"{self._scope}-fail:{key}", limit=self._limits.failures_before_lockout - 1
        )
        if not lock.allowed:
            raise RateLimited(lock.retry_after_seconds, "sign-in temporarily locked after repeated failures")
        for limit_key, limit in (
            (f"{self._scope}-ip:{ip}", self._limits.per_ip),
            (f"{self._scope}-id:{key}", self._limits.per_identifier),
        ):
            decision = await self._limiter.hit(limit_key, limit=limit, window=self._limits.window)
            if not decision.allowed:
                raise RateLimited(decision.retry_after_seconds, "too many sign-in attempts")

    async def failed(self, identifier: str) -> None:
        key = f"{self._scope}-fail:{identifier_key(identifier)}"
        await self._limiter.hit(key, limit=self._limits.failures_before_lockout, window=self._limits.lockout)

    async def succeeded(self, identifier: str) -> None:
        await self._limiter.reset(f"{self._scope}-fail:{identifier_key(identifier)}")
