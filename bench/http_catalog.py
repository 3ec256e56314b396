"""Catalog read benchmark: a real `nexora serve` process driven over HTTP/1.1 keep-alive connections.

For each scenario (category list, search, rate cards at a pincode, provider search) prints requests/s,
p50/p90/p99 latency and non-200 answers, then the server's peak memory (VmHWM) and cache hit rate. Usage:

    .venv/bin/python bench/http_catalog.py [--seconds 5] [--connections 16] [--workers 1]
        [--database-url URL] [--redis-url URL]

Without --database-url a seeded SQLite database is created in a temporary folder (embedded profile); with a
MySQL/MariaDB URL the database is migrated and seeded if empty (production profile with --redis-url).
The load generator shares the machine's cores with the server: figures are a floor, not a ceiling.
"""

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
SEARCHES = [
    "geyser repair",
    "ac service",
    "plumbr",
    "safai",
    "deep clean 2bhk",
    "fridge not cooling",
    "bijli",
    "paint job",
]
PINCODES = ["560034", "560038", "400050", "110017", "500081", "122002"]
SCENARIOS: dict[str, Callable[[random.Random], str]] = {
    "category list": lambda rng: "/api/v1/services/categories",
    "search": lambda rng: f"/api/v1/services/search?q={quote(rng.choice(SEARCHES))}&limit=5",
    "rate cards at a pincode": lambda rng: (
        f"/api/v1/services/subcategories/{rng.randint(1, 76)}/rate-cards?pincode={rng.choice(PINCODES)}"
    ),
    "provider search": lambda rng: (
        f"/api/v1/providers?subcategoryId={rng.randint(1, 76)}&pincode={rng.choice(PINCODES)}&limit=10"
    ),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def nexora(*args: str, env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "entrypoints.cli", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def peak_rss_mib(pid: int) -> float:
    """Peak resident memory of the server and its worker children, in MiB."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                total += int(line.split()[1])
    return total / 1024


async def one_connection(
    port: int,
    deadline: float,
    make_path: Callable[[random.Random], str],
    latencies: list[float],
    errors: list[int],
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    rng = random.Random()
    try:
        while time.perf_counter() < deadline:
            path = make_path(rng)
            started = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            if status != 200:
                errors.append(status)
    finally:
        writer.close()


async def drive(
    port: int, seconds: float, connections: int, make_path: Callable[[random.Random], str]
) -> tuple[list[float], list[int], float]:
    latencies: list[float] = []
    errors: list[int] = []
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(
        *(one_connection(port, deadline, make_path, latencies, errors) for _ in range(connections))
    )
    return latencies, errors, time.perf_counter() - started


def fetch_json(port: int, path: str) -> dict[str, object]:
    with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    result: dict[str, object] = json.loads(data.split(b"\r\n\r\n", 1)[1])
    return result


def wait_live(port: int, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(150):
        if proc.poll() is not None:
            raise SystemExit("server exited during start-up")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2) as s:
                s.sendall(b"GET /health/ready HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
                if b" 200 " in s.recv(64):
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not become ready")


def wait_warm(port: int) -> None:
    """Wait until the start-up warm-up (the offline intent model trains in a background thread for a few
    seconds) is over: an intents request waits for it. Otherwise the first scenario shares the CPU with it."""
    body = b'{"text": "hello"}'
    request = (
        b"POST /api/v1/nlp/intents HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
        + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
        + body
    )
    with socket.create_connection(("127.0.0.1", port), timeout=120) as s:
        s.sendall(request)
        if b" 200 " not in s.recv(64):
            raise SystemExit("the intents endpoint did not answer 200 after start-up")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--redis-url", default="")
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="nexora-bench-")
    database_url = args.database_url or f"sqlite+aiosqlite:///{tmp}/bench.db"
    port = free_port()
    env = {
        **os.environ,
        "NEXORA_DATABASE_URL": database_url,
        "NEXORA_REDIS_URL": args.redis_url,
        "NEXORA_PORT": str(port),
        "NEXORA_LOG_LEVEL": "WARNING",
        "NEXORA_WORKERS": str(args.workers),
        "PYTHONPATH": str(ROOT / "src"),
    }
    nexora("db", "upgrade", env=env)
    nexora("db", "seed", "--if-empty", env=env)
    proc = subprocess.Popen(
        [sys.executable, "-m", "entrypoints.cli", "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    results: list[tuple[str, list[float], list[int], float]] = []
    try:
        wait_live(port, proc)
        wait_warm(port)
        for name, make_path in SCENARIOS.items():
            asyncio.run(drive(port, 1.0, args.connections, make_path))  # warm-up: connections, caches
            results.append((name, *asyncio.run(drive(port, args.seconds, args.connections, make_path))))
        memory = peak_rss_mib(proc.pid)
        cache = fetch_json(port, "/health/cache")
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    profile = (
        "production (MariaDB/MySQL + Redis)" if args.redis_url else "embedded (SQLite, in-process cache)"
    )
    print(
        f"{profile}; workers={args.workers}, connections={args.connections}, {args.seconds:.0f}s per scenario"
    )
    print(f"  {'scenario':<24} {'req/s':>8} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'non-200':>8}")
    for name, latencies, errors, elapsed in results:
        ms = sorted(x * 1000 for x in latencies)
        q = statistics.quantiles(ms, n=100)
        rate = len(ms) / elapsed
        print(f"  {name:<24} {rate:>8,.0f} {q[49]:>8.2f} {q[89]:>8.2f} {q[98]:>8.2f} {len(errors):>8}")
    hit_rate = cache["hitRate"]
    print(f"  peak memory {memory:.0f} MiB (server, VmHWM); cache hit rate {hit_rate} (one worker's view)")


if __name__ == "__main__":
    main()
