"""`nexora db ...`: migrations and demo data."""

import time
from datetime import datetime

import click
from dishka import AsyncContainer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy.engine import make_url

from application.common.errors import DependencyUnavailable
from application.common.ports import SchemaMigrator
from application.demo.commands.seed_demo_data import (
    MAX_SCALE,
    SeedDemoData,
    SeedDemoDataHandler,
    SeedDemoDataResult,
)
from application.knowledge.views import IngestResult
from entrypoints.cli.docs import ingest_shipped
from entrypoints.cli.runtime import confirm_or_exit, console, run, settings_or_exit


@click.group()
def db() -> None:
    """Schema migrations and demo data."""


async def _report(migrator: SchemaMigrator) -> None:
    current = await migrator.current()
    console.print(f"database at revision [bold]{', '.join(current) or 'base (empty)'}[/]")


@db.command()
@click.argument("revision", default="head")
def upgrade(revision: str) -> None:
    """Apply migrations up to REVISION (default: head)."""

    async def work(container: AsyncContainer) -> None:
        migrator = await container.get(SchemaMigrator)
        await migrator.upgrade(revision)
        await _report(migrator)

    run(work)


@db.command()
@click.argument("revision")
def downgrade(revision: str) -> None:
    """Revert migrations down to REVISION (e.g. -1, or base to drop everything)."""

    async def work(container: AsyncContainer) -> None:
        migrator = await container.get(SchemaMigrator)
        await migrator.downgrade(revision)
        await _report(migrator)

    run(work)


@db.command()
def current() -> None:
    """Show the database's revision and the code's head."""

    async def work(container: AsyncContainer) -> None:
        migrator = await container.get(SchemaMigrator)
        revisions, heads = await migrator.current(), migrator.heads()
        state = "up to date" if sorted(revisions) == sorted(heads) else "behind: run `nexora db upgrade`"
        console.print(
            f"database: {', '.join(revisions) or 'base (empty)'}  code head: {', '.join(heads)}  ({state})"
        )

    run(work)


def _seed(cmd: SeedDemoData) -> None:
    policies: list[IngestResult] = []
    skipped: list[str] = []

    async def work(container: AsyncContainer) -> SeedDemoDataResult:
        columns = (
            TextColumn("seeding"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("blocks"),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=console, transient=True, disable=cmd.scale < 5) as bar:
            task = bar.add_task("seed", total=cmd.scale)
            async with container() as scope:
                handler = await scope.get(SeedDemoDataHandler)
                seeded = await handler.execute(
                    cmd, progress=lambda done, _total: bar.update(task, completed=done)
                )
        try:
            policies.extend(await ingest_shipped(container))
        except DependencyUnavailable as exc:  # the API still serves; search answers from what is there
            skipped.append(exc.message)
        return seeded

    started = time.monotonic()
    result = run(work)
    fresh = sum(1 for p in policies if p.status != "unchanged")
    if skipped:
        console.print(
            f"[yellow]knowledge base not updated[/] ({skipped[0]}): run `nexora docs ingest-shipped`"
        )
    else:
        console.print(f"knowledge base: {fresh} of {len(policies)} shipped policy documents (re)ingested")
    if not result.seeded or result.report is None:
        console.print("database already holds data: nothing seeded")
        return
    table = Table(title=f"Seeded demo data (seed {result.report.seed})")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in result.report.counts.items():
        table.add_row(name, f"{count:,}")
    table.caption = f"scale {cmd.scale}, {time.monotonic() - started:.1f} s"
    console.print(table)


@db.command()
@click.option("--seed", "seed_value", type=int, default=None, help="Random seed (default NEXORA_SEED, 42).")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already holds data.")
@click.option(
    "--scale",
    type=click.IntRange(1, MAX_SCALE),
    default=1,
    show_default=True,
    help="Multiply people, bookings, complaints and conversations (139 bookings per unit).",
)
@click.option(
    "--anchor",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Day the demo times are laid around (default: today). Same seed + day = same rows.",
)
def seed(seed_value: int | None, if_empty: bool, scale: int, anchor: datetime | None) -> None:
    """Load the demo marketplace into an empty database (deterministic for a given seed and day)."""
    settings = settings_or_exit()
    _seed(
        SeedDemoData(
            seed=settings.seed if seed_value is None else seed_value,
            scale=scale,
            anchor=anchor.date() if anchor else None,
            only_if_empty=if_empty,
        )
    )


@db.command()
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--seed", "seed_value", type=int, default=None, help="Random seed for the demo data.")
def reset(yes: bool, seed_value: int | None) -> None:
    """Drop everything, migrate to head and load the demo data again."""
    settings = settings_or_exit()
    where = make_url(settings.database_url).render_as_string(hide_password=True)
    confirm_or_exit(yes, f"This erases every row in {where}. Continue?")

    async def work(container: AsyncContainer) -> None:
        migrator = await container.get(SchemaMigrator)
        await migrator.downgrade("base")
        await migrator.upgrade("head")
        await _report(migrator)

    run(work)
    _seed(SeedDemoData(seed=settings.seed if seed_value is None else seed_value))
