"""`nexora db ...`: migrations and demo data."""

import asyncio

import click
from dishka import AsyncContainer
from rich.table import Table

from adapters.persistence.migrator import AlembicMigrator
from application.demo.commands.seed_demo_data import SeedDemoData, SeedDemoDataHandler, SeedDemoDataResult
from entrypoints.cli.runtime import confirm_or_exit, console, fail, run, settings_or_exit


@click.group()
def db() -> None:
    """Schema migrations and demo data."""


def _migrator() -> AlembicMigrator:
    settings = settings_or_exit()
    try:
        return AlembicMigrator(settings.database_url)
    except FileNotFoundError as exc:
        fail(str(exc))


def _migrate(action: str, revision: str) -> None:
    migrator = _migrator()
    try:
        getattr(migrator, action)(revision)
    except Exception as exc:  # alembic and the drivers raise many kinds; the message is what matters here
        fail(f"{action} to {revision} failed: {exc}", code=3)
    current = asyncio.run(migrator.current())
    console.print(f"database at revision [bold]{', '.join(current) or 'base (empty)'}[/]")


@db.command()
@click.argument("revision", default="head")
def upgrade(revision: str) -> None:
    """Apply migrations up to REVISION (default: head)."""
    _migrate("upgrade", revision)


@db.command()
@click.argument("revision")
def downgrade(revision: str) -> None:
    """Revert migrations down to REVISION (e.g. -1, or base to drop everything)."""
    _migrate("downgrade", revision)


@db.command()
def current() -> None:
    """Show the database's revision and the code's head."""
    migrator = _migrator()
    try:
        revisions = asyncio.run(migrator.current())
    except Exception as exc:
        fail(f"cannot read the database revision: {exc}", code=3)
    heads = migrator.heads()
    state = "up to date" if sorted(revisions) == sorted(heads) else "behind: run `nexora db upgrade`"
    console.print(
        f"database: {', '.join(revisions) or 'base (empty)'}  code head: {', '.join(heads)}  ({state})"
    )


@db.command()
@click.option("--seed", "seed_value", type=int, default=None, help="Random seed (default NEXORA_SEED, 42).")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already holds data.")
def seed(seed_value: int | None, if_empty: bool) -> None:
    """Load the demo marketplace into an empty database (deterministic for a given seed)."""
    settings = settings_or_exit()
    cmd = SeedDemoData(seed=settings.seed if seed_value is None else seed_value, only_if_empty=if_empty)

    async def work(container: AsyncContainer) -> SeedDemoDataResult:
        async with container() as scope:
            return await (await scope.get(SeedDemoDataHandler)).execute(cmd)

    result = run(work, settings)
    if not result.seeded or result.report is None:
        console.print("database already holds data: nothing seeded")
        return
    table = Table(title=f"Seeded demo data (seed {result.report.seed})")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in result.report.counts.items():
        table.add_row(name, f"{count:,}")
    console.print(table)


@db.command()
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--seed", "seed_value", type=int, default=None, help="Random seed for the demo data.")
def reset(yes: bool, seed_value: int | None) -> None:
    """Drop everything, migrate to head and load the demo data again."""
    settings = settings_or_exit()
    confirm_or_exit(yes, f"This erases every row in {_safe_url(settings.database_url)}. Continue?")
    _migrate("downgrade", "base")
    _migrate("upgrade", "head")
    seed.callback(seed_value=seed_value, if_empty=False)  # type: ignore[misc]


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
