"""The Idempotency-Key rules shared by creating, cancelling and rescheduling a booking: a key is 1 to
MAX_KEY_LENGTH characters and lives IDEMPOTENCY_TTL; a repeat of the same request replays the first
response."""

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

import msgspec

from application.booking.ports import IdempotencyStore, StoredResponse
from application.common.errors import InvalidInput

IDEMPOTENCY_TTL = timedelta(hours=24)
MAX_KEY_LENGTH = 128

T = TypeVar("T")


def check_key(key: str | None) -> None:
    if key is not None and not 1 <= len(key) <= MAX_KEY_LENGTH:
        raise InvalidInput("Idempotency-Key", f"an Idempotency-Key is 1 to {MAX_KEY_LENGTH} characters")


@dataclass(frozen=True, slots=True)
class KeyedRequest:
    """One request made with (or without) an Idempotency-Key, in `scope` (the action and who acts)."""

    store: IdempotencyStore
    scope: str
    key: str | None

    async def replay(self, request: msgspec.Struct, response_type: type[T], *, now: datetime) -> T | None:
        """The first response to this very request when it was made before; None when it is new (the key
        is then claimed in the current transaction). Must be the transaction's first write."""
        if self.key is None:
            return None
        digest = hashlib.sha256(msgspec.json.encode(request)).hexdigest()
        earlier = await self.store.claim(self.scope, self.key, digest, now=now, ttl=IDEMPOTENCY_TTL)
        return None if earlier is None else msgspec.json.decode(earlier.body, type=response_type)

    async def remember(self, response: object, *, status_code: int) -> None:
        """Keep the response for repeats, in the claiming transaction (before its commit)."""
        if self.key is not None:
            body = msgspec.json.encode(response).decode()
            await self.store.complete(
                self.scope, self.key, StoredResponse(status_code=status_code, body=body)
            )
