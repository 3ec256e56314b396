"""The embedded profile's outbox delivery: a loop beside the API that drains the outbox every few seconds.

In production the arq worker's cron job does this instead, so the API processes never deliver.
"""

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import msgspec
import structlog
from dishka import AsyncContainer
from litestar import Litestar

from application.common.errors import DependencyUnavailable
from application.identity.actors import SystemActor
from application.outbox.commands.deliver_outbox import DeliverOutbox
from entrypoints.settings import Settings

log = structlog.get_logger(__name__)
ACTOR = SystemActor(name="outbox-delivery")


async def deliver_once(container: AsyncContainer) -> None:
    """One delivery pass in its own request scope; a failure is logged and the next pass tries again."""
    try:
        async with container() as request_container:
            handler = await request_container.get(DeliverOutbox)
            result = await handler.execute(actor=ACTOR)
        counts = msgspec.structs.asdict(result)
        if any(counts.values()):
            log.info("outbox.delivered", **counts)
    except DependencyUnavailable as exc:
        log.warning("outbox.delivery_unavailable", error=exc.message)
    except Exception:
        log.exception("outbox.delivery_crashed")


async def _loop(container: AsyncContainer, interval: float) -> None:
    while True:
        await asyncio.sleep(interval)
        await deliver_once(container)


def outbox_delivery(
    settings: Settings, container: AsyncContainer, *, interval: float = 5.0
) -> Callable[[Litestar], AbstractAsyncContextManager[None]]:
    """A Litestar lifespan manager: starts the loop with the app (embedded profile only), cancels it on
    shutdown before the container closes."""

    @asynccontextmanager
    async def lifespan(_app: Litestar) -> AsyncIterator[None]:
        if settings.uses_redis:
            yield
            return
        task = asyncio.create_task(_loop(container, interval), name="outbox-delivery")
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    return lifespan
