"""Domain concepts for the intent model: words and phrases (English, Hinglish, common misspellings) that
mean the same thing to a home-services marketplace, read from data/intent_concepts.txt. Each hit adds a
concept feature, so the model can generalise from "cancel" to "call off" and "radd karo" without having
seen every synonym labelled.
"""

import re
from pathlib import Path

from adapters.nlp.normalise import normalise

CONCEPTS_FILE = Path(__file__).parent / "data" / "intent_concepts.txt"


def read_concepts(path: Path = CONCEPTS_FILE) -> dict[str, tuple[str, ...]]:
    """Lines of `concept: phrase, phrase, ...`; `#` lines are comments."""
    concepts: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, phrases = line.partition(":")
        concepts[name.strip()] = tuple(p.strip() for p in phrases.split(",") if p.strip())
    return concepts


def phrase_pattern(phrase: str) -> "re.Pattern[str]":
    """How one phrase of the lexicon matches normalised text."""
    return _pattern((phrase,))


def _pattern(phrases: tuple[str, ...]) -> "re.Pattern[str]":
    """Whole words, except a trailing `*` that allows any ending (`cancel*` matches "cancelled")."""
    alternatives = []
    for phrase in sorted(phrases, key=len, reverse=True):
        stem = phrase.endswith("*")
        words = normalise(phrase.rstrip("*"))
        alternatives.append(re.escape(words) + (r"\w*" if stem else r"\b"))
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")")


_PATTERNS = {concept: _pattern(phrases) for concept, phrases in read_concepts().items()}


def concepts(normalised_text: str) -> dict[str, int]:
    """How often each concept occurs in already-normalised text (lower case, single spaces)."""
    found: dict[str, int] = {}
    for concept, pattern in _PATTERNS.items():
        hits = len(pattern.findall(normalised_text))
        if hits:
            found[concept] = hits
    return found
