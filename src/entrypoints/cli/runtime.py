"""Running async use cases from click commands: one async container per command, errors as messages."""

import asyncio
import sys
import uuid
from collections.abc import Awaitable, Callable
from typing import NoReturn, TypeVar

import click
from dishka import AsyncContainer
from rich.console import Console

from application.ai.ports import AIServiceError
from application.common.errors import ApplicationError, DependencyUnavailable
from application.identity.actors import SystemActor
from application.staff.audit import Origin
from domain.shared.errors import DomainError
from entrypoints.ioc.container import make_container
from entrypoints.observability import configure_logging
from entrypoints.settings import InvalidSettings, Settings, load_settings

T = TypeVar("T")
console = Console()
errors = Console(stderr=True)


def settings_or_exit() -> Settings:
    try:
        return load_settings()
    except InvalidSettings as exc:
        fail(str(exc), code=2)


def fail(message: str, *, code: int = 1) -> NoReturn:
    errors.print(f"[bold red]error:[/] {message}", highlight=False)
    sys.exit(code)


def run(work: Callable[[AsyncContainer], Awaitable[T]], settings: Settings | None = None) -> T:
    """Build the container, run `work` with it, close it; turn known errors into a message and exit code."""
    settings = settings or settings_or_exit()
    configure_logging(level="WARNING", json_logs=settings.json_logs)

    async def main() -> T:
        container = make_container(settings)
        try:
            return await work(container)
        finally:
            await container.close()

    try:
        return asyncio.run(main())
    except DependencyUnavailable as exc:
        fail(
            f"{exc.message}. Check NEXORA_DATABASE_URL / NEXORA_REDIS_URL and that the service is running.",
            code=3,
        )
    except AIServiceError as exc:
        fail(
            f"{exc.service} could not answer: {exc.detail}. Check NEXORA_LLM_PROVIDER /"
            " NEXORA_VECTOR_PROVIDER, their keys and the network, or try again later.",
            code=3,
        )
    except (ApplicationError, DomainError) as exc:
        fail(str(exc))
    except click.exceptions.Exit:
        raise
    except Exception as exc:
        errors.print_exception(max_frames=3) if settings.log_level == "DEBUG" else None
        fail(
            f"unexpected {type(exc).__name__}: {exc}".splitlines()[0] + " (NEXORA_LOG_LEVEL=DEBUG shows more)"
        )


def confirm_or_exit(yes: bool, prompt: str) -> None:
    if not yes and not click.confirm(prompt, default=False):
        fail("aborted", code=1)


OPERATOR = SystemActor(name="cli")
"""Who ops commands act as: the system, logged as "cli"."""


def cli_origin() -> Origin:
    """Where a command came from, for the activity log (a fresh request id per command)."""
    return Origin(request_id=f"cli-{uuid.uuid4().hex[:12]}", user_agent="nexora-cli")
