"""Background jobs. Each takes primitive arguments and runs a use case in its own DI request scope.

The same functions run under arq (`nexora worker`) and under the embedded in-process runner.
"""

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import msgspec
from dishka import AsyncContainer
from dishka.integrations.arq import DISHKA_REQUEST_CONTAINER_KEY, FromDishka, inject

from application.catalog.commands.warm_catalog_cache import WarmCatalogCache
from application.common.ports import JobArg
from application.complaint.commands.escalate_breached import EscalateBreachedComplaints
from application.identity.actors import SystemActor
from application.outbox.commands.deliver_outbox import DeliverOutbox


@inject
async def warm_catalog_cache(ctx: dict[str, Any], handler: FromDishka[WarmCatalogCache]) -> dict[str, int]:
    result = await handler.execute()
    return {"categories": result.categories, "subcategories": result.subcategories}


@inject
async def deliver_outbox(ctx: dict[str, Any], handler: FromDishka[DeliverOutbox]) -> dict[str, int]:
    result = await handler.execute()
    return msgspec.structs.asdict(result)


@inject
async def escalate_breached_complaints(
    ctx: dict[str, Any], handler: FromDishka[EscalateBreachedComplaints]
) -> dict[str, int]:
    report = await handler.execute(actor=SystemActor(name="sla-monitor"))
    return {"breached": report.breached, "escalated": len(report.escalations)}


JobFunction = Callable[..., Awaitable[object]]
JOBS: dict[str, JobFunction] = {
    "warm_catalog_cache": warm_catalog_cache,
    "deliver_outbox": deliver_outbox,
    "escalate_breached_complaints": escalate_breached_complaints,
}


async def run_job(container: AsyncContainer, job: str, kwargs: Mapping[str, JobArg]) -> object:
    """Run one job outside arq, the way arq + dishka would: a fresh request scope per job."""
    async with container() as request_container:
        ctx: dict[str, Any] = {DISHKA_REQUEST_CONTAINER_KEY: request_container, "job_try": 1}
        return await JOBS[job](ctx, **kwargs)
