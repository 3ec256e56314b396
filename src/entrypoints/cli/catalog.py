"""`nexora catalog ...`: look at the service catalog from a terminal."""

import click
from dishka import AsyncContainer
from rich.table import Table

from application.catalog.queries.list_categories import ListCategories
from application.catalog.queries.list_subcategories import ListSubcategories, ListSubcategoriesQuery
from entrypoints.cli.runtime import console, run


@click.group()
def catalog() -> None:
    """Browse the service catalog."""


@catalog.command("list")
@click.option("--category", "category_id", type=int, default=None, help="Show only this category's services.")
def list_catalog(category_id: int | None) -> None:
    """Categories and their services, as a table."""

    async def work(container: AsyncContainer) -> Table:
        async with container() as scope:
            categories = (await (await scope.get(ListCategories)).execute()).items
            list_subs = await scope.get(ListSubcategories)
            table = Table(title="Nexora service catalog", show_lines=False)
            table.add_column("Cat", justify="right", style="cyan")
            table.add_column("Category", style="bold")
            table.add_column("Sub", justify="right", style="cyan")
            table.add_column("Service")
            table.add_column("Duration", justify="right")
            wanted = [c for c in categories if category_id is None or c.id == category_id]
            if category_id is not None and not wanted:
                await list_subs.execute(ListSubcategoriesQuery(category_id=category_id))  # raises not found
            for category in wanted:
                subs = (await list_subs.execute(ListSubcategoriesQuery(category_id=category.id))).items
                for i, sub in enumerate(subs):
                    table.add_row(
                        str(category.id) if i == 0 else "",
                        category.name if i == 0 else "",
                        str(sub.id),
                        sub.name,
                        f"{sub.duration_minutes} min",
                        end_section=i == len(subs) - 1,
                    )
            table.caption = f"{len(wanted)} categories"
            return table

    console.print(run(work))
