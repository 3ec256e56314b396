"""Okapi BM25 over the knowledge chunks; an inverted index lets a query touch only chunks sharing a term."""

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from application.knowledge.ports import CorpusEntry

K1 = 1.2
B = 0.75
_TOKEN = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(
    _TOKEN.findall(
        "a an and are as at be by can do does for from has have how i if in is it its me my of on or our so "
        "that the their then there this to was we what when where which who will with would you your"
    )
)


@functools.lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """A light suffix stripper, so forms meet: refunds/refunded -> refund, charge/charged -> charg,
    cancelled/cancelling -> cancel, policies -> policy."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiosu":
        word = word[:-1]
    return word


def tokens(text: str) -> list[str]:
    return [stem(t) for t in _TOKEN.findall(text.lower()) if t not in STOPWORDS]


class Bm25Scorer:
    """Postings are numpy arrays, so scoring a term over thousands of chunks is one vectorised step."""

    def __init__(self, corpus: Sequence[CorpusEntry]) -> None:
        self._ids = np.array([entry.chunk_id for entry in corpus], dtype=np.int64)
        lengths: list[int] = []
        postings: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        for n, entry in enumerate(corpus):
            counts = Counter(tokens(entry.text))
            lengths.append(sum(counts.values()))
            for term, tf in counts.items():
                rows, tfs = postings[term]
                rows.append(n)
                tfs.append(tf)
        total = len(lengths)
        length = np.array(lengths, dtype=np.float64)
        self._norm = K1 * (1 - B + B * length / (length.mean() if total else 1.0))
        self._postings = {
            term: (np.array(rows, dtype=np.int64), np.array(tfs, dtype=np.float64))
            for term, (rows, tfs) in postings.items()
        }
        self._idf = {
            term: math.log(1 + (total - len(rows) + 0.5) / (len(rows) + 0.5))
            for term, (rows, _) in self._postings.items()
        }

    def search(self, text: str, *, limit: int) -> list[tuple[int, float]]:
        scores = np.zeros(len(self._ids))
        matched = False
        for term in set(tokens(text)):
            if term not in self._postings:
                continue
            rows, tf = self._postings[term]
            scores[rows] += self._idf[term] * tf * (K1 + 1) / (tf + self._norm[rows])
            matched = True
        if not matched or limit <= 0:
            return []
        hits = np.flatnonzero(scores > 0)
        if len(hits) > limit:
            hits = hits[np.argpartition(-scores[hits], limit - 1)[:limit]]
        best = sorted(hits.tolist(), key=lambda n: (-scores[n], n))
        return [(int(self._ids[n]), float(scores[n])) for n in best]


class Bm25ScorerFactory:
    """The KeywordScorerFactory port."""

    def build(self, corpus: Sequence[CorpusEntry]) -> Bm25Scorer:
        return Bm25Scorer(corpus)
