"""Catalog read benchmark: a real `nexora serve` process driven over HTTP/1.1 keep-alive connections.

Prints requests/s, p50/p90/p99 latency, errors and the server's peak memory (VmHWM). Usage:

    .venv/bin/python bench/http_catalog.py [--seconds 10] [--connections 32] [--workers 1]
        [--database-url URL] [--redis-url URL]

Without --database-url a seeded SQLite database is created in a temporary folder (embedded profile).
The load generator shares the machine's cores with the server: figures are a floor, not a ceiling.
"""

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PATHS = [
    "/api/v1/services/categories",
    "/api/v1/services/categories/{cat}/subcategories",
    "/api/v1/services/subcategories/{sub}/rate-cards?pincode=560034",
    "/api/v1/services/subcategories/{sub}/rate-cards",
]


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


async def one_connection(port: int, deadline: float, latencies: list[float], errors: list[int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    rng = random.Random()
    try:
        while time.perf_counter() < deadline:
            path = rng.choice(PATHS).format(cat=rng.randint(1, 12), sub=rng.randint(1, 76))
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


async def drive(port: int, seconds: float, connections: int) -> tuple[list[float], list[int], float]:
    latencies: list[float] = []
    errors: list[int] = []
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(*(one_connection(port, deadline, latencies, errors) for _ in range(connections)))
    return latencies, errors, time.perf_counter() - started


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


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--connections", type=int, default=32)
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
    try:
        wait_live(port, proc)
        asyncio.run(drive(port, 2.0, args.connections))  # warm-up: connections, caches
        latencies, errors, elapsed = asyncio.run(drive(port, args.seconds, args.connections))
        memory = peak_rss_mib(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    latencies.sort()
    ms = [x * 1000 for x in latencies]
    profile = "production (Redis cache)" if args.redis_url else "embedded (in-process cache)"
    print(
        f"catalog reads, {profile}, db={database_url.split('://')[0]}, workers={args.workers}, "
        f"connections={args.connections}, {args.seconds:.0f}s"
    )
    print(f"  requests/s : {len(ms) / elapsed:,.0f}  ({len(ms):,} requests, {len(errors)} non-200)")
    q = statistics.quantiles(ms, n=100)
    print(f"  latency ms : p50 {q[49]:.2f}  p90 {q[89]:.2f}  p99 {q[98]:.2f}  max {ms[-1]:.2f}")
    print(f"  peak memory: {memory:.0f} MiB (server processes, VmHWM)")


if __name__ == "__main__":
    main()
