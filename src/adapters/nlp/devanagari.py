"""Hindi in Devanagari written the way Indians type Hindi in Latin letters ("मेरी बुकिंग रद्द कर दीजिए" ->
"meri buking radd kar dijie"), so that the offline models see one language, not two scripts.

Not a scholarly transliteration: long and short vowels fold together (ा -> a, ी -> i, ू -> u) as they do in
chat, nasal marks become "n", and the inherent vowel is dropped where Hindi speakers drop it: at the end of a
word, and in the middle of a word between a vowel and a consonant that carries its own vowel ("बदलना" ->
"badalna", "परसों" -> "parson").
"""

import itertools
import re
from dataclasses import dataclass
from typing import Literal

_CONSONANTS = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n", "च": "ch", "छ": "chh", "ज": "j", "झ": "jh",
    "ञ": "n", "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n", "त": "t", "थ": "th", "द": "d",
    "ध": "dh", "न": "n", "प": "p", "फ": "f", "ब": "b", "भ": "bh", "म": "m", "य": "y", "र": "r",
    "ल": "l", "व": "v", "श": "sh", "ष": "sh", "स": "s", "ह": "h", "ळ": "l",
    "क़": "k", "ख़": "kh", "ग़": "g", "ज़": "z", "ड़": "r", "ढ़": "rh", "फ़": "f", "य़": "y",
}  # fmt: skip
_NUKTA_FORMS = {"क": "k", "ख": "kh", "ग": "g", "ज": "z", "ड": "r", "ढ": "rh", "फ": "f", "य": "y"}
_VOWELS = {
    "अ": "a", "आ": "a", "इ": "i", "ई": "i", "उ": "u", "ऊ": "u", "ऋ": "ri", "ए": "e", "ऐ": "ai",
    "ओ": "o", "औ": "au", "ऑ": "o", "ऍ": "e",
}  # fmt: skip
_SIGNS = {
    "ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "ृ": "ri", "े": "e", "ै": "ai", "ो": "o",
    "ौ": "au", "ॉ": "o", "ॅ": "e",
}  # fmt: skip
_NASALS = {"\u0902": "n", "\u0901": "n", "\u0903": "h"}  # anusvara, chandrabindu, visarga
_DIGITS = {chr(0x0966 + d): str(d) for d in range(10)}
_VIRAMA = "\u094d"
_NUKTA = "\u093c"
_SCHWA = "@"
"""The inherent vowel of a consonant, until it is kept ("a") or dropped."""
_DEVANAGARI = re.compile(r"[\u0900-\u0963\u0966-\u097f][\u0900-\u0963\u0966-\u097f\u200c\u200d]*")
"""A run of Devanagari letters, signs and digits; joiners (ZWJ, ZWNJ) inside a word belong to it. The danda
and double danda (U+0964, U+0965) end sentences: they become full stops."""
_DANDAS = str.maketrans({"\u0964": ".", "\u0965": "."})
_LABIALS = frozenset("पफबभम")


def has_devanagari(text: str) -> bool:
    return _DEVANAGARI.search(text) is not None


def romanise(text: str) -> str:
    """`text` with every run of Devanagari written in Latin letters; other characters stay as they are."""
    return _DEVANAGARI.sub(lambda match: _word(match.group()), text.translate(_DANDAS))


@dataclass(slots=True)
class _Unit:
    """One letter of a word: a consonant (`vowel` is its vowel sign, _SCHWA until decided, "" after a
    virama), an independent vowel, or something else (a nasal sign, a digit)."""

    latin: str
    kind: Literal["consonant", "vowel", "other"]
    char: str
    vowel: str = ""

    @property
    def voiced(self) -> bool:
        """A vowel, or a consonant that keeps one."""
        return self.kind == "vowel" or (self.kind == "consonant" and self.vowel != "")


def _word(word: str) -> str:
    units: list[_Unit] = []
    for char in word:
        last = units[-1] if units and units[-1].kind == "consonant" else None
        if char == _NUKTA and last:
            last.latin = _NUKTA_FORMS.get(last.char, last.latin)
        elif char in _CONSONANTS:
            units.append(_Unit(_CONSONANTS[char], "consonant", char, _SCHWA))
        elif char in _SIGNS and last:
            last.vowel = _SIGNS[char]
        elif char == _VIRAMA and last:
            last.vowel = ""
        elif char in _VOWELS:
            units.append(_Unit(_VOWELS[char], "vowel", char))
        elif char in _NASALS or char in _DIGITS:
            units.append(_Unit(_NASALS.get(char) or _DIGITS[char], "other", char))
    _drop_schwas(units)
    for unit, following in itertools.pairwise(units):
        if unit.char == "\u0902" and following.char in _LABIALS:  # anusvara before p, ph, b, bh, m: "mumbai"
            unit.latin = "m"
    return "".join(u.latin + ("a" if u.vowel == _SCHWA else u.vowel) for u in units)


def _drop_schwas(units: list[_Unit]) -> None:
    """Drop the inherent "a" of a final consonant (not after a cluster ending in r, y or v), and of a medial
    one that follows a vowel and precedes a consonant with a vowel of its own (right to left, so one drop can
    block the next)."""
    consonants = [i for i, unit in enumerate(units) if unit.kind == "consonant"]
    if not consonants:
        return
    last = consonants[-1]
    word_final = all(unit.kind == "other" and unit.char not in _DIGITS for unit in units[last + 1 :])
    longer = len(consonants) > 1 or any(unit.kind == "vowel" for unit in units[:last])
    # A cluster ending in r, y or v keeps its vowel: "mitra", "patra", "vakya" (but "radd", "ant").
    previous = units[last - 1] if last > 0 else None
    cluster = previous is not None and previous.kind == "consonant" and previous.vowel == ""
    if units[last].vowel == _SCHWA and word_final and longer and not (cluster and units[last].char in "रयव"):
        units[last].vowel = ""
    for i in range(len(units) - 2, 0, -1):
        unit = units[i]
        if (
            unit.kind == "consonant"
            and unit.vowel == _SCHWA
            and units[i - 1].voiced
            and units[i + 1].kind == "consonant"
            and units[i + 1].voiced
        ):
            unit.vowel = ""
