"""Language-services benchmark: offline intent classification, entity extraction and sentiment,
in process, over the shipped labelled messages (entities resolve services against the bundled demo
catalog through the real catalog search, in memory, without a database). Usage:

    .venv/bin/python bench/nlp.py [--rounds 5]
"""

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.nlp_fakes import demo_resolver  # noqa: E402

from adapters.nlp import offline_intents  # noqa: E402
from adapters.nlp.labelled_files import ShippedLabelledData  # noqa: E402
from adapters.nlp.offline_entities import OfflineEntityExtractor  # noqa: E402
from adapters.nlp.offline_intents import OfflineIntentClassifier  # noqa: E402
from adapters.nlp.vader import VaderSentiment  # noqa: E402

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Asia/Kolkata"))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


async def measure(
    name: str, call: Callable[[str], Awaitable[object]], texts: Sequence[str], rounds: int
) -> None:
    for text in texts[:20]:
        await call(text)  # warm caches (catalog index, regexes)
    timings = []
    for _ in range(rounds):
        for text in texts:
            started = time.perf_counter()
            await call(text)
            timings.append(time.perf_counter() - started)
    timings.sort()
    print(
        f"{name}: {len(timings)} calls, p50 {ms(timings[len(timings) // 2])}, "
        f"p99 {ms(timings[int(len(timings) * 0.99)])}, mean {ms(statistics.fmean(timings))}, "
        f"throughput {len(timings) / sum(timings):,.0f}/s on one core"
    )


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    data = ShippedLabelledData()
    messages = [u.text for u in (*data.intent_training(), *data.intent_held_out())]

    trainings = []
    for _ in range(3):
        offline_intents._train_once.cache_clear()  # models are shared per process: train from scratch
        classifier = OfflineIntentClassifier(data.intent_training())
        started = time.perf_counter()
        classifier.warm()
        trainings.append(time.perf_counter() - started)
    size = len(data.intent_training())
    print(f"intent model training ({size} utterances): median {ms(statistics.median(trainings))}")

    extractor = OfflineEntityExtractor(demo_resolver())
    sentiment = VaderSentiment()
    await measure("intents", classifier.classify, messages, args.rounds)
    await measure("entities", lambda t: extractor.extract(t, now=NOW), messages, args.rounds)
    await measure("sentiment", sentiment.sentiment, messages, args.rounds)


if __name__ == "__main__":
    asyncio.run(main())
