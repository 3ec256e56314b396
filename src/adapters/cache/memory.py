"""In-process cache for the embedded profile: bounded LRU with expiry."""

import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import timedelta

from application.common.ports import CacheStats


class InMemoryCache:
    """A per-process LRU cache; entries expire after their TTL, the least recently used go first when full."""

    def __init__(self, max_entries: int = 10_000, clock: Callable[[], float] = time.monotonic) -> None:
        self._entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._max = max_entries
        self._clock = clock
        self.hits = 0
        self.misses = 0

    async def get(self, key: str) -> bytes | None:
        entry = self._entries.get(key)
        if entry is None or entry[0] <= self._clock():
            if entry is not None:
                del self._entries[key]
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return entry[1]

    async def set(self, key: str, value: bytes, *, ttl: timedelta) -> None:
        self._entries[key] = (self._clock() + ttl.total_seconds(), value)
        self._entries.move_to_end(key)
        while len(self._entries) > self._max:
            self._entries.popitem(last=False)

    def stats(self) -> CacheStats:
        return CacheStats(hits=self.hits, misses=self.misses)

    async def delete_prefix(self, prefix: str) -> int:
        doomed = [k for k in self._entries if k.startswith(prefix)]
        for key in doomed:
            del self._entries[key]
        return len(doomed)
