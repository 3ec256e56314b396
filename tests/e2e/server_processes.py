"""Real `nexora serve` processes for tests that must cross process boundaries (two APIs behind one load
balancer share nothing but the database and Redis)."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def api_process(env: Mapping[str, str], log_path: Path) -> Iterator[str]:
    """Start `python -m entrypoints.cli serve` with `env` added; yield its base URL once it is live."""
    port = free_port()
    full_env = {**os.environ, **env, "NEXORA_PORT": str(port)}
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "entrypoints.cli", "serve", "--workers", "1"],
            cwd=ROOT,
            env=full_env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 45
            while time.monotonic() < deadline:
                if proc.poll() is not None:
                    raise RuntimeError(f"API process exited: {log_path.read_text()}")
                try:
                    if httpx.get(f"{base}/health/live", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            else:
                raise RuntimeError(f"API process did not start: {log_path.read_text()}")
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=15)


@contextmanager
def api_processes(count: int, env: Mapping[str, str], folder: Path) -> Iterator[list[str]]:
    with ExitStack() as stack:
        yield [stack.enter_context(api_process(env, folder / f"api-{n}.log")) for n in range(count)]
