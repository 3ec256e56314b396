"""A small multinomial logistic regression over sparse text features (and, optionally, dense sentence
embeddings), trained with numpy alone.

Full-batch gradient descent with Adam from zero weights: the same training file always gives the same
model (no randomness), in a fraction of a second for a thousand utterances.
"""

from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import NDArray

from adapters.ai.unit_vectors import unit_rows
from adapters.nlp.text_features import SparseRows, Vectoriser

EPOCHS = 60
LEARNING_RATE = 0.2
L2 = 1e-5
DENSE_WEIGHT = 1.5
"""Scale of the unit-length embedding next to the unit-length sparse row (chosen by cross-validation)."""
DENSE_L2 = 1e-3
DENSE_LEARNING_RATE = 0.05
CLASS_BIAS: dict[str, float] = {"out_of_scope": -0.25}
"""Added to a label's score at classification time, chosen by grouped cross-validation on the training split
(out_of_scope -1.0, -0.5, -0.25, 0, +0.5, +1.0 tried)."""

Embed = Callable[[Sequence[str]], NDArray[np.float32]]
"""Texts to one dense row each (any width; rows are scaled to unit length here)."""


def _softmax(scores: NDArray[np.float32]) -> NDArray[np.float32]:
    shifted = np.exp(scores - scores.max(axis=-1, keepdims=True))
    result: NDArray[np.float32] = shifted / shifted.sum(axis=-1, keepdims=True)
    return result


class SoftmaxTextModel:
    """Probabilities over `labels` for a text."""

    def __init__(self, texts: Sequence[str], labels: Sequence[str], embed: Embed | None = None) -> None:
        self.labels = sorted(set(labels))
        self.vectoriser = Vectoriser(texts)
        self._embed = embed
        x = self.vectoriser.matrix(texts)
        y = np.zeros((len(texts), len(self.labels)), dtype=np.float32)
        y[np.arange(len(texts)), [self.labels.index(label) for label in labels]] = 1.0
        dense = self._dense(texts)
        self.weights, self.dense_weights, self.bias = _fit(x, dense, y)
        self._shift = np.array([CLASS_BIAS.get(label, 0.0) for label in self.labels], dtype=np.float32)

    def probabilities(self, text: str) -> dict[str, float]:
        cols, vals = self.vectoriser.row(text)
        scores = (self.weights[cols] * vals[:, None]).sum(axis=0) + self.bias + self._shift
        if self._embed is not None:
            scores = scores + self._dense([text])[0] @ self.dense_weights
        return dict(zip(self.labels, (float(p) for p in _softmax(scores)), strict=True))

    def _dense(self, texts: Sequence[str]) -> NDArray[np.float32]:
        if self._embed is None:
            return np.zeros((len(texts), 0), dtype=np.float32)
        vectors = np.asarray(self._embed(texts), dtype=np.float32).reshape(len(texts), -1)
        result: NDArray[np.float32] = unit_rows(vectors) * np.float32(DENSE_WEIGHT)
        return result


def _fit(
    x: SparseRows, dense: NDArray[np.float32], y: NDArray[np.float32]
) -> tuple[NDArray[np.float32], NDArray[np.float32], NDArray[np.float32]]:
    weights = np.zeros((x.width, y.shape[1]), dtype=np.float32)
    dense_weights = np.zeros((dense.shape[1], y.shape[1]), dtype=np.float32)
    bias = np.zeros(y.shape[1], dtype=np.float32)
    w_moments = (np.zeros_like(weights), np.zeros_like(weights))
    d_moments = (np.zeros_like(dense_weights), np.zeros_like(dense_weights))
    b_moments = (np.zeros_like(bias), np.zeros_like(bias))
    for step in range(1, EPOCHS + 1):
        scores = x.dot(weights) + dense @ dense_weights + bias
        grad_scores = (_softmax(scores) - y) * np.float32(1.0 / x.height)
        _adam(weights, x.transpose_dot(grad_scores) + L2 * weights, w_moments, step)
        _adam(
            dense_weights,
            dense.T @ grad_scores + DENSE_L2 * dense_weights,
            d_moments,
            step,
            DENSE_LEARNING_RATE,
        )
        _adam(bias, grad_scores.sum(axis=0), b_moments, step)
    return weights, dense_weights, bias


def _adam(
    param: NDArray[np.float32],
    grad: NDArray[np.float32],
    moments: tuple[NDArray[np.float32], NDArray[np.float32]],
    step: int,
    learning_rate: float = LEARNING_RATE,
) -> None:
    """One Adam update of `param` in place."""
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    mean, square = moments
    mean *= beta1
    mean += (1 - beta1) * grad
    square *= beta2
    square += (1 - beta2) * grad * grad
    param -= learning_rate * (mean / (1 - beta1**step)) / (np.sqrt(square / (1 - beta2**step)) + eps)
