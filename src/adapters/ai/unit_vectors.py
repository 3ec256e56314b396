"""Vectors scaled to unit length, as every embedder and index here compares them."""

from typing import Any

import numpy as np


def unit_rows(vectors: np.ndarray[Any, np.dtype[np.float32]]) -> np.ndarray[Any, np.dtype[np.float32]]:
    """Each row scaled to length 1; all-zero rows (empty text) stay zero."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit: np.ndarray[Any, np.dtype[np.float32]] = np.divide(
        vectors, norms, out=np.zeros_like(vectors), where=norms > 0
    )
    return unit
