"""Retry policy of AI calls: bounded attempts, backoff bounds, the server's requested wait."""

import pytest
from google.genai import errors as genai_errors

from adapters.ai.retry import RetryPolicy, with_retries
from application.ai.ports import AIServiceError


class Flaky:
    def __init__(self, failures: list[BaseException]) -> None:
        self.failures, self.calls = failures, 0

    async def __call__(self) -> str:
        self.calls += 1
        if self.failures:
            raise self.failures.pop(0)
        return "ok"


class Sleeps:
    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def test_backoff_grows_exponentially_and_is_capped() -> None:
    policy = RetryPolicy(base_delay=0.5, max_delay=3.0)

    assert [policy.backoff(n, rng=lambda: 1.0) for n in (1, 2, 3, 4, 5)] == [0.5, 1.0, 2.0, 3.0, 3.0]
    assert policy.backoff(3, rng=lambda: 0.25) == 0.5  # full jitter: a random share of the ceiling


async def test_timeouts_are_retried_until_the_attempts_run_out() -> None:
    flaky, sleeps = Flaky([TimeoutError(), TimeoutError(), TimeoutError()]), Sleeps()

    with pytest.raises(AIServiceError, match="timed out after 3 attempts") as caught:
        await with_retries(flaky, service="x", policy=RetryPolicy(max_attempts=3), sleep=sleeps)

    assert flaky.calls == 3
    assert len(sleeps.waits) == 2
    assert caught.value.retryable


async def test_a_timeout_then_success_returns_the_result() -> None:
    flaky = Flaky([TimeoutError()])

    assert await with_retries(flaky, service="x", policy=RetryPolicy(), sleep=Sleeps()) == "ok"


async def test_unknown_exceptions_are_not_swallowed() -> None:
    with pytest.raises(KeyError):
        await with_retries(Flaky([KeyError("bug")]), service="x", policy=RetryPolicy(), sleep=Sleeps())


def quota_error(delay: str) -> genai_errors.ClientError:
    body = {
        "error": {
            "code": 429,
            "message": "quota",
            "status": "RESOURCE_EXHAUSTED",
            "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": delay}],
        }
    }
    return genai_errors.ClientError(429, body)


async def test_the_retry_delay_gemini_asks_for_is_waited_when_there_is_no_header() -> None:
    sleeps = Sleeps()

    assert (
        await with_retries(Flaky([quota_error("7s")]), service="x", policy=RetryPolicy(), sleep=sleeps)
        == "ok"
    )

    assert sleeps.waits == [7.0]


async def test_a_requested_wait_longer_than_the_limit_fails_at_once() -> None:
    flaky = Flaky([quota_error("120s")])

    with pytest.raises(AIServiceError, match="429") as caught:
        await with_retries(flaky, service="x", policy=RetryPolicy(max_retry_after=30), sleep=Sleeps())

    assert flaky.calls == 1
    assert caught.value.retryable
