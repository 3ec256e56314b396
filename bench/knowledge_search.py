"""Knowledge search benchmark: hybrid (BM25 + vector, RRF) search latency over a synthetic corpus of 10,000
chunks in a fresh SQLite database, with the offline adapters (WordLlama embeddings, SQL vector index).

Generates 200 documents of 50 chunks (about 100 words each, drawn from a home-services vocabulary), stores
them through SqlaKnowledgeRepository, embeds them with WordLlamaEmbedder into SqlaVectorIndex, then times
the first search (building the BM25 index and loading the vectors) and warm searches in each mode. Each
search is the whole use case: query validation, corpus-version check in SQL, BM25, query embedding, vector
query (with its version check), fusion and loading the chunks from SQL. Usage:

    .venv/bin/python bench/knowledge_search.py [--chunks 10000] [--queries 300]
"""

import argparse
import asyncio
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from adapters.ai.sql_vector_index import SqlaVectorIndex  # noqa: E402
from adapters.ai.wordllama_embedder import WordLlamaEmbedder  # noqa: E402
from adapters.knowledge.bm25 import Bm25ScorerFactory  # noqa: E402
from adapters.persistence.engine import create_engine, create_session_factory  # noqa: E402
from adapters.persistence.knowledge_repository import SqlaKnowledgeRepository  # noqa: E402
from adapters.persistence.mappings import map_tables  # noqa: E402
from adapters.persistence.migrator import AlembicMigrator  # noqa: E402
from application.ai.ports import VectorRecord  # noqa: E402
from application.knowledge.keyword_index import KeywordIndex  # noqa: E402
from application.knowledge.ports import NewDocument, namespace_for, vector_id  # noqa: E402
from application.knowledge.queries.search_knowledge import SearchKnowledge, SearchKnowledgeQuery  # noqa: E402
from domain.knowledge.chunking import ChunkDraft  # noqa: E402
from domain.knowledge.document import DocumentKind  # noqa: E402

VOCABULARY = re.findall(
    r"\S+",
    "booking refund cancel reschedule slot visit professional plumber electrician cleaner technician "
    "warranty rework damage safety payment upi card cash wallet gst invoice pincode address customer "
    "service repair install inspect leak tap pipe wiring switch fan geyser ac gas filter cooling fridge "
    "washing machine chimney termite cockroach paint wall waterproofing sofa carpet kitchen bathroom "
    "deep cleaning salon massage spa haircut facial grooming notice hours window partial full amount "
    "complaint support claim photo report verify police background training code start arrive delay "
    "otp account privacy data consent retention erase officer grievance court jurisdiction terms",
)
QUESTIONS = [
    "how many hours before the slot can I cancel for a full refund",
    "the plumber damaged my bathroom tile who pays",
    "warranty on ac gas refill and cooling repair",
    "when will my upi refund reach my account",
    "is the professional police verified before the visit",
    "can I reschedule my deep cleaning booking twice",
    "how is gst shown on the invoice for a partial refund",
    "who is the grievance officer for privacy complaints",
]


def sentence(rng: random.Random) -> str:
    words = rng.choices(VOCABULARY, k=rng.randint(8, 16))
    return " ".join(words).capitalize() + "."


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def build(url: str, chunks: int) -> tuple[float, float]:
    rng = random.Random(7)
    engine = create_engine(url)
    factory = create_session_factory(engine)
    embedder, vectors = WordLlamaEmbedder(), SqlaVectorIndex(engine)
    per_doc = 50
    now = datetime.now(UTC)
    stored_s = embedded_s = 0.0
    for d in range(chunks // per_doc):
        drafts = []
        for n in range(per_doc):
            text = " ".join(sentence(rng) for _ in range(rng.randint(5, 9)))
            drafts.append(ChunkDraft(n, f"Section {n // 5 + 1} > Part {n % 5 + 1}", text, 0, len(text)))
        started = time.perf_counter()
        async with factory() as session:
            repo = SqlaKnowledgeRepository(session)
            doc = NewDocument(f"synthetic-{d}", f"Synthetic guide {d}", DocumentKind.GUIDE, "", f"{d:064d}")
            saved = await repo.save(doc, drafts, now=now)
            await session.commit()
        stored_s += time.perf_counter() - started
        started = time.perf_counter()
        values = await embedder.embed([c.index_text(doc.title) for c in drafts])
        await vectors.upsert(
            [
                VectorRecord(vector_id(i), v, {"document": doc.slug})
                for i, v in zip(saved.chunk_ids, values, strict=True)
            ],
            namespace=namespace_for(embedder.model),
        )
        embedded_s += time.perf_counter() - started
    await engine.dispose()
    return stored_s, embedded_s


async def measure(url: str, queries: int) -> None:
    engine = create_engine(url)
    factory = create_session_factory(engine)
    keywords, embedder, vectors = (
        KeywordIndex(Bm25ScorerFactory()),
        WordLlamaEmbedder(),
        SqlaVectorIndex(engine),
    )
    await embedder.embed(["warm up the model"])

    async def once(text: str, mode: str) -> float:
        started = time.perf_counter()
        async with factory() as session:
            search = SearchKnowledge(SqlaKnowledgeRepository(session), keywords, embedder, vectors)
            result = await search.execute(SearchKnowledgeQuery(text, limit=5, mode=mode))  # type: ignore[arg-type]
        assert result.items, text
        return time.perf_counter() - started

    cold = await once(QUESTIONS[0], "hybrid")
    print(f"first hybrid search (builds BM25, loads vectors): {cold * 1000:.0f} ms")
    print(f"{'mode':<8} {'queries':>7} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for mode in ("keyword", "vector", "hybrid"):
        times = [await once(QUESTIONS[n % len(QUESTIONS)], mode) for n in range(queries)]
        print(
            f"{mode:<8} {queries:>7} {pct(times, 0.5) * 1000:>8.2f} {pct(times, 0.99) * 1000:>8.2f}"
            f" {statistics.fmean(times) * 1000:>8.2f}"
        )
    await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    map_tables()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{tmp}/knowledge-bench.db"
        asyncio.run(AlembicMigrator(url).upgrade("head"))
        stored, embedded = asyncio.run(build(url, args.chunks))
        print(f"corpus: {args.chunks:,} chunks in {args.chunks // 50} documents (SQLite, WordLlama 256-d)")
        print(f"stored in {stored:.1f} s; embedded and indexed in {embedded:.1f} s")
        asyncio.run(measure(url, args.queries))


if __name__ == "__main__":
    main()
