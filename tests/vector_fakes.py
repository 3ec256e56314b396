"""In-memory fakes of the Embedder and VectorIndex ports (pure Python), for handler tests.

InMemoryVectorIndex runs in the same contract suite as the real indexes, so it stays honest.
"""

import hashlib
import math
import re
from collections.abc import Mapping, Sequence

from application.ai.ports import AIServiceError, EmbeddingTask, MetadataValue, VectorMatch, VectorRecord


def _check(namespace: str) -> str:
    if not 1 <= len(namespace) <= 100:
        raise AIServiceError("vector index", "namespace must have 1 to 100 characters")
    return namespace


def _same(a: MetadataValue, b: MetadataValue) -> bool:
    return isinstance(a, bool) == isinstance(b, bool) and a == b


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    na, nb = math.sqrt(sum(x * x for x in a)), math.sqrt(sum(x * x for x in b))
    return 0.0 if na == 0 or nb == 0 else sum(x * y for x, y in zip(a, b, strict=True)) / (na * nb)


class InMemoryVectorIndex:
    def __init__(self, location: str = "memory") -> None:
        self.spaces: dict[str, dict[str, VectorRecord]] = {}
        self.location = location

    async def upsert(self, records: Sequence[VectorRecord], *, namespace: str) -> None:
        _check(namespace)
        space = self.spaces.setdefault(namespace, {})
        dims = {len(r.values) for r in records} | {len(r.values) for r in space.values()}
        if len(dims) > 1 or 0 in dims:
            raise AIServiceError("vector index", f"mixed or empty dimensions {sorted(dims)}")
        for record in records:
            space[record.id] = VectorRecord(record.id, list(record.values), dict(record.metadata))

    async def query(
        self,
        vector: Sequence[float],
        *,
        top_k: int,
        namespace: str,
        where: Mapping[str, MetadataValue] | None = None,
    ) -> list[VectorMatch]:
        space = self.spaces.get(_check(namespace), {})
        if space and len(vector) != len(next(iter(space.values())).values):
            raise AIServiceError("vector index", "query dimension differs from the namespace")
        kept = [
            r
            for r in space.values()
            if all(k in r.metadata and _same(r.metadata[k], v) for k, v in (where or {}).items())
        ]
        scored = sorted(kept, key=lambda r: (-_cosine(vector, r.values), r.id))
        return [VectorMatch(r.id, _cosine(vector, r.values), r.metadata) for r in scored[: max(top_k, 0)]]

    async def delete(self, ids: Sequence[str], *, namespace: str) -> None:
        for record_id in ids:
            self.spaces.get(_check(namespace), {}).pop(record_id, None)

    async def count(self, *, namespace: str) -> int:
        return len(self.spaces.get(_check(namespace), {}))


class HashingEmbedder:
    """Bag of hashed words, unit length: texts sharing words are close. Records every call."""

    def __init__(self, dimension: int = 64) -> None:
        self._dimension = dimension
        self.calls: list[tuple[list[str], EmbeddingTask]] = []

    @property
    def model(self) -> str:
        return f"hashing-{self._dimension}"

    @property
    def dimension(self) -> int:
        return self._dimension

    async def embed(
        self, texts: Sequence[str], *, task: EmbeddingTask = EmbeddingTask.DOCUMENT
    ) -> list[list[float]]:
        self.calls.append((list(texts), task))
        return [self._vector(text) for text in texts]

    def _vector(self, text: str) -> list[float]:
        values = [0.0] * self._dimension
        for word in re.findall(r"\w+", text.lower()):
            values[int(hashlib.md5(word.encode()).hexdigest(), 16) % self._dimension] += 1.0
        norm = math.sqrt(sum(v * v for v in values))
        return [v / norm for v in values] if norm else values
