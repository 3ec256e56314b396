"""`nexora ai ...`: the AI platform from a terminal (what the language models cost)."""

import click
from dishka import AsyncContainer
from rich import box
from rich.table import Table

from application.ai.queries.usage_by_model import UsageByModel, UsageByModelQuery, UsageByModelResult
from entrypoints.cli.runtime import console, run


@click.group("ai")
def ai() -> None:
    """The AI platform: language-model usage and cost."""


@ai.command("usage")
@click.option(
    "--days", type=click.IntRange(1, 3660), default=None, help="Only the last N days (default: all)."
)
def usage(days: int | None) -> None:
    """Calls, tokens and cost (USD, from NEXORA_LLM_PRICES) per model."""

    async def work(container: AsyncContainer) -> UsageByModelResult:
        async with container() as scope:
            handler = await scope.get(UsageByModel)
            return await handler.execute(UsageByModelQuery(days=days))

    result = run(work)
    period = f"last {days} days" if days else "all time"
    table = Table(title=f"Language-model usage ({period})", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("Model", no_wrap=True)
    for name in ("Calls", "Cached", "Failed", "Tokens in", "Tokens out", "USD", "Avg ms"):
        table.add_column(name, justify="right", no_wrap=name == "USD")
    for row in result.rows:
        table.add_row(
            row.model,
            str(row.calls),
            str(row.cached_calls),
            str(row.failed_calls),
            f"{row.input_tokens:,}",
            f"{row.output_tokens:,}",
            f"{row.cost_usd:.6f}",
            f"{row.avg_latency_ms:.0f}",
        )
    table.caption = (
        f"{result.total_calls} calls, {result.total_cost_usd:.6f} USD"
        if result.rows
        else "no model calls recorded"
    )
    console.print(table)
