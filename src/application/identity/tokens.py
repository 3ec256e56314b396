"""Issuing, checking and rotating tokens: short-lived access JWTs and rotating refresh tokens in families."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

import msgspec

from application.common.ports import Clock
from application.identity.errors import Unauthenticated
from application.identity.ports import Audience, TokenClaims, TokenCodec, TokenStore


@dataclass(frozen=True, slots=True)
class TokenPolicy:
    access_ttl: timedelta = timedelta(minutes=15)
    refresh_ttl: timedelta = timedelta(days=30)


class TokenPair(msgspec.Struct, frozen=True):
    access_token: str
    refresh_token: str
    token_type: str
    expires_in: int
    family: str


class TokenService:
    """Rules: every refresh rotates the refresh token; presenting an old one revokes the whole family (it was
    stolen or replayed); revoked families and tokens issued before a subject-wide revocation are refused."""

    def __init__(self, codec: TokenCodec, store: TokenStore, clock: Clock, policy: TokenPolicy) -> None:
        self._codec = codec
        self._store = store
        self._clock = clock
        self._policy = policy

    async def issue(self, subject: int, audience: Audience, family: str | None = None) -> TokenPair:
        """A fresh pair; a new family unless `family` (a staff session id) is given."""
        family = family or secrets.token_urlsafe(16)
        refresh_id = secrets.token_urlsafe(16)
        await self._store.start_family(family, refresh_id, self._policy.refresh_ttl)
        return self._pair(subject, audience, family, refresh_id)

    def _pair(self, subject: int, audience: Audience, family: str, refresh_id: str) -> TokenPair:
        now = self._clock.now()
        access = TokenClaims(
            subject=subject,
            audience=audience,
            kind="access",
            token_id=secrets.token_urlsafe(12),
            family=family,
            issued_at=now,
            expires_at=now + self._policy.access_ttl,
        )
        refresh = TokenClaims(
            subject=subject,
            audience=audience,
            kind="refresh",
            token_id=refresh_id,
            family=family,
            issued_at=now,
            expires_at=now + self._policy.refresh_ttl,
        )
        return TokenPair(
            access_token=self._codec.encode(access),
            refresh_token=self._codec.encode(refresh),
            token_type="Bearer",  # noqa: S106 - the OAuth token type, not a secret
            expires_in=int(self._policy.access_ttl.total_seconds()),
            family=family,
        )

    async def authenticate(self, token: str, audience: Audience) -> TokenClaims:
        """The claims of a valid, unrevoked access token; Unauthenticated otherwise."""
        claims = self._codec.decode(token, audience=audience, kind="access")
        await self._check_not_revoked(claims)
        return claims

    async def refresh(self, refresh_token: str, audience: Audience) -> TokenPair:
        claims = self._codec.decode(refresh_token, audience=audience, kind="refresh")
        await self._check_not_revoked(claims)
        replacement = secrets.token_urlsafe(16)
        if not await self._store.rotate(
            claims.family, claims.token_id, replacement, self._policy.refresh_ttl
        ):
            await self._store.revoke_family(claims.family, self._policy.refresh_ttl)
            raise Unauthenticated(
                "this refresh token was already used; every session of its family is signed out"
            )
        return self._pair(claims.subject, audience, claims.family, replacement)

    async def revoke_family(self, family: str) -> None:
        await self._store.revoke_family(family, self._policy.refresh_ttl)

    async def revoke_everything_of(self, subject: int, audience: Audience) -> None:
        """Sign out every session of the subject (password change, account deletion)."""
        await self._store.revoke_subject_before(
            f"{audience}:{subject}", self._clock.now(), self._policy.refresh_ttl
        )

    async def _check_not_revoked(self, claims: TokenClaims) -> None:
        if await self._store.is_revoked(claims.family):
            raise Unauthenticated()
        cutoff = await self._store.revoked_before(f"{claims.audience}:{claims.subject}")
        if cutoff is not None and claims.issued_at.timestamp() < round(cutoff.timestamp(), 3):
            raise Unauthenticated()
