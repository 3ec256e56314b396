"""Fail fast while an AI service is down: a circuit breaker and an overall deadline per call.

One breaker per adapter instance (the adapters are app-wide), so every request of a process shares it.
"""

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from application.ai.ports import AIServiceError

T = TypeVar("T")


class CircuitBreaker:
    """Closed: calls go through. After `failure_threshold` consecutive outage failures it opens: calls fail at
    once with AIServiceError for `cooldown_seconds`. Then it is half-open: one trial call goes through; its
    success closes the breaker, its failure opens it again. Errors that say nothing about the service's
    health (a malformed reply, a refused request) neither open nor close it.

    With `slow_call_seconds`, a call its caller gives up on (cancelled, e.g. by a search's own time budget)
    counts as a failure once it has waited that long: a service that hangs opens the breaker even when callers
    never wait out the deadline. Sooner cancellations, or any without `slow_call_seconds` (a reply that
    rightly takes long), say nothing about the service."""

    def __init__(
        self,
        service: str,
        *,
        failure_threshold: int = 5,
        cooldown_seconds: float = 30.0,
        slow_call_seconds: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._service, self._threshold, self._cooldown, self._clock = (
            service,
            failure_threshold,
            cooldown_seconds,
            clock,
        )
        self._slow_call = slow_call_seconds
        self._failures = 0
        self._opened_at: float | None = None
        self._trial_running = False

    @property
    def is_open(self) -> bool:
        return self._opened_at is not None

    def before_call(self) -> bool:
        """Raise AIServiceError while open; True when this call is the half-open trial."""
        if self._opened_at is None:
            return False
        waited = self._clock() - self._opened_at
        if waited < self._cooldown or self._trial_running:
            remaining = max(self._cooldown - waited, 1.0)
            raise AIServiceError(
                self._service,
                f"failing fast after {self._failures} consecutive failures; retrying in {remaining:.0f} s",
                retryable=True,
                retry_after_seconds=remaining,
            )
        self._trial_running = True
        return True

    def succeeded(self) -> None:
        self._failures, self._opened_at, self._trial_running = 0, None, False

    def failed(self) -> None:
        self._failures += 1
        self._trial_running = False
        if self._opened_at is not None or self._failures >= self._threshold:
            self._opened_at = self._clock()

    def released(self) -> None:
        """The trial ended without a verdict (cancelled, or a non-outage error): let another one try."""
        self._trial_running = False

    async def call(self, operation: Callable[[], Awaitable[T]], *, deadline_seconds: float) -> T:
        """Run `operation` (retries included) within `deadline_seconds` overall; outage failures (retryable
        AIServiceError, the deadline) count towards opening the breaker."""
        self.before_call()
        started = self._clock()
        try:
            async with asyncio.timeout(deadline_seconds):
                result = await operation()
        except TimeoutError as exc:
            self.failed()
            raise AIServiceError(
                self._service, f"no answer within {deadline_seconds:g} s", retryable=True
            ) from exc
        except AIServiceError as exc:
            self.failed() if exc.retryable else self.released()
            raise
        except asyncio.CancelledError:
            slow = self._slow_call is not None and self._clock() - started >= self._slow_call
            self.failed() if slow else self.released()
            raise
        except BaseException:
            self.released()
            raise
        self.succeeded()
        return result
