"""A real `nexora serve` process over a socket: what a newcomer's `make run` starts."""

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(seeded_sqlite_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    port = _free_port()
    log_path = tmp_path_factory.mktemp("server") / "server.log"
    env = {
        **os.environ,
        "NEXORA_DATABASE_URL": seeded_sqlite_url,
        "NEXORA_PORT": str(port),
        "NEXORA_LOG_FORMAT": "json",
        "NEXORA_REDIS_URL": "",
    }
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "entrypoints.cli", "serve", "--workers", "1"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"{base}/health/live", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
                assert proc.poll() is None, log_path.read_text()
            else:
                pytest.fail(f"server did not start: {log_path.read_text()}")
            yield base, log_path
        finally:
            proc.terminate()
            proc.wait(timeout=15)


def test_serves_the_catalog_and_docs_when_started_as_a_process(server: tuple[str, Path]) -> None:
    base, _ = server
    categories = httpx.get(f"{base}/api/v1/services/categories", timeout=5)
    assert categories.status_code == 200
    assert len(categories.json()["items"]) == 12
    assert httpx.get(f"{base}/schema", timeout=5).status_code == 200
    assert "paths" in httpx.get(f"{base}/schema/openapi.json", timeout=5).json()
    assert httpx.get(f"{base}/health/ready", timeout=5).json()["status"] == "ok"


def test_logs_are_json_lines_with_the_request_id_when_serving(
    server: tuple[str, Path],
) -> None:
    base, log_path = server
    response = httpx.get(
        f"{base}/api/v1/services/subcategories/1/rate-cards",
        params={"pincode": "5600"},
        headers={"X-Request-ID": "proc-trace-7"},
        timeout=5,
    )
    assert response.status_code == 400
    assert response.headers["x-request-id"] == "proc-trace-7"
    time.sleep(0.3)
    lines = [json.loads(line) for line in log_path.read_text().splitlines() if line.startswith("{")]
    access = [entry for entry in lines if entry.get("request_id") == "proc-trace-7"]
    assert access, lines[-5:]
    assert access[-1]["event"] == "http.request"
    assert access[-1]["status"] == 400
    assert all("timestamp" in entry and "level" in entry for entry in lines)
