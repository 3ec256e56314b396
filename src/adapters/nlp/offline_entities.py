"""Offline entity extraction: patterns for pincodes, booking references, quantities and budgets, the
Hinglish-aware time window of `when`, and services resolved through the catalog search."""

import re
from datetime import datetime
from decimal import Decimal, InvalidOperation

from adapters.nlp.when import WEEKDAYS, find_window, normalise_hinglish
from application.nlp.ports import Entities, ServiceMention, ServiceResolver
from domain.booking.reference import FORMAT as REFERENCE_FORMAT
from domain.booking.reference import BookingReference
from domain.shared.errors import InvalidValue
from domain.shared.money import Money
from domain.shared.pincode import Pincode

MAX_TEXT = 2000
MAX_CLAUSES = 6
"""Clauses searched one by one for services; more would let one long message cost many catalog searches."""
_REFERENCE = re.compile(r"\bBK[-\s]?(\d{8})[-\s]?(\d{4,6})\b", re.IGNORECASE)
_PINCODE = re.compile(
    r"(?<![\d₹,.])(?<!₹ )(?<!rs )(?<!rs\. )(?<!inr )\b([1-9]\d{5})\b(?!\d|,\d|\s*(?:rs|rupees|₹|/-))"
)
"""Six digits not marked as money; the domain Pincode (first digit 1-9) has the last word."""
_AMOUNT = r"(\d{1,3}(?:,\d{2,3})+|\d+(?:\.\d{1,2})?)\s*(k|thousand|hazaar|hazar|lakh)?"
_BUDGET_CUE = re.compile(
    r"\b(?:under|below|within|upto|up\s+to|max(?:imum)?|budget(?:\s+(?:of|is))?|less\s+than|not\s+more\s+than"
    r"|no\s+more\s+than)\s*(?:rs\.?|inr|₹)?\s*" + _AMOUNT + r"\b",
    re.IGNORECASE,
)
_BUDGET_AFTER = re.compile(
    r"\b"
    + _AMOUNT
    + r"\s*(?:rs\.?|rupees|rupaye|₹|/-)?\s*(?:ke\s+andar|tak|se\s+kam|max(?:imum)?|or\s+less|at\s+most)\b",
    re.IGNORECASE,
)
_RANGE_END = re.compile(r"\s*(?:-|\u2013|to|se)\s*(?:rs\.?|inr|₹)?\s*" + _AMOUNT + r"\b", re.IGNORECASE)
"""The upper end of a range right after a budget amount ("budget 500-800", "rs 2k to 3k")."""
_CURRENCY_AMOUNT = re.compile(
    r"(?:₹|\brs\.?|\binr)\s*" + _AMOUNT + r"\b|\b" + _AMOUNT + r"\s*(?:rs\b|rupees\b|rupaye\b|/-)",
    re.IGNORECASE,
)
# fmt: off
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "a couple of": 2, "ek": 1, "do": 2, "teen": 3, "char": 4, "chaar": 4, "paanch": 5,
    "panch": 5, "chhe": 6, "che": 6, "saat": 7, "aath": 8, "nau": 9, "das": 10,
}
# fmt: on
_UNITS = (
    r"acs?|air\s+conditioners?|split\s+acs?|window\s+acs?|bathrooms?|toilets?|washrooms?|rooms?|bedrooms?"
    r"|kamre|kamra|fans?|ceiling\s+fans?|pankhe|pankha|lights?|taps?|sofas?|chairs?|windows?|geysers?|tvs?"
    r"|mattress(?:es)?|beds?|doors?|switch(?:es)?|sockets?|points?|cameras?|cctv\s+cameras?|carpets?"
    r"|kitchens?|tanks?|sinks?|curtain\s+rods?|rods?|people|persons?|ladies|women|men|seats?|cupboards?"
    r"|wardrobes?|balcon(?:y|ies)|units?|machines?"
)
_QUANTITY = re.compile(
    r"\b(\d{1,2}|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")\s+(?:[a-z]+\s+)?(?:"
    + _UNITS
    + r")\b",
    re.IGNORECASE,
)
_NOT_COUNTED = {
    "baje",
    "bje",
    "am",
    "pm",
    "rs",
    "k",
    "hours",
    "hrs",
    "days",
    "minutes",
    "mins",
    "bhk",
    "seater",
}
_TIME_WORDS = re.compile(
    r"\b(?:day after tomorrow|tomorrow|today|tonight|morning|afternoon|evening|night|weekend|week|next|this"
    r"|baje|bje|am|pm|" + "|".join(WEEKDAYS) + r")\b",
    re.IGNORECASE,
)
_CLAUSES = re.compile(r"[.;!?,]+|\b(?:and|aur|then|also|phir|plus|but|instead)\b|&", re.IGNORECASE)
_MULTIPLIERS = {"k": 1000, "thousand": 1000, "hazaar": 1000, "hazar": 1000, "lakh": 100000}


class OfflineEntityExtractor:
    """EntityExtractor with patterns and the catalog search; deterministic for a given text and `now`."""

    def __init__(self, services: ServiceResolver) -> None:
        self._services = services

    async def extract(self, text: str, *, now: datetime) -> Entities:
        text = text[:MAX_TEXT]
        reference = _reference(text)
        rest = _REFERENCE.sub(" ", text)
        budget = _budget(rest)
        pincode = _pincode(rest.lower())
        return Entities(
            services=await self._resolve_services(rest),
            when=find_window(_without_numbers_of_other_kinds(rest), now),
            pincode=pincode,
            booking_reference=reference,
            quantity=_quantity(rest),
            budget=budget,
        )

    async def _resolve_services(self, text: str) -> tuple[ServiceMention, ...]:
        """The services of the whole text, plus the best of each clause ("cancel my cleaning and book a
        plumber" names two), best first."""
        found = {m.subcategory_id: m for m in await self._services.resolve(_service_words(text))}
        clauses = [c for c in _CLAUSES.split(text) if c.strip()][:MAX_CLAUSES]
        if len(clauses) > 1:
            for clause in clauses:
                for mention in (await self._services.resolve(_service_words(clause), 1))[:1]:
                    known = found.get(mention.subcategory_id)
                    if known is None or mention.score > known.score:
                        found[mention.subcategory_id] = mention
        return tuple(sorted(found.values(), key=lambda m: -m.score))


def _reference(text: str) -> str | None:
    for match in _REFERENCE.finditer(text):
        candidate = f"BK-{match.group(1)}-{match.group(2)}"
        if REFERENCE_FORMAT.fullmatch(candidate):
            try:
                return BookingReference(candidate).value
            except InvalidValue:
                continue
    return None


def _amount(digits: str, scale: str | None) -> Decimal | None:
    try:
        value = Decimal(digits.replace(",", "")) * _MULTIPLIERS.get((scale or "").lower(), 1)
        return Money(value.quantize(Decimal("0.01"))).amount
    except (InvalidOperation, InvalidValue):
        return None


def _pincode(text: str) -> str | None:
    for match in _PINCODE.finditer(text):
        try:
            return Pincode(match.group(1)).value
        except InvalidValue:
            continue
    return None


def _budget(text: str) -> Money | None:
    """The most the customer will pay: the amount after a cue, the upper end of a range, or else the
    first amount marked as money."""
    cue = _BUDGET_CUE.search(text) or _BUDGET_AFTER.search(text)
    if cue:
        amount = _upper_end(text, cue.end(), _amount(cue.group(1), cue.group(2)), cue.group(2))
    else:
        marked = _CURRENCY_AMOUNT.search(text)
        if marked is None:
            return None
        digits, scale = (
            (marked.group(1), marked.group(2)) if marked.group(1) else (marked.group(3), marked.group(4))
        )
        amount = _upper_end(text, marked.end(), _amount(digits, scale), scale)
    return Money(amount) if amount is not None and amount > 0 else None


def _upper_end(text: str, end: int, amount: Decimal | None, scale: str | None) -> Decimal | None:
    """`amount`, or the larger end of a range written right after it ("500-800" -> 800)."""
    upper = _RANGE_END.match(text, end)
    high = _amount(upper.group(1), upper.group(2) or scale) if upper else None
    return max(amount, high) if amount is not None and high is not None else amount


def _quantity(text: str) -> int | None:
    for match in _QUANTITY.finditer(text):
        word = match.group(1).lower()
        between = match.group(0).split()[1:-1]
        if word == "do" and between:
            continue  # "do the rooms" is English; Hindi "do pankhe" puts the noun right after the number
        if between and between[0].lower() in _NOT_COUNTED:
            continue  # "5 baje AC", "10 am fan": a time, not a count
        value = int(word) if word.isdigit() else _NUMBER_WORDS[word]
        if 1 <= value <= 50:
            return value
    return None


def _without_numbers_of_other_kinds(text: str) -> str:
    """Amounts and pincodes must not read as dates or clock times."""
    text = _BUDGET_AFTER.sub(" ", _BUDGET_CUE.sub(" ", text))
    text = _CURRENCY_AMOUNT.sub(" ", text)
    return re.sub(r"\b\d{5,}\b", " ", text)


def _service_words(text: str) -> str:
    """The text without digits-only tokens and amounts, which only add noise to the catalog search."""
    words = _TIME_WORDS.sub(" ", normalise_hinglish(_CURRENCY_AMOUNT.sub(" ", text)))
    return " ".join(re.sub(r"\b\d+\b", " ", words).split())
