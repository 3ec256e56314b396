"""The SQL usage log of language-model calls on SQLite and MariaDB: recorded calls summed by model."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from click.testing import CliRunner

from adapters.persistence.engine import create_engine
from adapters.persistence.llm_usage import SqlaLlmUsageLog
from application.ai.ports import CallStatus, LlmCall, ModelTier
from entrypoints.cli.main import cli
from tests.conftest import DatabaseFactory, migrated

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def call(model: str, *, cost: str, tokens: tuple[int, int] = (100, 20), **changes: object) -> LlmCall:
    values: dict[str, object] = {
        "model": model,
        "tier": ModelTier.LIGHT,
        "purpose": "intents",
        "input_tokens": tokens[0],
        "output_tokens": tokens[1],
        "cost_usd": Decimal(cost),
        "latency_ms": 120,
        "cached": False,
        "status": CallStatus.OK,
        "created_at": NOW,
    }
    return LlmCall(**(values | changes))  # type: ignore[arg-type]


@pytest.fixture
async def database(databases: DatabaseFactory, backend: str) -> str:
    return migrated(databases.make(backend))


@pytest.fixture
async def log(database: str) -> AsyncIterator[SqlaLlmUsageLog]:
    engine = create_engine(database)
    yield SqlaLlmUsageLog(engine)
    await engine.dispose()


async def test_usage_is_summed_per_model_most_expensive_first_when_calls_were_recorded(
    log: SqlaLlmUsageLog,
) -> None:
    await log.record(call("gemini-2.5-flash-lite", cost="0.000018"))
    await log.record(call("gemini-2.5-flash", cost="0.000800", tokens=(1000, 200), latency_ms=900))
    await log.record(call("gemini-2.5-flash", cost="0", cached=True, tokens=(0, 0), latency_ms=2))
    await log.record(
        call("gemini-2.5-flash", cost="0", status=CallStatus.ERROR, tokens=(0, 0), latency_ms=100)
    )

    flash, lite = await log.by_model()

    assert (flash.model, flash.calls, flash.cached_calls, flash.failed_calls) == ("gemini-2.5-flash", 3, 1, 1)
    assert (flash.input_tokens, flash.output_tokens, flash.cost_usd) == (1000, 200, Decimal("0.000800"))
    assert flash.avg_latency_ms == pytest.approx(334, abs=1)
    assert (lite.model, lite.calls, lite.cost_usd) == ("gemini-2.5-flash-lite", 1, Decimal("0.000018"))


async def test_usage_since_a_time_leaves_out_older_calls(log: SqlaLlmUsageLog) -> None:
    await log.record(call("m", cost="0.5", created_at=NOW - timedelta(days=10)))
    await log.record(call("m", cost="0.25"))

    [recent] = await log.by_model(since=NOW - timedelta(days=1))

    assert (recent.calls, recent.cost_usd) == (1, Decimal("0.250000"))


async def test_recording_never_raises_when_the_database_is_unreachable() -> None:
    engine = create_engine("mysql+asyncmy://nobody@127.0.0.1:1/none", connect_timeout=0.5)
    log = SqlaLlmUsageLog(engine)

    await log.record(call("m", cost="0.1"))  # logged, not raised

    await engine.dispose()


def test_cli_prints_cost_per_model_when_calls_were_recorded(
    database: str, log: SqlaLlmUsageLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    asyncio.run(log.record(call("gemini-2.5-flash", cost="0.001234")))
    monkeypatch.setenv("NEXORA_REDIS_URL", "")
    monkeypatch.setenv("COLUMNS", "160")

    result = CliRunner().invoke(cli, ["ai", "usage"], env={"NEXORA_DATABASE_URL": database})

    assert result.exit_code == 0, result.output
    assert "gemini-2.5-flash" in result.output
    assert "0.001234" in result.output
    assert "1 calls, 0.001234 USD" in result.output


def test_cli_refuses_a_period_of_zero_days(monkeypatch: pytest.MonkeyPatch) -> None:
    result = CliRunner().invoke(cli, ["ai", "usage", "--days", "0"])

    assert result.exit_code == 2
    assert "--days" in result.output
