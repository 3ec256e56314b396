"""Ports of the language services the use cases lean on (each has an offline and a Gemini adapter)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol, runtime_checkable

from domain.shared.money import Money


class Intent(StrEnum):
    BOOK_SERVICE = "book_service"
    CANCEL_BOOKING = "cancel_booking"
    RESCHEDULE_BOOKING = "reschedule_booking"
    BOOKING_STATUS = "booking_status"
    COMPLAINT = "complaint"
    POLICY_QUESTION = "policy_question"
    SERVICE_INFO = "service_info"
    GREETING = "greeting"
    OUT_OF_SCOPE = "out_of_scope"


@dataclass(frozen=True, slots=True)
class IntentScore:
    intent: Intent
    confidence: float


class IntentClassifier(Protocol):
    async def classify(self, text: str) -> Sequence[IntentScore]:
        """The intents the text expresses, best first, confidences in [0, 1]; more than one when the text
        asks for several things (multi-intent)."""
        ...


@runtime_checkable
class WarmsUp(Protocol):
    """An adapter with work to do once before it can answer quickly (an offline model to train). The API
    calls `warm` in a background thread at start-up, so the first request does not pay for it."""

    def warm(self) -> None: ...


class SentimentAnalyzer(Protocol):
    async def sentiment(self, text: str) -> float:
        """How the text feels, from -1 (very negative) through 0 (neutral) to 1 (very positive)."""
        ...


@dataclass(frozen=True, slots=True)
class ServiceMention:
    """A service the text names, resolved to an active subcategory through the catalog search.

    `matched_text` is the part of the text that named it ("plumbr", "AC"); `score` in (0, 1].
    """

    subcategory_id: int
    name: str
    matched_text: str
    score: float


@dataclass(frozen=True, slots=True)
class TimeWindow:
    """When the customer wants something: [start, end), both timezone-aware in Asia/Kolkata.

    A bare day ("kal") spans the whole day; a part of the day ("subah", "evening") spans its window
    (morning 08-12, afternoon 12-16, evening 16-20); an exact time ("shaam 5 baje") spans one hour.
    `text` is the phrase it came from.
    """

    start: datetime
    end: datetime
    text: str


@dataclass(frozen=True, slots=True)
class Entities:
    """What a piece of customer text names. Anything not mentioned is None (or empty for services).

    `pincode` is 6 digits with a first digit 1-8; `booking_reference` is BK-YYYYMMDD-NNNN (upper case);
    `quantity` counts units of the service ("2 ACs", "teen bathroom"); `budget` is the most the customer
    wants to spend, in INR.
    """

    services: tuple[ServiceMention, ...] = ()
    when: TimeWindow | None = None
    pincode: str | None = None
    booking_reference: str | None = None
    quantity: int | None = None
    budget: Money | None = None


class ServiceResolver(Protocol):
    """Resolves loose words to catalog subcategories (typos, synonyms, Hinglish), via the catalog search."""

    async def resolve(self, text: str, limit: int = 3) -> Sequence[ServiceMention]:
        """The services the text names, best first, at most `limit`; empty when none. Never raises on odd
        text (over-long text is truncated); raises StorageUnavailable when the catalog cannot be read."""
        ...


class EntityExtractor(Protocol):
    async def extract(self, text: str, *, now: datetime) -> Entities:
        """The entities the text names. Relative dates and times ("kal", "next Monday morning") are
        resolved against `now` (timezone-aware; read in Asia/Kolkata), preferring the future; the same
        text and `now` always give the same result."""
        ...
