"""arq worker settings: `nexora worker` runs these against the production Redis."""

from typing import Any, cast

from arq import cron
from arq.connections import RedisSettings
from arq.typing import WorkerCoroutine
from arq.worker import func
from dishka.integrations.arq import DISHKA_APP_CONTAINER_KEY, setup_dishka

from entrypoints.ioc.container import make_container
from entrypoints.observability import configure_logging
from entrypoints.settings import Settings
from entrypoints.worker.complaint_schedule import monitor_cron
from entrypoints.worker.jobs import JOBS, deliver_outbox, escalate_breached_complaints, warm_catalog_cache


def build_worker_settings(settings: Settings) -> dict[str, Any]:
    """A WorkerSettings mapping for `arq.run_worker`, with the DI container set up and closed."""
    if settings.redis_url is None:
        raise RuntimeError(
            "the arq worker needs NEXORA_REDIS_URL (the embedded profile runs jobs in-process)"
        )
    configure_logging(level=settings.log_level, json_logs=settings.json_logs)
    container = make_container(settings)

    async def on_shutdown(ctx: dict[str, Any]) -> None:
        await ctx[DISHKA_APP_CONTAINER_KEY].close()

    worker: dict[str, Any] = {
        "functions": [func(cast("WorkerCoroutine", job), name=name) for name, job in JOBS.items()],
        "cron_jobs": [
            cron(warm_catalog_cache, minute={0, 15, 30, 45}, run_at_startup=True, unique=True),
            cron(deliver_outbox, run_at_startup=True, unique=True),  # every minute, at second 0
            cron(escalate_breached_complaints, **monitor_cron(), run_at_startup=True, unique=True),
        ],
        "redis_settings": RedisSettings.from_dsn(settings.redis_url),
        "queue_name": settings.queue_name,
        "max_tries": 5,
        "job_timeout": 300,
        "on_shutdown": on_shutdown,
        "handle_signals": True,
    }
    setup_dishka(container, worker)
    return worker
