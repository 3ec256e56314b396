"""Checks every vector index adapter applies before writing, so all of them refuse the same input."""

import math
from collections.abc import Sequence

from application.ai.ports import AIServiceError, VectorRecord

MAX_NAMESPACE = 100
MAX_ID = 200


def checked_namespace(namespace: str) -> str:
    if not namespace or len(namespace) > MAX_NAMESPACE:
        raise AIServiceError("vector index", f"namespace must have 1 to {MAX_NAMESPACE} characters")
    return namespace


def checked_records(records: Sequence[VectorRecord], namespace: str) -> list[VectorRecord]:
    """The records with duplicate ids collapsed (the last one wins), after checking ids, dimensions, finite
    values and metadata types; AIServiceError (not retryable) names the first problem."""
    checked_namespace(namespace)
    latest: dict[str, VectorRecord] = {}
    for record in records:
        if not record.id or len(record.id) > MAX_ID:
            raise AIServiceError("vector index", f"record ids must have 1 to {MAX_ID} characters")
        latest[record.id] = record
    unique = list(latest.values())
    if not unique:
        return []
    dim = len(unique[0].values)
    for record in unique:
        if len(record.values) != dim or dim == 0:
            raise AIServiceError(
                "vector index", f"record {record.id!r}: all vectors need the same, non-zero length"
            )
        if not all(math.isfinite(v) for v in record.values):
            raise AIServiceError(
                "vector index", f"record {record.id!r}: vector values must be finite numbers"
            )
        for key, value in record.metadata.items():
            if not isinstance(key, str) or not isinstance(value, str | int | float | bool):
                raise AIServiceError(
                    "vector index", f"record {record.id!r}: metadata {key!r} is not a scalar"
                )
    return unique
