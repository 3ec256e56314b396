"""Cost accounting of model calls: tokens priced per model, each call handed to the UsageRecorder."""

import time
from collections.abc import Mapping
from decimal import Decimal

import structlog

from application.ai.ports import CallStatus, LlmCall, ModelTier, Usage, UsageRecorder
from application.common.ports import Clock

log = structlog.get_logger(__name__)
PER_MILLION = Decimal(1_000_000)


class PriceTable:
    """USD per million tokens, (input, output) by model; a model without a price costs nothing."""

    def __init__(self, prices: Mapping[str, tuple[Decimal, Decimal]]) -> None:
        self._prices = dict(prices)

    def cost(self, model: str, input_tokens: int, output_tokens: int) -> Decimal:
        given, produced = self._prices.get(model, (Decimal(0), Decimal(0)))
        return ((given * input_tokens + produced * output_tokens) / PER_MILLION).quantize(Decimal("0.000001"))


class Meter:
    """Times a call and records it (with its cost) through the recorder; recording never fails the call."""

    def __init__(self, recorder: UsageRecorder, clock: Clock, prices: PriceTable) -> None:
        self._recorder, self._clock, self._prices = recorder, clock, prices

    @staticmethod
    def start() -> float:
        return time.perf_counter()

    def usage(self, model: str, input_tokens: int, output_tokens: int) -> Usage:
        cost = self._prices.cost(model, input_tokens, output_tokens)
        return Usage(
            model=model, input_tokens=input_tokens, output_tokens=output_tokens, cost_usd=float(cost)
        )

    async def record(
        self,
        started: float,
        *,
        model: str,
        tier: ModelTier,
        purpose: str,
        input_tokens: int = 0,
        output_tokens: int = 0,
        cached: bool = False,
        status: CallStatus = CallStatus.OK,
    ) -> None:
        call = LlmCall(
            model=model,
            tier=tier,
            purpose=purpose[:40],
            input_tokens=input_tokens,
            output_tokens=output_tokens,
            cost_usd=Decimal(0) if cached else self._prices.cost(model, input_tokens, output_tokens),
            latency_ms=int((time.perf_counter() - started) * 1000),
            cached=cached,
            status=status,
            created_at=self._clock.now(),
        )
        try:
            await self._recorder.record(call)
        except Exception as exc:  # accounting must never take a reply down
            log.warning("llm.usage_record_failed", model=model, error=type(exc).__name__)
