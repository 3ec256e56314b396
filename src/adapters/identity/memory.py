"""In-process token store, rate limiter and one-time tokens for the embedded profile (one API process)."""

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from application.identity.ports import RateDecision


class _Expiring:
    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._items: dict[str, tuple[float, object]] = {}

    def get(self, key: str) -> object | None:
        item = self._items.get(key)
        if item is None or item[0] <= self._clock():
            self._items.pop(key, None)
            return None
        return item[1]

    def set(self, key: str, value: object, ttl: timedelta) -> None:
        if len(self._items) > 100_000:
            now = self._clock()
            self._items = {k: v for k, v in self._items.items() if v[0] > now}
        self._items[key] = (self._clock() + ttl.total_seconds(), value)

    def replace(self, key: str, value: object) -> None:
        """Change the value, keeping the expiry."""
        if key in self._items:
            self._items[key] = (self._items[key][0], value)

    def pop(self, key: str) -> object | None:
        value = self.get(key)
        self._items.pop(key, None)
        return value

    def expires_in(self, key: str) -> float:
        item = self._items.get(key)
        return max(0.0, item[0] - self._clock()) if item else 0.0


class InMemoryTokenStore:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._data = _Expiring(clock)

    async def start_family(self, family: str, token_id: str, ttl: timedelta) -> None:
        self._data.set(f"fam:{family}", token_id, ttl)

    async def rotate(self, family: str, presented: str, replacement: str, ttl: timedelta) -> bool:
        if self._data.get(f"revoked:{family}") or self._data.get(f"fam:{family}") != presented:
            return False
        self._data.set(f"fam:{family}", replacement, ttl)
        return True

    async def revoke_family(self, family: str, ttl: timedelta) -> None:
        self._data.set(f"revoked:{family}", True, ttl)
        self._data.pop(f"fam:{family}")

    async def is_revoked(self, family: str) -> bool:
        return bool(self._data.get(f"revoked:{family}"))

    async def revoke_subject_before(self, subject: str, moment: datetime, ttl: timedelta) -> None:
        self._data.set(f"before:{subject}", moment.timestamp(), ttl)

    async def revoked_before(self, subject: str) -> datetime | None:
        value = self._data.get(f"before:{subject}")
        return datetime.fromtimestamp(float(value), UTC) if isinstance(value, float) else None


class InMemoryRateLimiter:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._data = _Expiring(clock)

    async def hit(self, key: str, *, limit: int, window: timedelta) -> RateDecision:
        current = self._data.get(key)
        count = (current if isinstance(current, int) else 0) + 1
        if current is None:
            self._data.set(key, count, window)
        else:
            self._data.replace(key, count)
        return self._decision(key, count, limit)

    async def peek(self, key: str, *, limit: int) -> RateDecision:
        current = self._data.get(key)
        return self._decision(key, current if isinstance(current, int) else 0, limit)

    async def reset(self, key: str) -> None:
        self._data.pop(key)

    def _decision(self, key: str, count: int, limit: int) -> RateDecision:
        allowed = count <= limit
        retry = 0 if allowed else max(1, int(self._data.expires_in(key) + 0.999))
        return RateDecision(allowed=allowed, remaining=max(0, limit - count), retry_after_seconds=retry)


class InMemoryOneTimeTokens:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._data = _Expiring(clock)

    async def put(self, token_hash: str, subject: str, ttl: timedelta) -> None:
        self._data.set(token_hash, subject, ttl)

    async def take(self, token_hash: str) -> str | None:
        value = self._data.pop(token_hash)
        return value if isinstance(value, str) else None
