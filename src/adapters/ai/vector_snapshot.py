"""An in-memory copy of one namespace of vectors, searched exactly by cosine similarity with numpy."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from adapters.ai.unit_vectors import unit_rows
from application.ai.ports import AIServiceError, MetadataValue, VectorMatch

Matrix = np.ndarray[Any, np.dtype[np.float32]]
ValueKey = tuple[str, str | float | bool]
Rows = np.ndarray[Any, np.dtype[np.int64]]


def value_key(value: MetadataValue) -> ValueKey:
    """Equality as metadata filters see it: booleans apart from numbers, 1 == 1.0, strings exact."""
    if isinstance(value, bool):
        return ("b", value)
    if isinstance(value, int | float):
        return ("n", float(value))
    return ("s", str(value))


@dataclass(eq=False)
class NamespaceSnapshot:
    """Rows of unit-length vectors (zero rows stay zero) with their ids and metadata at one version."""

    version: int
    ids: list[str]
    matrix: Matrix
    metadata: list[Mapping[str, MetadataValue]]
    _postings: dict[str, dict[ValueKey, Rows]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        version: int,
        ids: list[str],
        vectors: Sequence[bytes],
        metadata: list[Mapping[str, MetadataValue]],
    ) -> "NamespaceSnapshot":
        dim = len(vectors[0]) // 4 if vectors else 0
        matrix = np.frombuffer(b"".join(vectors), dtype="<f4").reshape(len(vectors), dim).astype(np.float32)
        matrix = unit_rows(matrix)
        return cls(version=version, ids=ids, matrix=matrix, metadata=metadata)

    @property
    def dimension(self) -> int:
        return int(self.matrix.shape[1])

    @property
    def cells(self) -> int:
        return int(self.matrix.size)

    def search(
        self, vector: Sequence[float], top_k: int, where: Mapping[str, MetadataValue] | None
    ) -> list[VectorMatch]:
        if not self.ids or top_k <= 0:
            return []
        query = np.asarray(vector, dtype=np.float32)
        if query.shape != (self.dimension,):
            raise AIServiceError(
                "vector index", f"query has {query.size} dimensions, the namespace holds {self.dimension}"
            )
        norm = float(np.linalg.norm(query))
        scores = self.matrix @ (query / norm if norm > 0 else query)
        candidates = np.arange(len(self.ids))
        if where:
            mask = self._mask(where)
            candidates = candidates[mask]
            scores = scores[mask]
        if scores.size == 0:
            return []
        k = min(top_k, scores.size)
        best = np.argpartition(-scores, k - 1)[:k] if k < scores.size else np.arange(scores.size)
        best = best[np.lexsort((best, -scores[best]))]
        return [
            VectorMatch(id=self.ids[i], score=float(scores[j]), metadata=self.metadata[i])
            for j, i in ((int(j), int(candidates[j])) for j in best)
        ]

    def _mask(self, where: Mapping[str, MetadataValue]) -> np.ndarray[Any, np.dtype[np.bool_]]:
        mask = np.ones(len(self.ids), dtype=bool)
        for key, value in where.items():
            hits = np.zeros(len(self.ids), dtype=bool)
            hits[self._postings_of(key).get(value_key(value), _NO_ROWS)] = True
            mask &= hits
        return mask

    def _postings_of(self, key: str) -> dict[ValueKey, Rows]:
        """Row numbers by value of one metadata key, built on the first filter that uses the key."""
        if key not in self._postings:
            rows: dict[ValueKey, list[int]] = {}
            for row, meta in enumerate(self.metadata):
                if key in meta:
                    rows.setdefault(value_key(meta[key]), []).append(row)
            self._postings[key] = {value: np.asarray(found, dtype=np.int64) for value, found in rows.items()}
        return self._postings[key]


_NO_ROWS: Rows = np.zeros(0, dtype=np.int64)
