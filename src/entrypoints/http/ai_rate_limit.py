"""Per-client rate limit of the public endpoints that may call a paid model (Gemini) on every request."""

from datetime import timedelta

from dishka import AsyncContainer
from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

from application.identity.errors import RateLimited
from application.identity.ports import RateLimiter
from entrypoints.http.request_info import client_ip
from entrypoints.settings import Settings

WINDOW = timedelta(minutes=1)


async def public_ai_rate_limit(connection: ASGIConnection, _handler: BaseRouteHandler) -> None:  # type: ignore[type-arg]
    """Guard of the NLP and knowledge-search controllers: at most NEXORA_AI_RATE_LIMIT_PER_MINUTE requests per
    client address per minute, counted atomically across API processes (Redis) or in-process (embedded);
    else RateLimited (429 with Retry-After). 0 turns the limit off."""
    container: AsyncContainer = connection.app.state.dishka_container
    settings = await container.get(Settings)
    if settings.ai_rate_limit_per_minute == 0:
        return
    limiter = await container.get(RateLimiter)
    client = client_ip(connection) or "unknown"
    decision = await limiter.hit(f"ai:{client}", limit=settings.ai_rate_limit_per_minute, window=WINDOW)
    if not decision.allowed:
        raise RateLimited(
            decision.retry_after_seconds, "too many language and search requests from this address"
        )
