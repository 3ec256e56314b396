"""Retries of external AI calls: bounded attempts, exponential backoff with jitter, Retry-After honoured."""

import asyncio
import random
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

import httpx2
from google.genai import errors as genai_errors

from application.ai.ports import AIServiceError

T = TypeVar("T")
RETRYABLE_STATUS = frozenset({408, 429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """`max_attempts` calls at most; before attempt n+1 wait uniform(0, min(max_delay, base_delay * 2**(n-1)))
    or, when the server sent Retry-After, that long (one above `max_retry_after` ends the retries)."""

    max_attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 30.0

    def backoff(self, attempt: int, rng: Callable[[], float] = random.random) -> float:
        return rng() * min(self.max_delay, self.base_delay * 2.0 ** (attempt - 1))


@dataclass(frozen=True, slots=True)
class Failure:
    """A failed attempt: whether trying again may help and how long the server asked us to wait."""

    detail: str
    retryable: bool
    retry_after: float | None = None


def classify(exc: BaseException) -> Failure | None:
    """What a google-genai/transport exception means; None for exceptions that are not service failures."""
    if isinstance(exc, genai_errors.APIError):
        retryable = exc.code in RETRYABLE_STATUS
        return Failure(f"HTTP {exc.code} {exc.status or ''}".strip(), retryable, _retry_after(exc))
    if isinstance(exc, TimeoutError | httpx2.TimeoutException):
        return Failure("timed out", retryable=True)
    if isinstance(exc, httpx2.TransportError):
        return Failure(f"unreachable ({type(exc).__name__})", retryable=True)
    if isinstance(exc, ValueError):  # json.JSONDecodeError and pydantic errors on a malformed body
        return Failure("malformed reply", retryable=False)
    return None


def _retry_after(exc: genai_errors.APIError) -> float | None:
    """The wait the server asked for: the Retry-After header, else Gemini's RetryInfo `retryDelay` ("7s")."""
    headers = getattr(getattr(exc, "response", None), "headers", None)
    header = headers.get("retry-after") if headers is not None else None
    if header is not None:
        try:
            return max(0.0, float(header))
        except ValueError:
            return None
    error = exc.details.get("error") if isinstance(exc.details, dict) else None
    details = error.get("details") if isinstance(error, dict) else None
    for detail in details if isinstance(details, list) else []:
        match = re.fullmatch(
            r"(\d+(?:\.\d+)?)s", str(detail.get("retryDelay", "")) if isinstance(detail, dict) else ""
        )
        if match:
            return float(match.group(1))
    return None


async def with_retries(
    call: Callable[[], Awaitable[T]],
    *,
    service: str,
    policy: RetryPolicy,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Run `call` until it succeeds or the policy gives up; failures become AIServiceError."""
    attempt = 1
    while True:
        try:
            return await call()
        except Exception as exc:
            failure = classify(exc)
            if failure is None:
                raise
            delay = failure.retry_after if failure.retry_after is not None else policy.backoff(attempt)
            if not failure.retryable or attempt >= policy.max_attempts or delay > policy.max_retry_after:
                suffix = f" after {attempt} attempts" if failure.retryable else ""
                raise AIServiceError(service, failure.detail + suffix, retryable=failure.retryable) from exc
        await sleep(delay)
        attempt += 1
