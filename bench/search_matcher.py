"""Service search benchmark: index build time and per-query match latency of the fuzzy matcher.

Runs the labelled query set (tests/data/search_queries.jsonl) against the bundled demo catalog
(76 services), in process, without a database. Usage:

    .venv/bin/python bench/search_matcher.py [--rounds 50]
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.search_fakes import demo_services  # noqa: E402

from adapters.search.fuzzy_matcher import FuzzyServiceMatcherFactory  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    queries = [json.loads(line)["query"] for line in (ROOT / "tests/data/search_queries.jsonl").open()]
    services = demo_services()
    factory = FuzzyServiceMatcherFactory()

    builds = []
    for _ in range(10):
        started = time.perf_counter()
        matcher = factory.build(services)
        builds.append(time.perf_counter() - started)

    timings = []
    for _ in range(args.rounds):
        for query in queries:
            started = time.perf_counter()
            matcher.match(query, 5)
            timings.append(time.perf_counter() - started)
    timings.sort()

    def ms(seconds: float) -> str:
        return f"{seconds * 1000:.3f} ms"

    print(f"services: {len(services)}, queries: {len(queries)} x {args.rounds} rounds")
    print(f"index build: median {ms(statistics.median(builds))}, max {ms(max(builds))}")
    print(
        f"match: mean {ms(statistics.fmean(timings))}, p50 {ms(timings[len(timings) // 2])}, "
        f"p99 {ms(timings[int(len(timings) * 0.99)])}, max {ms(timings[-1])}"
    )
    print(f"throughput: {len(timings) / sum(timings):,.0f} queries/s on one core")


if __name__ == "__main__":
    main()
