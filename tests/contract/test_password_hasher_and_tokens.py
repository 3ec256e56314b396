"""The argon2 hasher and the JWT codec, including the attacks the codec must refuse."""

import base64
import json
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from adapters.identity.argon2_hasher import Argon2PasswordHasher
from adapters.identity.jwt_codec import PyJwtTokenCodec
from application.identity.errors import Unauthenticated
from application.identity.ports import TokenClaims

SECRET = "s" * 64
NOW = datetime.now(UTC)


def _claims(**changes: object) -> TokenClaims:
    values: dict[str, object] = {
        "subject": 42,
        "audience": "customer",
        "kind": "access",
        "token_id": "jti-1",
        "family": "fam-1",
        "issued_at": NOW,
        "expires_at": NOW + timedelta(minutes=15),
    }
    values.update(changes)
    return TokenClaims(**values)  # type: ignore[arg-type]


async def test_argon2_hash_verifies_only_the_right_password_when_checked() -> None:
    hasher = Argon2PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    hashed = await hasher.hash("Mango-Lassi-42")
    assert hashed.startswith("$argon2id$")
    assert await hasher.verify(hashed, "Mango-Lassi-42") is True
    assert await hasher.verify(hashed, "mango-lassi-42") is False
    assert await hasher.verify("not-a-hash", "Mango-Lassi-42") is False
    assert hasher.needs_rehash(hashed) is False


async def test_argon2_flags_old_parameters_for_upgrade_when_they_changed() -> None:
    old = await Argon2PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash("Mango-Lassi-42")
    assert Argon2PasswordHasher().needs_rehash(old) is True


def test_codec_round_trips_the_claims_when_the_token_is_genuine() -> None:
    codec = PyJwtTokenCodec(SECRET)
    decoded = codec.decode(codec.encode(_claims()), audience="customer", kind="access")
    assert (decoded.subject, decoded.family, decoded.token_id) == (42, "fam-1", "jti-1")
    assert abs(decoded.issued_at.timestamp() - NOW.timestamp()) < 0.001


def test_codec_refuses_a_short_secret_when_built() -> None:
    with pytest.raises(ValueError, match="32"):
        PyJwtTokenCodec("short")


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _attacks() -> dict[str, str]:
    codec = PyJwtTokenCodec(SECRET)
    good = codec.encode(_claims())
    header, payload, signature = good.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    tampered = _b64({**claims, "sub": "43"})
    return {
        "tampered payload": f"{header}.{tampered}.{signature}",
        "alg none": f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{payload}.",
        "wrong secret": PyJwtTokenCodec("x" * 40).encode(_claims()),
        "expired": codec.encode(
            _claims(issued_at=NOW - timedelta(hours=2), expires_at=NOW - timedelta(hours=1))
        ),
        "refresh used as access": codec.encode(_claims(kind="refresh")),
        "staff token for customers": codec.encode(_claims(audience="staff")),
        "HS512 with the same secret": jwt.encode({**claims}, SECRET, algorithm="HS512"),
        "missing jti": jwt.encode({k: v for k, v in claims.items() if k != "jti"}, SECRET, algorithm="HS256"),
        "garbage": "not.a.token",
        "empty": "",
    }


@pytest.mark.parametrize("attack", list(_attacks()))
def test_codec_refuses_forged_or_misused_tokens_when_decoding(attack: str) -> None:
    with pytest.raises(Unauthenticated):
        PyJwtTokenCodec(SECRET).decode(_attacks()[attack], audience="customer", kind="access")
