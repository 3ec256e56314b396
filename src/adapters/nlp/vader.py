"""Offline sentiment: VADER's lexicon and rules (ships inside the vaderSentiment package, ~126 KB),
extended with how customers of a home-services marketplace complain and praise, in English and Hinglish.

VADER alone reads "The plumber never came, terrible service!!" as positive (+0.48: "service" and the
exclamation marks outweigh "terrible" once "never" flips it); marketplace phrases are folded into single
tokens first ("never came" -> `xnoshow`) and scored by the extra lexicon.
"""

import re

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

# Phrases folded into one token before scoring (VADER scores single words only).
PHRASES: dict[str, str] = {
    r"never (?:came|come|showed(?: up)?|turned up|arrived|reached)": "xnoshow",
    r"(?:did not|didn'?t|has not|hasn'?t|have not|haven'?t)"
    r" (?:come|show(?:ed)? up|turn(?:ed)? up|arrive|reach)(?:ed)?": "xnoshow",
    r"(?:no|nobody|no one|noone) (?:show(?:ed)?|came|turned up)": "xnoshow",
    r"no[- ]show": "xnoshow",
    r"(?:aaya|aayi|aaye) hi nahi|koi nahi aaya|nahi aaya": "xnoshow",
    r"(?:still|again) (?:not|isn'?t|is not|doesn'?t|does not) (?:working|work|cooling|fixed)": "xnotfixed",
    r"not (?:working|fixed|cooling|repaired) (?:after|even after)": "xnotfixed",
    r"(?:waste|wastage) of (?:money|time)": "xwaste",
    r"(?:extra|more) (?:money|cash|charges?)|charged (?:me )?(?:extra|more|double)": "xovercharged",
    r"(?:zyada|jyada) paise": "xovercharged",
    r"theek (?:se )?nahi": "xpoorly",
    r"kaam adhoora|adhoora kaam|left (?:it )?(?:incomplete|half)": "xincomplete",
    r"on time": "xpunctual",
    r"(?:very|bahut|bohot) (?:acha|achha|accha)": "xverygood",
}
_PHRASES = [(re.compile(r"\b" + pattern + r"\b", re.IGNORECASE), token) for pattern, token in PHRASES.items()]

# Hindi negates after the word: "kaam accha nahi tha" is "not good". A scored word followed by an optional
# verb of being and a negation is rewritten to VADER's "not <word>" before scoring.
_POST_NEGATION = re.compile(
    r"\b([^\W\d_]+)\s+(?:(?:tha|thi|the|hai|hain|hua|hui|hue|laga|lagi|lage|raha|rahi|rahe)\s+)?"
    r"(?:nahi|nahin|nahee|nai|na|mat)\b",
    re.IGNORECASE,
)

# VADER maps emoji to their names ("thumbs down"), which carry no valence; the common ones get a token.
EMOJI: dict[str, str] = {
    "\U0001f621": "xemojiangry",  # pouting face
    "\U0001f620": "xemojiangry",  # angry face
    "\U0001f92c": "xemojiangry",  # face with symbols on mouth
    "\U0001f624": "xemojiangry",  # face with steam from nose
    "\U0001f44e": "xemojibad",  # thumbs down
    "\U0001f61e": "xemojibad",  # disappointed face
    "\U0001f622": "xemojibad",  # crying face
    "\U0001f62d": "xemojibad",  # loudly crying face
    "\U0001f612": "xemojibad",  # unamused face
    "\U0001f44d": "xemojigood",  # thumbs up
    "\U0001f44c": "xemojigood",  # OK hand
    "\U0001f64f": "xemojithanks",  # folded hands: thanks / please
    "\U0001f60a": "xemojigood",  # smiling face with smiling eyes
    "\U0001f642": "xemojigood",  # slightly smiling face
    "\U0001f600": "xemojigood",  # grinning face
    "\U0001f60d": "xemojilove",  # smiling face with heart-eyes
    "\u2764\ufe0f": "xemojilove",  # red heart
    "\u2764": "xemojilove",
    "\u2b50": "xemojigood",  # star
}

# Valences on VADER's scale (-4 .. +4).
LEXICON: dict[str, float] = {
    "xnoshow": -3.0,
    "xnotfixed": -2.6,
    "xwaste": -2.8,
    "xovercharged": -2.6,
    "xpoorly": -2.0,
    "xincomplete": -2.2,
    "xpunctual": 1.5,
    "xverygood": 2.6,
    "xemojiangry": -2.8,
    "xemojibad": -2.0,
    "xemojigood": 2.0,
    "xemojithanks": 1.5,
    "xemojilove": 2.6,
    "overcharged": -2.6,
    "overcharging": -2.6,
    "rude": -2.5,
    "misbehaved": -2.8,
    "misbehaving": -2.8,
    "abusive": -3.0,
    "unprofessional": -2.3,
    "damaged": -2.3,
    "broke": -2.0,
    "scratched": -1.8,
    "stained": -1.6,
    "leaking": -1.3,
    "shoddy": -2.4,
    "careless": -2.0,
    "late": -1.2,
    "delayed": -1.2,
    "dirty": -1.9,
    "incomplete": -1.6,
    "refund": -0.6,
    "complaint": -1.5,
    "scam": -3.0,
    "cheated": -3.0,
    "fraud": -3.2,
    "pathetic": -3.0,
    "unacceptable": -2.6,
    "bekaar": -2.6,
    "bekar": -2.6,
    "ghatiya": -3.0,
    "bakwas": -2.8,
    "badtameez": -2.8,
    "kharab": -2.0,
    "ganda": -2.0,
    "gandi": -2.0,
    "bura": -2.0,
    "acha": 1.8,
    "achha": 1.8,
    "accha": 1.8,
    "badhiya": 2.5,
    "badiya": 2.5,
    "mast": 2.0,
    "shandar": 2.8,
    "zabardast": 2.8,
    "shukriya": 1.5,
    "dhanyavaad": 1.5,
    "punctual": 2.0,
    "courteous": 2.0,
    "polite": 1.9,
    "professional": 1.2,
    "thorough": 1.6,
    "spotless": 2.4,
    "neat": 1.5,
    "recommend": 1.8,
    "recommended": 1.8,
}


class VaderSentiment:
    """The compound score of VADER with the marketplace lexicon, in [-1, 1]. CPU-only, ~0.1 ms a sentence."""

    def __init__(self) -> None:
        self._analyzer = SentimentIntensityAnalyzer()
        self._analyzer.lexicon.update(LEXICON)

    async def sentiment(self, text: str) -> float:
        return self.score(text)

    def _negate(self, match: re.Match[str]) -> str:
        word = match.group(1)
        return f"not {word}" if word.lower() in self._analyzer.lexicon else match.group(0)

    def score(self, text: str) -> float:
        if not text.strip():
            return 0.0
        for emoji, token in EMOJI.items():
            text = text.replace(emoji, f" {token} ")
        for pattern, token in _PHRASES:
            text = pattern.sub(token, text)
        text = _POST_NEGATION.sub(self._negate, text)
        score = float(self._analyzer.polarity_scores(text)["compound"])
        return max(-1.0, min(1.0, score))
