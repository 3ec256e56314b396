"""One normal form of customer text for the offline language models."""

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w\u0300-\u036f\u0900-\u0963\u0966-\u0dff]+", re.UNICODE)
"""Not part of a word: combining marks (Indic vowel signs among them) are, though `\\w` leaves them out."""
_DIGITS = re.compile(r"\d")
_APOSTROPHES = re.compile(r"['\u2019]")


def normalise(text: str) -> str:
    """Lower case, compatibility-folded, punctuation to spaces, digits to 0 (times and ids alike)."""
    folded = _APOSTROPHES.sub("", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(_NOT_WORD.sub(" ", _DIGITS.sub("0", folded)).split())
