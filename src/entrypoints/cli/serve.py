"""`nexora serve` and `nexora worker`: the long-running processes."""

import click

from entrypoints.cli.runtime import fail, settings_or_exit

APP_FACTORY = "entrypoints.http.app:create_app"


@click.command()
@click.option("--host", default=None, help="Interface to bind (default NEXORA_HOST, 127.0.0.1).")
@click.option("--port", type=click.IntRange(1, 65535), default=None, help="Port (default NEXORA_PORT, 8000).")
@click.option(
    "--workers", type=click.IntRange(1, 64), default=None, help="Processes (default NEXORA_WORKERS, 1)."
)
@click.option(
    "--server",
    type=click.Choice(["uvicorn", "granian"]),
    default=None,
    help="ASGI server (default NEXORA_SERVER, uvicorn).",
)
def serve(host: str | None, port: int | None, workers: int | None, server: str | None) -> None:
    """Serve the HTTP API (docs at /schema)."""
    settings = settings_or_exit()
    host = host or settings.host
    port = port or settings.port
    workers = workers or settings.workers
    server = server or settings.server
    click.echo(
        f"Nexora API on http://{host}:{port} (docs: http://{host}:{port}/schema) with {server} x{workers}"
    )
    if server == "granian":
        try:
            from granian import Granian
            from granian.constants import Interfaces
        except ImportError:
            fail("granian is not installed: `uv sync --extra granian`, or use --server uvicorn")
        Granian(
            APP_FACTORY, address=host, port=port, workers=workers, interface=Interfaces.ASGI, factory=True
        ).serve()
        return
    import uvicorn

    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=None,
        access_log=False,
        proxy_headers=True,
        server_header=False,
        timeout_graceful_shutdown=10,
    )


@click.command()
@click.option("--burst", is_flag=True, help="Run the queued jobs, then exit.")
def worker(burst: bool) -> None:
    """Run the arq worker (production profile: needs NEXORA_REDIS_URL)."""
    settings = settings_or_exit()
    if not settings.uses_redis:
        fail(
            "the worker needs NEXORA_REDIS_URL; in the embedded profile, `nexora serve` runs jobs in-process",
            code=2,
        )
    from arq.worker import run_worker

    from entrypoints.worker.settings import build_worker_settings

    run_worker(build_worker_settings(settings), burst=burst)
