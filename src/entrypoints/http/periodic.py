"""Background loops of the embedded profile (outbox delivery, the SLA monitor): run beside the API, cancelled
on shutdown before the container closes. In production arq's cron jobs do this work instead."""

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from litestar import Litestar


def periodic(
    name: str, interval: float, once: Callable[[], Awaitable[object]], *, enabled: bool
) -> Callable[[Litestar], AbstractAsyncContextManager[None]]:
    """A Litestar lifespan manager that awaits `once()` every `interval` seconds while the app runs (nothing
    when not `enabled`). `once` must handle its own failures: the loop does not stop for them."""

    async def loop() -> None:
        while True:
            await asyncio.sleep(interval)
            await once()

    @asynccontextmanager
    async def lifespan(_app: Litestar) -> AsyncIterator[None]:
        if not enabled:
            yield
            return
        task = asyncio.create_task(loop(), name=name)
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    return lifespan
