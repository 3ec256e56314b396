"""The embedded profile's SLA monitor: a loop beside the API that escalates breached complaints every
MONITOR_INTERVAL. In production the arq worker's cron job does this instead."""

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import structlog
from dishka import AsyncContainer
from litestar import Litestar

from application.common.errors import DependencyUnavailable
from application.complaint.commands.escalate_breached import EscalateBreachedComplaints, EscalationReport
from application.identity.actors import SystemActor
from domain.complaint.policy import MONITOR_INTERVAL
from entrypoints.http.periodic import periodic
from entrypoints.settings import Settings

log = structlog.get_logger(__name__)
ACTOR = SystemActor(name="sla-monitor")


async def escalate_once(container: AsyncContainer) -> EscalationReport | None:
    """One monitor pass in its own request scope; a failure is logged and the next pass tries again."""
    try:
        async with container() as request_container:
            handler = await request_container.get(EscalateBreachedComplaints)
            report = await handler.execute(actor=ACTOR)
    except DependencyUnavailable as exc:
        log.warning("complaints.monitor_unavailable", error=exc.message)
        return None
    except Exception:
        log.exception("complaints.monitor_crashed")
        return None
    if report.escalations:
        log.info("complaints.escalated", count=len(report.escalations))
    return report


def complaint_monitor(
    settings: Settings, container: AsyncContainer, *, interval: float = MONITOR_INTERVAL.total_seconds()
) -> Callable[[Litestar], AbstractAsyncContextManager[None]]:
    """A Litestar lifespan manager: runs the monitor with the app (embedded profile, unless
    NEXORA_SLA_MONITOR_ENABLED is false) and cancels it on shutdown before the container closes."""
    enabled = not settings.uses_redis and settings.sla_monitor_enabled
    return periodic("complaint-monitor", interval, lambda: escalate_once(container), enabled=enabled)
