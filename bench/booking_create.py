"""Booking-create benchmark: a real `nexora serve` process on MariaDB, driven over HTTP by concurrent clients.

Creates a fresh database `nexora_bench_bookings` (dropped first if it exists), migrates and seeds it, starts
the server, registers customers with an address each through the API (each from its own X-Forwarded-For
address, which uvicorn trusts from 127.0.0.1, so the per-address sign-up limit is not what is measured),
then 32 clients book distinct future slots (weekdays ahead, spread over several services, pincodes and
start times three hours apart so most find a free provider). Prints requests/s, p50/p99 latency, successes
(201), conflicts (409) and other answers, and the server's peak memory. Run from the repository root:

    .venv/bin/python bench/booking_create.py [--customers 64] [--clients 32]
        [--server-url mysql+asyncmy://root@127.0.0.1:3306] [--redis-url URL]
"""

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

sys.path.insert(0, str(Path(__file__).resolve().parent))
from http_catalog import ROOT, free_port, nexora, peak_rss_mib, wait_live

DATABASE = "nexora_bench_bookings"
IST = timezone(timedelta(hours=5, minutes=30))
STARTS = ("09:00", "12:00", "15:00")
PLACES = (
    "SELECT r.id, rp.pincode, GROUP_CONCAT(DISTINCT p.id), COUNT(DISTINCT p.id) AS n FROM rate_cards r"
    " JOIN subcategories s ON s.id = r.subcategory_id JOIN categories c ON c.id = s.category_id"
    " JOIN rate_card_pincodes rp ON rp.rate_card_id = r.id JOIN pincodes pc ON pc.pincode = rp.pincode"
    " JOIN provider_skills ps ON ps.subcategory_id = s.id"
    " JOIN provider_pincodes pp ON pp.provider_id = ps.provider_id AND pp.pincode = rp.pincode"
    " JOIN providers p ON p.id = ps.provider_id"
    " WHERE r.is_active = 1 AND s.is_active = 1 AND c.is_active = 1 AND pc.is_serviceable = 1"
    " AND p.is_active = 1 AND s.duration_minutes <= 120 AND p.work_start_minute <= 540"
    " AND p.work_end_minute >= 1020 AND p.working_days LIKE '11111%'"
    " GROUP BY r.id, rp.pincode HAVING COUNT(DISTINCT p.id) >= 2 ORDER BY n DESC, r.id"
)


async def fresh_database(server_url: str) -> str:
    engine = create_async_engine(server_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(text(f"DROP DATABASE IF EXISTS {DATABASE}"))
            await conn.execute(text(f"CREATE DATABASE {DATABASE} CHARACTER SET utf8mb4"))
    finally:
        await engine.dispose()
    return f"{server_url.rstrip('/')}/{DATABASE}"


async def places(database_url: str, count: int) -> list[tuple[int, str]]:
    """(rate card, pincode) pairs sold where two or more weekday providers have the (short) service, with
    no provider in common, so that the pairs do not compete for the same providers."""
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as conn:
            rows = (await conn.execute(text(PLACES))).all()
    finally:
        await engine.dispose()
    chosen: list[tuple[int, str]] = []
    taken: set[str] = set()
    for rate_card, pincode, providers, _ in rows:
        ids = set(str(providers).split(","))
        if not ids & taken:
            chosen.append((int(rate_card), str(pincode)))
            taken |= ids
    return chosen[:count]


async def register(http: httpx.AsyncClient, number: int, pincode: str) -> dict[str, Any]:
    ip = {"X-Forwarded-For": f"10.77.{number // 250}.{number % 250 + 1}"}
    email = f"bench.{number}.{int(time.time())}@example.in"
    body = {"name": "Bench Customer", "email": email, "password": "Mango-Lassi-42"}
    signed = await http.post("/api/v1/auth/register", json=body, headers=ip)
    signed.raise_for_status()
    auth = {"Authorization": f"Bearer {signed.json()['accessToken']}", **ip}
    address = {"label": "Home", "line1": "12 Residency Road", "pincode": pincode}
    added = await http.post("/api/v1/users/me/addresses", json=address, headers=auth)
    if added.status_code != 201:
        raise SystemExit(f"adding an address failed: {added.status_code} {added.text}")
    return {"headers": auth, "addressId": added.json()["id"]}


def slots(days: int) -> list[tuple[date, str]]:
    today = datetime.now(UTC).astimezone(IST).date()
    ahead = [today + timedelta(days=d) for d in range(1, days + 1)]
    return [(day, at) for day in ahead if day.weekday() < 5 for at in STARTS]


async def client(
    http: httpx.AsyncClient,
    jobs: asyncio.Queue[dict[str, Any]],
    latencies: list[float],
    codes: list[int],
    problems: list[str],
) -> None:
    while not jobs.empty():
        job = jobs.get_nowait()
        started = time.perf_counter()
        response = await http.post("/api/v1/bookings", json=job["body"], headers=job["headers"])
        latencies.append(time.perf_counter() - started)
        codes.append(response.status_code)
        if response.status_code != 201:
            problems.append(str(response.json().get("code", response.status_code)))


async def run(port: int, args: argparse.Namespace, where: list[tuple[int, str]]) -> dict[str, Any]:
    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", limits=limits, timeout=60) as http:
        # One at a time: concurrent address additions of different customers were seen failing with 503
        # (OperationalError) on MariaDB; sign-up is set-up here, not what is measured.
        people = [await register(http, n, where[n % len(where)][1]) for n in range(args.customers)]
        jobs: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        index = 0
        for day, at in slots(28):
            for p, (rate_card, _) in enumerate(where):
                owners = [c for n, c in enumerate(people) if n % len(where) == p]
                who = owners[index % len(owners)]
                index += 1
                body = {
                    "addressId": who["addressId"],
                    "date": day.isoformat(),
                    "time": at,
                    "items": [{"rateCardId": rate_card, "quantity": 1}],
                }
                jobs.put_nowait({"body": body, "headers": who["headers"]})
        latencies: list[float] = []
        codes: list[int] = []
        problems: list[str] = []
        started = time.perf_counter()
        await asyncio.gather(*(client(http, jobs, latencies, codes, problems) for _ in range(args.clients)))
        elapsed = time.perf_counter() - started
        return {"latencies": latencies, "codes": codes, "problems": problems, "elapsed": elapsed}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--customers", type=int, default=64)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--server-url", default="mysql+asyncmy://root@127.0.0.1:3306")
    parser.add_argument("--redis-url", default="")
    parser.add_argument("--places", type=int, default=8)
    args = parser.parse_args()

    database_url = asyncio.run(fresh_database(args.server_url))
    port = free_port()
    env = {
        **os.environ,
        "NEXORA_DATABASE_URL": database_url,
        "NEXORA_REDIS_URL": args.redis_url,
        "NEXORA_PORT": str(port),
        "NEXORA_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT / "src"),
    }
    began = time.perf_counter()
    nexora("db", "upgrade", env=env)
    nexora("db", "seed", "--if-empty", env=env)
    where = asyncio.run(places(database_url, args.places))
    proc = subprocess.Popen(
        [sys.executable, "-m", "entrypoints.cli", "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_live(port, proc)
        result = asyncio.run(run(port, args, where))
        memory = peak_rss_mib(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    codes: list[int] = result["codes"]
    ms = sorted(x * 1000 for x in result["latencies"])
    q = statistics.quantiles(ms, n=100)
    created, conflicts = codes.count(201), codes.count(409)
    print(
        f"booking create on MariaDB ({'Redis' if args.redis_url else 'no Redis'}); "
        f"{args.customers} customers, {args.clients} clients, {len(where)} service/pincode pairs"
    )
    print(
        f"  {len(codes)} requests in {result['elapsed']:.1f}s: {len(codes) / result['elapsed']:.1f} req/s, "
        f"p50 {q[49]:.1f} ms, p99 {q[98]:.1f} ms"
    )
    print(f"  created {created}, conflicts {conflicts}, other {len(codes) - created - conflicts}")
    refused = Counter(result["problems"])
    print("  refusals by code: " + (", ".join(f"{k} {v}" for k, v in refused.most_common()) or "none"))
    print(f"  peak memory {memory:.0f} MiB (server, VmHWM); whole run {time.perf_counter() - began:.0f}s")


if __name__ == "__main__":
    main()
