"""The embedded profile's outbox delivery: a loop beside the API that drains the outbox every few seconds.

In production the arq worker's cron job does this instead, so the API processes never deliver.
"""

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import msgspec
import structlog
from dishka import AsyncContainer
from litestar import Litestar

from application.common.errors import DependencyUnavailable
from application.identity.actors import SystemActor
from application.outbox.commands.deliver_outbox import DeliverOutbox
from entrypoints.http.periodic import periodic
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


def outbox_delivery(
    settings: Settings, container: AsyncContainer, *, interval: float = 5.0
) -> Callable[[Litestar], AbstractAsyncContextManager[None]]:
    """A Litestar lifespan manager: delivers every `interval` seconds beside the API (embedded profile)."""
    return periodic(
        "outbox-delivery", interval, lambda: deliver_once(container), enabled=not settings.uses_redis
    )
