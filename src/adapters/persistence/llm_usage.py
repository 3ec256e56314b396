"""Language-model call accounting in SQL: each call appended in its own short transaction, summed by model."""

from datetime import datetime
from decimal import Decimal

import structlog
from sqlalchemy import case, func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.persistence.errors import storage_errors
from adapters.persistence.tables import llm_calls
from application.ai.ports import CallStatus, LlmCall, ModelUsage

log = structlog.get_logger(__name__)


class SqlaLlmUsageLog:
    """UsageRecorder and UsageReport over the `llm_calls` table. Recording is independent of any use case's
    transaction (a call that happened is kept even when the use case rolls back)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def record(self, call: LlmCall) -> None:
        values = {
            "model": call.model[:100],
            "tier": call.tier.value,
            "purpose": call.purpose[:40],
            "input_tokens": call.input_tokens,
            "output_tokens": call.output_tokens,
            "cost_usd": call.cost_usd,
            "latency_ms": call.latency_ms,
            "cached": call.cached,
            "status": call.status.value,
            "created_at": call.created_at,
        }
        try:
            async with self._engine.begin() as conn:
                await conn.execute(insert(llm_calls).values(**values))
        except Exception as exc:
            log.warning("llm.usage_not_recorded", model=call.model, error=type(exc).__name__)

    async def by_model(self, *, since: datetime | None = None) -> list[ModelUsage]:
        c = llm_calls.c
        cost = func.sum(c.cost_usd)
        query = (
            select(
                c.model,
                func.count(),
                func.sum(case((c.cached, 1), else_=0)),
                func.sum(case((c.status == CallStatus.ERROR.value, 1), else_=0)),
                func.sum(c.input_tokens),
                func.sum(c.output_tokens),
                cost,
                func.avg(c.latency_ms),
            )
            .group_by(c.model)
            .order_by(cost.desc(), c.model)
        )
        if since is not None:
            query = query.where(c.created_at >= since)
        async with storage_errors(), self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [
            ModelUsage(
                model=row[0],
                calls=int(row[1]),
                cached_calls=int(row[2] or 0),
                failed_calls=int(row[3] or 0),
                input_tokens=int(row[4] or 0),
                output_tokens=int(row[5] or 0),
                cost_usd=Decimal(row[6] or 0).quantize(Decimal("0.000001")),
                avg_latency_ms=float(row[7] or 0),
            )
            for row in rows
        ]
