"""What the language models cost: calls, tokens and money per model over a period."""

from datetime import timedelta
from decimal import Decimal

import msgspec

from application.ai.ports import UsageReport
from application.common.errors import InvalidInput
from application.common.ports import Clock

MAX_DAYS = 3660


class UsageByModelQuery(msgspec.Struct, frozen=True):
    days: int | None = None  # the last N days; None: all time


class ModelUsageRow(msgspec.Struct, frozen=True):
    model: str
    calls: int
    cached_calls: int
    failed_calls: int
    input_tokens: int
    output_tokens: int
    cost_usd: Decimal
    avg_latency_ms: float


class UsageByModelResult(msgspec.Struct, frozen=True):
    rows: list[ModelUsageRow]
    total_calls: int
    total_cost_usd: Decimal


class UsageByModel:
    """For operators (the CLI): the recorded model calls summed by model, most expensive first."""

    def __init__(self, report: UsageReport, clock: Clock) -> None:
        self._report, self._clock = report, clock

    async def execute(self, query: UsageByModelQuery) -> UsageByModelResult:
        if query.days is not None and not 1 <= query.days <= MAX_DAYS:
            raise InvalidInput("days", f"expected 1 to {MAX_DAYS}")
        since = None if query.days is None else self._clock.now() - timedelta(days=query.days)
        usage = await self._report.by_model(since=since)
        rows = [
            ModelUsageRow(
                model=u.model,
                calls=u.calls,
                cached_calls=u.cached_calls,
                failed_calls=u.failed_calls,
                input_tokens=u.input_tokens,
                output_tokens=u.output_tokens,
                cost_usd=u.cost_usd,
                avg_latency_ms=u.avg_latency_ms,
            )
            for u in usage
        ]
        return UsageByModelResult(
            rows=rows,
            total_calls=sum(r.calls for r in rows),
            total_cost_usd=sum((r.cost_usd for r in rows), Decimal(0)),
        )
