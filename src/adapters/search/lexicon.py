"""The search vocabulary of Indian customers: stopwords, word rewrites and curated phrases (data file)."""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from adapters.search.text import key, sound, words

_LONGEST_REWRITE = 3


@dataclass(frozen=True)
class Lexicon:
    """Turns text into the keys both the catalog and the queries are indexed by.

    `rewrites` maps a sequence of keys (one to three words) to the keys that replace it ("nal" ->
    "tap", "air conditioner" -> "ac"); `stopwords` are keys dropped after rewriting; `phrases` maps
    a curated phrase to subcategory slugs or "cat:<category slug>".
    """

    rewrites: Mapping[tuple[str, ...], tuple[str, ...]]
    stopwords: frozenset[str]
    phrases: Mapping[str, tuple[str, ...]]

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> "Lexicon":
        rewrites = {
            tuple(key(w) for w in words(variant)): tuple(key(w) for w in words(target))
            for variant, target in data.get("words", {}).items()
        }
        stopwords = frozenset(key(w) for w in data.get("stopwords", ()))
        phrases = {phrase: tuple(targets) for phrase, targets in data.get("phrases", {}).items()}
        return cls(rewrites=rewrites, stopwords=stopwords, phrases=phrases)

    @classmethod
    def bundled(cls) -> "Lexicon":
        ref = resources.files("adapters.search").joinpath("data", "synonyms.json")
        return cls.from_data(json.loads(ref.read_text(encoding="utf-8")))

    def keys(self, text: str, *, joinable: frozenset[str] = frozenset()) -> list[str]:
        """The text's meaningful keys in order, each once."""
        return [t.key for t in self.terms(text, joinable=joinable)]

    def terms(self, text: str, *, joinable: frozenset[str] = frozenset()) -> list["Term"]:
        """The text's meaningful words in order, each once, as keys with their unstemmed spelling.

        Two neighbouring words that are one known word when written together ("micro wave", "wi fi")
        are joined when either alone is unknown; `joinable` holds the known keys.
        """
        raw = _join_split_words(words(text), joinable)
        out: list[Term] = []
        i = 0
        while i < len(raw):
            for size in range(min(_LONGEST_REWRITE, len(raw) - i), 0, -1):
                target = self.rewrites.get(tuple(t.key for t in raw[i : i + size]))
                if target is not None and size == 1 and len(target) == 1:
                    out.append(Term(target[0], raw[i].spelled))  # its own spelling still finds typos
                    i += 1
                    break
                if target is not None:
                    out.extend(Term(k, k) for k in target)
                    i += size
                    break
            else:
                out.append(raw[i])
                i += 1
        kept: dict[str, Term] = {}
        for term in out:
            if term.key not in self.stopwords and not term.key.isdigit():
                kept.setdefault(term.key, term)
        return list(kept.values())


@dataclass(frozen=True, slots=True)
class Term:
    """A word as indexed (`key`: stemmed and spelled by sound) and as spelled by sound only."""

    key: str
    spelled: str


def _term(word: str) -> Term:
    return Term(key(word), sound(word))


def _join_split_words(folded: Sequence[str], known: frozenset[str]) -> list[Term]:
    out: list[Term] = []
    i = 0
    while i < len(folded):
        if known and i + 1 < len(folded):
            joined = _term(folded[i] + folded[i + 1])
            if joined.key in known and (key(folded[i]) not in known or key(folded[i + 1]) not in known):
                out.append(joined)
                i += 2
                continue
        out.append(_term(folded[i]))
        i += 1
    return out
