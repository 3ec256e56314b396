"""What the language models cost, summed for operators."""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from application.ai.ports import ModelUsage
from application.ai.queries.usage_by_model import UsageByModel, UsageByModelQuery
from application.common.errors import InvalidInput
from tests.fakes import FakeClock


class FixedReport:
    def __init__(self, rows: list[ModelUsage]) -> None:
        self.rows = rows
        self.since_asked: list[datetime | None] = []

    async def by_model(self, *, since: datetime | None = None) -> list[ModelUsage]:
        self.since_asked.append(since)
        return self.rows


def usage(model: str, calls: int, cost: str) -> ModelUsage:
    return ModelUsage(model, calls, 0, 0, 10 * calls, 2 * calls, Decimal(cost), 100.0)


async def test_totals_add_up_the_models_when_several_were_used() -> None:
    rows = [usage("gemini-2.5-flash", 3, "0.002"), usage("gemini-2.5-flash-lite", 10, "0.0005")]
    report = FixedReport(rows)

    result = await UsageByModel(report, FakeClock()).execute(UsageByModelQuery())

    assert [r.model for r in result.rows] == ["gemini-2.5-flash", "gemini-2.5-flash-lite"]
    assert (result.total_calls, result.total_cost_usd) == (13, Decimal("0.0025"))
    assert report.since_asked == [None]


async def test_a_period_in_days_counts_back_from_the_clock() -> None:
    report, clock = FixedReport([]), FakeClock()

    await UsageByModel(report, clock).execute(UsageByModelQuery(days=7))

    assert report.since_asked == [clock.now() - timedelta(days=7)]


async def test_a_period_of_zero_days_is_refused() -> None:
    with pytest.raises(InvalidInput):
        await UsageByModel(FixedReport([]), FakeClock()).execute(UsageByModelQuery(days=0))
