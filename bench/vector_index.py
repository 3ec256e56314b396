"""Local vector index benchmark: exact cosine search over 10,000 and 50,000 vectors in SQLite.

Writes random unit vectors (with a `doc` metadata field over 500 documents) into a fresh migrated SQLite file
through SqlaVectorIndex, then measures the first query (loading the namespace into memory), warm queries
(each includes the version check in SQL) with and without a metadata filter, and the memory of the
in-memory copy. Usage:

    .venv/bin/python bench/vector_index.py [--sizes 10000,50000] [--dim 256] [--queries 200]
"""

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from adapters.ai.sql_vector_index import SqlaVectorIndex  # noqa: E402
from adapters.persistence.engine import create_engine  # noqa: E402
from adapters.persistence.migrator import AlembicMigrator  # noqa: E402
from application.ai.ports import VectorRecord  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def run(size: int, dim: int, queries: int, url: str) -> None:
    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((size, dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    engine = create_engine(url)
    index = SqlaVectorIndex(engine)
    namespace = f"bench-{size}"
    started = time.perf_counter()
    for start in range(0, size, 1000):
        await index.upsert(
            [
                VectorRecord(f"chunk-{n}", vectors[n].tolist(), {"doc": f"doc-{n % 500}", "ordinal": n})
                for n in range(start, min(size, start + 1000))
            ],
            namespace=namespace,
        )
    written = time.perf_counter() - started

    probes = rng.standard_normal((queries, dim)).astype(np.float32).tolist()
    tracemalloc.start()
    started = time.perf_counter()
    await index.query(probes[0], top_k=10, namespace=namespace)
    first = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    plain, filtered = [], []
    for probe in probes:
        started = time.perf_counter()
        await index.query(probe, top_k=10, namespace=namespace)
        plain.append(time.perf_counter() - started)
        started = time.perf_counter()
        await index.query(probe, top_k=10, namespace=namespace, where={"doc": "doc-42"})
        filtered.append(time.perf_counter() - started)
    await engine.dispose()
    ms = 1000.0
    print(
        f"{size:>6} x {dim}: write {written:.1f} s, first query (load) {first * ms:.0f} ms, "
        f"load peak {peak / 2**20:.0f} MiB (matrix {size * dim * 4 / 2**20:.0f} MiB)"
    )
    p50, p99 = statistics.median(plain) * ms, percentile(plain, 0.99) * ms
    f50, f99 = statistics.median(filtered) * ms, percentile(filtered, 0.99) * ms
    print(f"        query p50 {p50:.2f} ms, p99 {p99:.2f} ms; filtered p50 {f50:.2f} ms, p99 {f99:.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--dim", type=int, default=256)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        asyncio.run(AlembicMigrator(url).upgrade("head"))
        for size in (int(s) for s in args.sizes.split(",")):
            asyncio.run(run(size, args.dim, args.queries, url))


if __name__ == "__main__":
    main()
