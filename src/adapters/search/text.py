"""Customer text to comparable tokens: folding, Hinglish spelling variants, light English stemming.

Every word becomes a *key*: stemmed ("cleaning" -> "clean", "electrician" -> "electric") and then
spelled by sound ("keede"/"keeda" -> "kid", "machhar"/"machar" -> "machar", "saaf" -> "saf"), so the
catalog's words and a customer's words meet half-way. Latin script only; other scripts pass unchanged.
"""

import re
import unicodedata

_NUKTA = "\u093c"
_APOSTROPHES = "'\u2019"
_SPELLED_LETTERS = re.compile(r"\b([a-z])[./]([a-z])\b\.?")  # a/c, a.c., r.o. -> ac, ro
_NUMBER_THEN_WORD = re.compile(r"\b(\d+)([a-z]{2,})\b")  # 2bhk -> 2 bhk

# (suffix, replacement, shortest stem kept); the first that fits wins.
_SUFFIXES = (
    ("ical", "ic", 5),
    ("ies", "y", 3),
    ("ches", "ch", 3),
    ("shes", "sh", 3),
    ("sses", "ss", 3),
    ("xes", "x", 2),
    ("ings", "", 3),
    ("ing", "", 3),
    ("ers", "", 4),
    ("er", "", 4),
    ("ian", "", 5),
    ("ed", "", 4),
)
_SOUNDS = (
    ("chh", "ch"),
    ("ph", "f"),
    ("kh", "k"),
    ("gh", "g"),
    ("bh", "b"),
    ("dh", "d"),
    ("th", "t"),
    ("sh", "s"),
    ("ck", "k"),
    ("ee", "i"),
    ("oo", "u"),
    ("w", "v"),
    ("z", "j"),
    ("q", "k"),
)
_REPEATS = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Lower case, NFKC, no nukta, apostrophes or invisible marks; punctuation and symbols become spaces."""
    text = unicodedata.normalize("NFKC", text).casefold().replace(_NUKTA, "")
    text = "".join(c for c in text if c not in _APOSTROPHES and unicodedata.category(c) != "Cf")
    text = _SPELLED_LETTERS.sub(r"\1\2", text)
    text = "".join(" " if unicodedata.category(c)[0] in "PSZC" else c for c in text)
    return _NUMBER_THEN_WORD.sub(r"\1 \2", text)


def words(text: str) -> list[str]:
    return fold(text).split()


def stem(word: str) -> str:
    """Strip one common English suffix ("plumbing" -> "plumb", "switches" -> "switch", "rats" -> "rat")."""
    if not word.isascii() or not word.isalpha() or len(word) < 4:
        return word
    if len(word) >= 5:
        for suffix, replacement, shortest in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
                return word[: -len(suffix)] + replacement
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def sound(word: str) -> str:
    """Spell a romanised word by how it sounds, so Hinglish spelling variants share one form."""
    if not word.isascii() or not word.isalpha():
        return word
    for written, said in _SOUNDS:
        word = word.replace(written, said)
    word = _REPEATS.sub(r"\1", word)
    if len(word) >= 3 and word.endswith("e"):
        word = word[:-1] + "a"
    if len(word) >= 5 and word[-1] in "aeiou":
        word = word[:-1]
    if len(word) > 3 and word.endswith("h"):
        word = word[:-1]
    return word


def key(word: str) -> str:
    """The form two words are compared in: stemmed, then spelled by sound."""
    return sound(stem(word))
