"""Offline intent classification: a linear model over words, character n-grams, domain concepts and
WordLlama sentence embeddings (256-d, weights shipped in the wheel), trained on first use from the shipped
training split, plus clause splitting for multi-intent messages."""

import asyncio
import contextlib
import ctypes
import re
import threading
from collections.abc import Sequence
from functools import cache, lru_cache

import numpy as np
from numpy.typing import NDArray

from adapters.ai.wordllama_embedder import load_wordllama
from adapters.nlp.devanagari import romanise
from adapters.nlp.intent_model import Embed, SoftmaxTextModel
from application.ai.ports import AIServiceError
from application.nlp.labelled import LabelledUtterance
from application.nlp.ports import Intent, IntentScore

# Conjunctions and punctuation that separate requests ("cancel X and book Y", "X aur Y", "X, then Y").
_CLAUSE_BREAK = re.compile(
    r"[.;!?,]+|\b(?:and|aur|then|also|phir|fir|plus|otherwise|nahi\s+toh|warna|but|so|n)\b|&", re.IGNORECASE
)
MIN_CLAUSE_WORDS = 2
MAX_CLAUSES = 8
CLAUSE_CONFIDENCE = 0.5
MAX_TEXT = 2000
_NOT_ADDITIONAL = {Intent.GREETING, Intent.OUT_OF_SCOPE}
_NOT = r"(?:do\s+not|don['\u2019]?t|dont|never|please\s+don['\u2019]?t|no\s+need\s+to)\s+"
_HINDI_NOT = r"\s+(?:mat|nahi|nahin|na)\b(?:\s+(?:karo|karna|karein|kijiye|kar|karwana))?"
# An action the customer asks NOT to take ("do not cancel my booking", "cancel mat karo").
_NEGATED_ACTIONS = {
    Intent.CANCEL_BOOKING: re.compile(
        rf"\b{_NOT}(?:cancel\w*|call\s+off)\b|\b(?:cancel|radd){_HINDI_NOT}", re.IGNORECASE
    ),
    Intent.RESCHEDULE_BOOKING: re.compile(
        rf"\b{_NOT}(?:reschedule\w*|postpone\w*|move|shift|change)\b|\b(?:reschedule|shift|postpone){_HINDI_NOT}",
        re.IGNORECASE,
    ),
}


class OfflineIntentClassifier:
    """IntentClassifier without network or GPU. Deterministic: the same training data gives the same
    model, and the same text the same answer.

    Negation: an action the customer asks not to take ("do not cancel my booking", "cancel mat karo") is
    cut from the text and its intent is never returned; the rest of the message decides.

    Multi-intent: the text is also split into clauses at conjunctions; a clause whose own best intent
    is confident (>= CLAUSE_CONFIDENCE) and differs from the whole text's adds that intent. Greetings and
    out-of-scope chatter never count as an additional intent.
    """

    def __init__(self, training: Sequence[LabelledUtterance], *, embeddings: bool = True) -> None:
        """`embeddings=False` (or weights that cannot be loaded) leaves the sparse features alone."""
        self._training = tuple(training)
        self._embeddings = embeddings
        self._model: SoftmaxTextModel | None = None

    def warm(self) -> None:
        """Train now (otherwise the first classification does, taking a few seconds). Models are shared
        per process: another classifier over the same training data reuses this one's."""
        self._trained()

    async def classify(self, text: str) -> Sequence[IntentScore]:
        if self._model is None:
            await asyncio.to_thread(self._trained)
        return self.classify_now(text)

    def classify_now(self, text: str) -> list[IntentScore]:
        """Synchronous classification (for benchmarks and the evaluation command)."""
        model = self._trained()
        text = romanise(text[:MAX_TEXT])
        negated = set[str]()
        for intent, pattern in _NEGATED_ACTIONS.items():
            if pattern.search(text):
                negated.add(intent.value)
                text = pattern.sub(" ", text)
        whole = _without(model.probabilities(text), negated)
        best = max(whole, key=lambda label: whole[label])
        found = {best: whole[best]}
        if best not in _NOT_ADDITIONAL:
            for clause in _clauses(text):
                scores = _without(model.probabilities(clause), negated)
                label = max(scores, key=lambda name: scores[name])
                if scores[label] >= CLAUSE_CONFIDENCE and label not in _NOT_ADDITIONAL:
                    found[label] = max(found.get(label, 0.0), scores[label], whole[label])
        ranked = sorted(found.items(), key=lambda item: (-item[1], item[0]))
        return [IntentScore(Intent(label), min(1.0, max(0.0, score))) for label, score in ranked]

    def _trained(self) -> SoftmaxTextModel:
        if self._model is None:
            self._model = _train(self._training, self._embeddings)
        return self._model


_TRAINING_LOCK = threading.Lock()


def _train(training: tuple[LabelledUtterance, ...], embeddings: bool) -> SoftmaxTextModel:
    """One model per training set and process, whichever classifier or thread asks first. The key is the
    data alone: code that changes the model's settings in a running process (an experiment) must call
    `_train_once.cache_clear()` first."""
    with _TRAINING_LOCK:
        return _train_once(training, embeddings)


@lru_cache(maxsize=4)
def _train_once(training: tuple[LabelledUtterance, ...], embeddings: bool) -> SoftmaxTextModel:
    single = [u for u in training if len(u.intents) == 1]
    model = SoftmaxTextModel(
        [romanise(u.text) for u in single],
        [u.intents[0].value for u in single],
        _wordllama() if embeddings else None,
    )
    _return_freed_memory()
    return model


def _return_freed_memory() -> None:
    """Training frees ~60 MB of temporaries that glibc's allocator keeps for the process; hand them back to
    the system (a no-op where there is no glibc)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


@cache
def _wordllama() -> Embed | None:
    """WordLlama sentence embeddings from the weights shipped in its wheel, or None (sparse features
    only) when they cannot be loaded."""
    try:
        model = load_wordllama()
    except AIServiceError:
        return None

    def embed(texts: Sequence[str]) -> NDArray[np.float32]:
        return np.asarray(model.embed(list(texts), norm=False), dtype=np.float32)

    return embed


def _without(scores: dict[str, float], negated: set[str]) -> dict[str, float]:
    """The scores with the intents the customer negated removed, the rest rescaled to sum to 1."""
    if not negated:
        return scores
    kept = {label: p for label, p in scores.items() if label not in negated}
    total = sum(kept.values()) or 1.0
    return {label: p / total for label, p in kept.items()}


def _clauses(text: str) -> list[str]:
    parts = [part.strip() for part in _CLAUSE_BREAK.split(text)]
    clauses = [part for part in parts if len(part.split()) >= MIN_CLAUSE_WORDS][:MAX_CLAUSES]
    return clauses if len(clauses) > 1 else []
