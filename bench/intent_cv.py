"""Grouped k-fold cross-validation of the offline intent classifier on the TRAINING split only (the way its
settings were chosen; held-out files are never read). Near-duplicate templates (rapidfuzz ratio >= 75) stay
in one fold. Usage:

    .venv/bin/python bench/intent_cv.py [--folds 5] [--seed 0] [--sparse-only]
"""

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src")]

from rapidfuzz import fuzz  # noqa: E402

from adapters.nlp.labelled_files import TRAIN, read_utterances  # noqa: E402
from adapters.nlp.normalise import normalise  # noqa: E402
from adapters.nlp.offline_intents import OfflineIntentClassifier  # noqa: E402
from application.nlp.evaluation import score_intents  # noqa: E402

NEAR_DUPLICATE = 75


def grouped_folds(texts: list[str], folds: int, seed: int) -> list[list[int]]:
    """Indices per fold; texts closer than NEAR_DUPLICATE (transitively) share a fold."""
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(texts)):
        for j in range(i):
            if fuzz.ratio(texts[i], texts[j]) >= NEAR_DUPLICATE:
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(texts)):
        groups.setdefault(root(i), []).append(i)
    ordered = sorted(groups.values(), key=lambda g: g[0])
    if seed:
        random.Random(seed).shuffle(ordered)
    result: list[list[int]] = [[] for _ in range(folds)]
    for group in sorted(ordered, key=lambda g: -len(g)):
        min(result, key=len).extend(group)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0, help="0: largest groups first, in file order")
    parser.add_argument("--sparse-only", action="store_true", help="without the WordLlama embeddings")
    args = parser.parse_args()
    data = read_utterances(TRAIN)
    started = time.perf_counter()
    folds = grouped_folds([normalise(u.text) for u in data], args.folds, args.seed)
    scores: list[float] = []
    per_label: dict[str, list[float]] = {}
    for number, fold in enumerate(folds):
        test = set(fold)
        classifier = OfflineIntentClassifier(
            [u for i, u in enumerate(data) if i not in test], embeddings=not args.sparse_only
        )
        examples = [data[i] for i in sorted(test)]
        report = score_intents(examples, [classifier.classify_now(u.text) for u in examples])
        scores.append(report.macro_f1)
        for label in report.per_label:
            per_label.setdefault(label.intent, []).append(label.f1)
        print(f"fold {number}: {len(examples)} messages, macro-F1 {report.macro_f1:.3f}")
    print(f"mean macro-F1 {sum(scores) / len(scores):.4f} ({time.perf_counter() - started:.1f} s)")
    for intent, values in per_label.items():
        print(f"  {intent:20s} F1 {sum(values) / len(values):.3f}")


if __name__ == "__main__":
    main()
