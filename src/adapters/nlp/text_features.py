"""Sparse text features for the offline intent model: words, word pairs, character n-grams, domain concepts
and a domain signal (Nexora's service nouns vs another company's or domain's words).

Character n-grams (2-5, inside word boundaries) carry typos ("cancle", "plumbr") and Hinglish
spellings ("karo"/"kardo") to the words the model saw; word pairs keep short phrases ("no show").
"""

import itertools
import math
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import NDArray

from adapters.nlp.devanagari import romanise
from adapters.nlp.intent_lexicon import concepts
from adapters.nlp.normalise import normalise

CHAR_NGRAMS = range(2, 6)
CONCEPT_WEIGHT = 3.0
DOMAIN_CONCEPTS = frozenset({"service_noun"})
"""Chosen by cross-validation over wider sets (with booking verbs, policy words): service nouns alone did
best."""
ELSEWHERE_CONCEPTS = frozenset({"elsewhere", "other_company"})


def features(text: str) -> Counter[str]:
    words = normalise(romanise(text)).split()
    grams: Counter[str] = Counter()
    for char in text:
        if unicodedata.category(char) == "So":  # emoji and other pictographs: 🙏 👍 😡
            grams["s:" + char] += 1
    for word in words:
        grams["w:" + word] += 1
        padded = f" {word} "
        for size in CHAR_NGRAMS:
            for start in range(max(1, len(padded) - size + 1)):
                grams["c:" + padded[start : start + size]] += 1
    for left, right in itertools.pairwise(words):
        grams[f"b:{left} {right}"] += 1
    found = concepts(" ".join(words))
    for concept, hits in found.items():
        grams["k:" + concept] += hits
    grams["k:" + _domain_signal(found)] += 1
    return grams


def _domain_signal(found: dict[str, int]) -> str:
    """Whether the message speaks Nexora's vocabulary (its services, bookings, policies), another company's
    or another domain's, both, or neither: the cue that separates "track my Amazon parcel" from "track my
    plumber"."""
    ours = any(concept in found for concept in DOMAIN_CONCEPTS)
    theirs = any(concept in found for concept in ELSEWHERE_CONCEPTS)
    return {(True, False): "ours", (False, True): "theirs", (True, True): "mixed"}.get((ours, theirs), "none")


class Vectoriser:
    """TF-IDF (sublinear term frequency) over the vocabulary of the training texts, rows L2-normalised."""

    def __init__(self, texts: Iterable[str]) -> None:
        document_frequency: Counter[str] = Counter()
        n = 0
        for text in texts:  # one text's grams at a time: a list of them all peaks at ~100 MB
            document_frequency.update(features(text).keys())
            n += 1
        vocabulary = sorted(document_frequency)
        self.index = {gram: i for i, gram in enumerate(vocabulary)}
        self.idf = np.array(
            [math.log((1 + n) / (1 + document_frequency[g])) + 1.0 for g in vocabulary], dtype=np.float32
        )
        self.size = len(vocabulary)

    def row(self, text: str) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
        """Column indices and weights of one text (unknown grams dropped)."""
        grams = features(text)
        columns = [self.index[g] for g in grams if g in self.index]
        if not columns:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        cols = np.array(columns, dtype=np.int64)
        tf = np.array(
            [
                (1.0 + math.log(grams[g])) * (CONCEPT_WEIGHT if g[0] == "k" else 1.0)
                for g in grams
                if g in self.index
            ],
            dtype=np.float32,
        )
        values = tf * self.idf[cols]
        return cols, values / np.linalg.norm(values)

    def matrix(self, texts: Sequence[str]) -> "SparseRows":
        rows = [self.row(t) for t in texts]
        return SparseRows(rows, self.size)


class SparseRows:
    """A row-sparse matrix in coordinate form, enough for X @ W and X.T @ G with numpy alone.

    Both products sum segments of sorted entries with `np.add.reduceat` (entries sorted by row for X @ W,
    by column for X.T @ G), about twice as fast as scattering with `np.bincount`."""

    def __init__(self, rows: Sequence[tuple[NDArray[np.int64], NDArray[np.float32]]], width: int) -> None:
        self.height = len(rows)
        self.width = width
        no_entries = [(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))]
        self.row_ids = np.concatenate(
            [np.full(len(c), i, dtype=np.int64) for i, (c, _) in enumerate(rows)] or [no_entries[0][0]]
        )
        self.cols = np.concatenate([c for c, _ in rows or no_entries])
        self.vals = np.concatenate([v for _, v in rows or no_entries])
        by_column = np.argsort(self.cols, kind="stable")
        self._rows_by_column = self.row_ids[by_column]
        self._vals_by_column = self.vals[by_column, None]
        self._vals_by_row = self.vals[:, None]
        self._row_segments = _segments(self.row_ids, self.height)
        self._column_segments = _segments(self.cols[by_column], self.width)

    def dot(self, weights: NDArray[np.float32]) -> NDArray[np.float32]:
        """X @ weights."""
        products = np.take(weights, self.cols, axis=0)
        products *= self._vals_by_row
        return _sum_segments(products, self._row_segments, self.height)

    def transpose_dot(self, grad: NDArray[np.float32]) -> NDArray[np.float32]:
        """X.T @ grad."""
        products = np.take(grad, self._rows_by_column, axis=0)
        products *= self._vals_by_column
        return _sum_segments(products, self._column_segments, self.width)


def _segments(sorted_ids: NDArray[np.int64], length: int) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """(ids that have entries, index of each one's first entry) for ids sorted ascending."""
    if not len(sorted_ids):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, sorted_ids[1:] != sorted_ids[:-1]])
    return sorted_ids[starts], starts


def _sum_segments(
    products: NDArray[np.float32], segments: tuple[NDArray[np.int64], NDArray[np.int64]], length: int
) -> NDArray[np.float32]:
    ids, starts = segments
    result = np.zeros((length, products.shape[1]), dtype=np.float32)
    if len(ids):
        result[ids] = np.add.reduceat(products, starts, axis=0)
    return result
