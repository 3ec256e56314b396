"""The circuit breaker of the AI adapters: opens after consecutive outage failures, fails fast during the
cool-down, lets one trial through afterwards, ignores errors that say nothing about the service's health."""

import asyncio

import pytest

from adapters.ai.circuit_breaker import CircuitBreaker
from application.ai.ports import AIServiceError


class Seconds:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _breaker(clock: Seconds) -> CircuitBreaker:
    return CircuitBreaker("gemini", failure_threshold=3, cooldown_seconds=30, clock=clock)


async def _down() -> str:
    raise AIServiceError("gemini", "HTTP 503", retryable=True)


async def _up() -> str:
    return "ok"


async def _refused() -> str:
    raise AIServiceError("gemini", "HTTP 400 INVALID_ARGUMENT")


async def _fail(breaker: CircuitBreaker, times: int) -> None:
    for _ in range(times):
        with pytest.raises(AIServiceError):
            await breaker.call(_down, deadline_seconds=1)


async def test_the_breaker_opens_after_the_threshold_and_fails_fast_without_calling() -> None:
    clock, calls = Seconds(), []
    breaker = _breaker(clock)
    await _fail(breaker, 2)
    assert not breaker.is_open
    await _fail(breaker, 1)

    async def counted() -> str:
        calls.append(1)
        return "ok"

    clock.now = 29
    with pytest.raises(AIServiceError) as fast:
        await breaker.call(counted, deadline_seconds=1)
    assert calls == []
    assert fast.value.retryable
    assert fast.value.retry_after_seconds == pytest.approx(1)


async def test_a_successful_trial_after_the_cool_down_closes_the_breaker() -> None:
    clock = Seconds()
    breaker = _breaker(clock)
    await _fail(breaker, 3)
    clock.now = 31

    assert await breaker.call(_up, deadline_seconds=1) == "ok"
    assert not breaker.is_open
    await _fail(breaker, 2)
    assert not breaker.is_open, "the count starts again from zero"


async def test_a_failed_trial_opens_the_breaker_for_another_cool_down() -> None:
    clock = Seconds()
    breaker = _breaker(clock)
    await _fail(breaker, 3)
    clock.now = 31
    await _fail(breaker, 1)

    clock.now = 60
    with pytest.raises(AIServiceError, match="failing fast"):
        await breaker.call(_up, deadline_seconds=1)


async def test_only_one_trial_runs_while_half_open() -> None:
    clock = Seconds()
    breaker = _breaker(clock)
    await _fail(breaker, 3)
    clock.now = 31
    release = asyncio.Event()

    async def slow() -> str:
        await release.wait()
        return "ok"

    trial = asyncio.create_task(breaker.call(slow, deadline_seconds=5))
    await asyncio.sleep(0)
    with pytest.raises(AIServiceError, match="failing fast"):
        await breaker.call(_up, deadline_seconds=1)
    release.set()
    assert await trial == "ok"


async def test_refused_requests_do_not_open_the_breaker() -> None:
    breaker = _breaker(Seconds())
    for _ in range(5):
        with pytest.raises(AIServiceError):
            await breaker.call(_refused, deadline_seconds=1)
    assert not breaker.is_open


async def test_a_call_past_its_deadline_is_an_outage_failure() -> None:
    breaker = CircuitBreaker("pinecone", failure_threshold=1, cooldown_seconds=30)

    with pytest.raises(AIServiceError, match=r"within 0\.05 s") as late:
        await breaker.call(lambda: asyncio.sleep(1, "late"), deadline_seconds=0.05)
    assert late.value.retryable
    assert breaker.is_open


async def _cancelled_after(breaker: CircuitBreaker, clock: Seconds, seconds: float) -> None:
    """A call whose caller gives up after `seconds` (the fake clock moves while the call hangs)."""

    async def hanging() -> str:
        clock.now += seconds
        await asyncio.sleep(3600)
        return "never"

    task = asyncio.create_task(breaker.call(hanging, deadline_seconds=60))
    await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_calls_their_callers_give_up_on_after_the_slow_call_time_open_the_breaker() -> None:
    clock = Seconds()
    breaker = CircuitBreaker(
        "gemini", failure_threshold=3, cooldown_seconds=30, slow_call_seconds=2, clock=clock
    )
    for _ in range(3):
        await _cancelled_after(breaker, clock, 2.5)

    assert breaker.is_open
    with pytest.raises(AIServiceError, match="failing fast"):
        await breaker.call(_up, deadline_seconds=1)


async def test_calls_cancelled_sooner_than_the_slow_call_time_say_nothing_about_the_service() -> None:
    clock = Seconds()
    breaker = CircuitBreaker(
        "gemini", failure_threshold=3, cooldown_seconds=30, slow_call_seconds=2, clock=clock
    )
    for _ in range(5):
        await _cancelled_after(breaker, clock, 0.5)

    assert not breaker.is_open
    assert await breaker.call(_up, deadline_seconds=1) == "ok"


async def test_without_a_slow_call_time_no_cancellation_counts_however_long_it_waited() -> None:
    clock = Seconds()
    breaker = CircuitBreaker("gemini", failure_threshold=2, cooldown_seconds=30, clock=clock)
    for _ in range(4):
        await _cancelled_after(breaker, clock, 60)

    assert not breaker.is_open
