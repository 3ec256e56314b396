"""JSON Web Tokens with PyJWT: HS256 only, every claim required, audience and kind checked."""

from datetime import UTC, datetime
from typing import Any

import jwt

from application.identity.errors import Unauthenticated
from application.identity.ports import Audience, TokenClaims, TokenKind

ALGORITHM = "HS256"
ISSUER = "nexora"


class PyJwtTokenCodec:
    def __init__(self, secret: str, *, leeway_seconds: int = 5) -> None:
        if len(secret) < 32:
            raise ValueError("the token secret must be at least 32 characters")
        self._secret = secret
        self._leeway = leeway_seconds

    def encode(self, claims: TokenClaims) -> str:
        payload: dict[str, Any] = {
            "iss": ISSUER,
            "sub": str(claims.subject),
            "aud": claims.audience,
            "typ": claims.kind,
            "jti": claims.token_id,
            "fam": claims.family,
            "iat": round(claims.issued_at.timestamp(), 3),  # ms precision: revocation cut-offs are exact
            "exp": int(claims.expires_at.timestamp()),
        }
        return jwt.encode(payload, self._secret, algorithm=ALGORITHM)

    def decode(self, token: str, *, audience: Audience, kind: TokenKind) -> TokenClaims:
        try:
            payload = jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],
                audience=audience,
                issuer=ISSUER,
                leeway=self._leeway,
                options={"require": ["iss", "sub", "aud", "typ", "jti", "fam", "iat", "exp"]},
            )
        except jwt.PyJWTError as exc:
            raise Unauthenticated() from exc
        if payload.get("typ") != kind or not str(payload["sub"]).isdigit():
            raise Unauthenticated()
        return TokenClaims(
            subject=int(payload["sub"]),
            audience=audience,
            kind=kind,
            token_id=str(payload["jti"]),
            family=str(payload["fam"]),
            issued_at=datetime.fromtimestamp(payload["iat"], UTC),
            expires_at=datetime.fromtimestamp(payload["exp"], UTC),
        )
