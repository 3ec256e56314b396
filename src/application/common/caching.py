"""Read-through caching of query results over the Cache port."""

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TypeVar

import msgspec

from application.common.ports import Cache

_encoder = msgspec.msgpack.Encoder()
T = TypeVar("T")


async def read_through(
    cache: Cache, key: str, ttl: timedelta, type_: type[T], produce: Callable[[], Awaitable[T]]
) -> T:
    """Return the cached value under `key`, or produce, store and return it.

    A cached entry that no longer decodes as `type_` (after a deploy changed the shape) counts as a miss.
    """
    raw = await cache.get(key)
    if raw is not None:
        try:
            return msgspec.msgpack.decode(raw, type=type_)
        except msgspec.DecodeError:
            pass
    value = await produce()
    await cache.set(key, _encoder.encode(value), ttl=ttl)
    return value
