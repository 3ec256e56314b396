"""The priority policy: a 0-100 score and a level from the complaint's facts, with each factor's
contribution so a human can see why. The weights live in domain.complaint.policy."""

import re
from dataclasses import dataclass
from decimal import Decimal

from domain.complaint.policy import (
    BOOKING_VALUE_POINTS,
    FLAGGED_MESSAGE_POINTS,
    RECENT_COMPLAINT_POINTS,
    SENTIMENT_MAX_POINTS,
    TYPE_LEVEL_FLOOR,
    TYPE_WEIGHTS,
    URGENCY_MAX_POINTS,
    URGENCY_POINTS_PER_WORD,
    URGENCY_WORDS,
    at_least,
    level_for_score,
)
from domain.complaint.values import ComplaintType, Priority, PriorityFactor
from domain.shared.errors import InvalidValue

_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class PriorityInputs:
    """What the score is computed from. `sentiment` is in [-1, 1] (None: unknown, counts as neutral)."""

    type: ComplaintType
    text: str
    sentiment: float | None
    booking_value: Decimal | None
    recent_complaints: int

    def __post_init__(self) -> None:
        if self.sentiment is not None and not -1.0 <= self.sentiment <= 1.0:
            raise InvalidValue("sentiment", "sentiment is between -1 and 1")
        if self.recent_complaints < 0:
            raise InvalidValue("recent_complaints", "recent complaints cannot be negative")


@dataclass(frozen=True, slots=True)
class PriorityAssessment:
    """The score (the sum of the factors' points), its level, and the factors."""

    score: int
    level: Priority
    factors: tuple[PriorityFactor, ...]


def urgency_words(text: str) -> list[str]:
    """The distinct urgency words in `text`, in order of first appearance."""
    seen: list[str] = []
    for word in _WORD.findall(text.lower()):
        if word in URGENCY_WORDS and word not in seen:
            seen.append(word)
    return seen


def assess(inputs: PriorityInputs) -> PriorityAssessment:
    """Score = type weight + negative sentiment + booking value + recent complaints + urgency words.

    Each part is bounded and the maxima add up to 100, so the score is always 0-100. The level comes from
    the score, raised to the type's floor (safety is at least high, damage at least medium)."""
    factors = (
        PriorityFactor("type", inputs.type.value, TYPE_WEIGHTS[inputs.type]),
        _sentiment(inputs.sentiment),
        _booking_value(inputs.booking_value),
        _recent(inputs.recent_complaints),
        _urgency(inputs.text),
    )
    score = sum(f.points for f in factors)
    level = at_least(level_for_score(score), TYPE_LEVEL_FLOOR.get(inputs.type))
    return PriorityAssessment(score=score, level=level, factors=factors)


def assess_flagged_message(text: str, sentiment: float | None, reason: str) -> PriorityAssessment:
    """Score of a chat message flagged for human attention: base points for the flag (its `reason`) +
    negative sentiment + urgency words, with the same factor rules and level thresholds as complaints."""
    if sentiment is not None and not -1.0 <= sentiment <= 1.0:
        raise InvalidValue("sentiment", "sentiment is between -1 and 1")
    factors = (
        PriorityFactor("flagged", reason.strip()[:80] or "flagged", FLAGGED_MESSAGE_POINTS),
        _sentiment(sentiment),
        _urgency(text),
    )
    score = sum(f.points for f in factors)
    return PriorityAssessment(score=score, level=level_for_score(score), factors=factors)


def _sentiment(sentiment: float | None) -> PriorityFactor:
    if sentiment is None:
        return PriorityFactor("sentiment", "unknown", 0)
    points = round(SENTIMENT_MAX_POINTS * max(0.0, -sentiment))
    return PriorityFactor("sentiment", f"{sentiment:+.2f}", points)


def _booking_value(value: Decimal | None) -> PriorityFactor:
    if value is None:
        return PriorityFactor("booking_value", "no booking", 0)
    points = next((p for minimum, p in BOOKING_VALUE_POINTS if value >= minimum), 0)
    return PriorityFactor("booking_value", f"INR {value:.2f}", points)


def _recent(count: int) -> PriorityFactor:
    points = RECENT_COMPLAINT_POINTS[min(count, len(RECENT_COMPLAINT_POINTS) - 1)]
    return PriorityFactor("recent_complaints", str(count), points)


def _urgency(text: str) -> PriorityFactor:
    words = urgency_words(text)
    points = min(URGENCY_MAX_POINTS, URGENCY_POINTS_PER_WORD * len(words))
    return PriorityFactor("urgency_words", ", ".join(words) or "none", points)
