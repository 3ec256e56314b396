"""`nexora catalog search ...` and `nexora catalog search-eval`: service search from a terminal."""

from pathlib import Path

import click
import msgspec
from dishka import AsyncContainer
from rich.table import Table

from application.catalog.queries.evaluate_service_search import (
    EvaluateServiceSearch,
    LabelledQuery,
    SearchEvaluation,
)
from application.catalog.queries.search_services import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    SearchServices,
    SearchServicesQuery,
    SearchServicesResult,
)
from entrypoints.cli.runtime import console, fail, run

DEFAULT_QUERIES = Path("tests/data/search_queries.jsonl")


@click.command("search")
@click.argument("text")
@click.option("--pincode", default=None, help="Only services offered at this pincode.")
@click.option("--limit", type=click.IntRange(1, MAX_LIMIT), default=DEFAULT_LIMIT, show_default=True)
def search(text: str, pincode: str | None, limit: int) -> None:
    """Rank the services TEXT names, as the API and the assistant see them."""

    async def work(container: AsyncContainer) -> SearchServicesResult:
        async with container() as scope:
            handler = await scope.get(SearchServices)
            return await handler.execute(SearchServicesQuery(text=text, pincode=pincode, limit=limit))

    result = run(work)
    table = Table(title=f'Services matching "{result.query}"')
    table.add_column("#", justify="right")
    table.add_column("Service")
    table.add_column("Category")
    table.add_column("Score", justify="right")
    table.add_column("Matched on", style="dim")
    for n, hit in enumerate(result.items, 1):
        service = f"{hit.name} ({hit.slug})"
        table.add_row(str(n), service, hit.category_name, f"{hit.score:.2f}", hit.matched_on)
    if result.serviceable is False:
        table.caption = f"pincode {result.pincode} is not serviceable"
    elif not result.items:
        table.caption = "no service matched"
    console.print(table)


def _load(path: Path) -> list[LabelledQuery]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    try:
        return [msgspec.json.decode(line, type=LabelledQuery) for line in lines]
    except msgspec.ValidationError as exc:
        fail(f"{path}: {exc}")


@click.command("search-eval")
@click.option(
    "--queries",
    "path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=DEFAULT_QUERIES,
    show_default=True,
    help="Labelled queries, one JSON object a line: query, expected slugs, kind, split.",
)
@click.option("--split", default=None, help="Only this part of the set (e.g. dev, heldout).")
@click.option("--min-top1", type=click.FloatRange(0, 1), default=None, help="Fail below this top-1 accuracy.")
@click.option("--min-top3", type=click.FloatRange(0, 1), default=None, help="Fail below this top-3 accuracy.")
def search_eval(path: Path, split: str | None, min_top1: float | None, min_top3: float | None) -> None:
    """Top-1 and top-3 accuracy of service search on a labelled query set, with the misses."""
    queries = [q for q in _load(path) if split is None or q.split == split]
    if not queries:
        fail(f"no queries in {path}" + (f" for split {split!r}" if split else ""))

    async def work(container: AsyncContainer) -> SearchEvaluation:
        async with container() as scope:
            return await (await scope.get(EvaluateServiceSearch)).execute(queries)

    evaluation = run(work)
    misses = Table(title="Misses (right answer not first)")
    for column in ("Query", "Kind", "Split", "Expected", "Top 3", "Rank"):
        misses.add_column(column)
    for item in evaluation.misses(top=1):
        q = item.labelled
        rank = str(item.rank) if item.rank else "-"
        misses.add_row(q.query, q.kind, q.split, ", ".join(q.expected), ", ".join(item.found), rank)
    console.print(misses)
    summary = Table(title="Service search accuracy")
    for column in ("Set", "Queries", "Top-1", "Top-3"):
        summary.add_column(column, justify="left" if column == "Set" else "right")
    parts = sorted({i.labelled.split for i in evaluation.items})
    for name, part in [*((p, evaluation.only(p)) for p in parts), ("all", evaluation)]:
        summary.add_row(name, str(part.total), f"{part.accuracy(1):.3f}", f"{part.accuracy(3):.3f}")
    console.print(summary)
    if (min_top1 is not None and evaluation.accuracy(1) < min_top1) or (
        min_top3 is not None and evaluation.accuracy(3) < min_top3
    ):
        fail("accuracy is below the minimum asked for")


def add_search_commands(group: click.Group) -> None:
    group.add_command(search)
    group.add_command(search_eval)
