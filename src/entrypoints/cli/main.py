"""The `nexora` command: serve the API, run the worker, manage the database, and run ops use cases."""

import click

from entrypoints.cli.ai import ai
from entrypoints.cli.catalog import catalog
from entrypoints.cli.complaints import complaints, queue
from entrypoints.cli.db import db
from entrypoints.cli.docs import docs
from entrypoints.cli.nlp import nlp
from entrypoints.cli.search import add_search_commands
from entrypoints.cli.serve import serve, worker
from entrypoints.cli.staff import staff


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="nexora")
def cli() -> None:
    """Nexora: the home-services marketplace backend."""


cli.add_command(serve)
cli.add_command(worker)
cli.add_command(db)
cli.add_command(catalog)
add_search_commands(catalog)
cli.add_command(staff)
cli.add_command(complaints)
cli.add_command(queue)
cli.add_command(ai)
cli.add_command(docs)
cli.add_command(nlp)


def main() -> None:
    cli()
