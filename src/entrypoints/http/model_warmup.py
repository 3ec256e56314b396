"""Warm the language services that need it (the offline intent model trains for a few seconds) when the API
starts, in a background thread: start-up does not wait, and a request that arrives first waits for the same
work instead of doing it again."""

import threading
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import structlog
from dishka import AsyncContainer
from litestar import Litestar

from application.nlp.ports import IntentClassifier, WarmsUp

log = structlog.get_logger(__name__)


def _warm(service: WarmsUp) -> None:
    try:
        service.warm()
    except Exception:
        log.exception("nlp.warmup_failed", service=type(service).__name__)


def warm_language_services(
    container: AsyncContainer,
) -> Callable[[Litestar], AbstractAsyncContextManager[None]]:
    """A Litestar lifespan manager; services without a `warm` step (the Gemini ones) are left alone."""

    @asynccontextmanager
    async def lifespan(_app: Litestar) -> AsyncIterator[None]:
        try:
            classifier = await container.get(IntentClassifier)
        except Exception:  # the first /nlp request will report it; start-up goes on
            log.exception("nlp.warmup_unavailable")
        else:
            if isinstance(classifier, WarmsUp):
                threading.Thread(target=_warm, args=(classifier,), name="nlp-warmup", daemon=True).start()
        yield

    return lifespan
