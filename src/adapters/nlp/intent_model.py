"""A small multinomial logistic regression over sparse text features, trained with numpy alone.

Full-batch gradient descent with Adam from zero weights: the same training file always gives the same
model (no randomness), in a fraction of a second for a few hundred utterances.
"""

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from adapters.nlp.text_features import SparseRows, Vectoriser

EPOCHS = 120
LEARNING_RATE = 0.2
L2 = 1e-4


def _softmax(scores: NDArray[np.float32]) -> NDArray[np.float32]:
    shifted = np.exp(scores - scores.max(axis=-1, keepdims=True))
    result: NDArray[np.float32] = shifted / shifted.sum(axis=-1, keepdims=True)
    return result


class SoftmaxTextModel:
    """Probabilities over `labels` for a text."""

    def __init__(self, texts: Sequence[str], labels: Sequence[str]) -> None:
        self.labels = sorted(set(labels))
        self.vectoriser = Vectoriser(texts)
        x = self.vectoriser.matrix(texts)
        y = np.zeros((len(texts), len(self.labels)), dtype=np.float32)
        y[np.arange(len(texts)), [self.labels.index(label) for label in labels]] = 1.0
        self.weights, self.bias = _fit(x, y)

    def probabilities(self, text: str) -> dict[str, float]:
        cols, vals = self.vectoriser.row(text)
        scores = (self.weights[cols] * vals[:, None]).sum(axis=0) + self.bias
        return dict(zip(self.labels, (float(p) for p in _softmax(scores)), strict=True))


def _fit(x: SparseRows, y: NDArray[np.float32]) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
    weights = np.zeros((x.width, y.shape[1]), dtype=np.float32)
    bias = np.zeros(y.shape[1], dtype=np.float32)
    w_moments = (np.zeros_like(weights), np.zeros_like(weights))
    b_moments = (np.zeros_like(bias), np.zeros_like(bias))
    for step in range(1, EPOCHS + 1):
        grad_scores = (_softmax(x.dot(weights) + bias) - y) * np.float32(1.0 / x.height)
        _adam(weights, x.transpose_dot(grad_scores) + L2 * weights, w_moments, step)
        _adam(bias, grad_scores.sum(axis=0), b_moments, step)
    return weights, bias


def _adam(
    param: NDArray[np.float32],
    grad: NDArray[np.float32],
    moments: tuple[NDArray[np.float32], NDArray[np.float32]],
    step: int,
) -> None:
    """One Adam update of `param` in place."""
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    mean, square = moments
    mean *= beta1
    mean += (1 - beta1) * grad
    square *= beta2
    square += (1 - beta2) * grad * grad
    param -= LEARNING_RATE * (mean / (1 - beta1**step)) / (np.sqrt(square / (1 - beta2**step)) + eps)
