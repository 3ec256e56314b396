"""When a customer wants something, from English, Indian English and Hinglish, as a window in IST.

Hinglish is normalised to English first ("kal" -> tomorrow, "parso" -> day after tomorrow,
"shaam 5 baje" -> 5 pm), then the day and the time of day are found separately: explicit calendar dates
go through dateparser (future preferred, relative to `now`), the rest is resolved here so that the same
text and `now` always give the same window.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import dateparser

from application.nlp.ports import TimeWindow

IST = ZoneInfo("Asia/Kolkata")
PARTS_OF_DAY = {"morning": (8, 12), "afternoon": (12, 16), "evening": (16, 20), "night": (20, 23)}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_HINGLISH = [
    (r"\b(?:tmrw|tmr|tomorow|tommorow|tommorrow|tomorrw|2moro|kal|कल)\b", "tomorrow"),
    (r"\b(?:parso|parson|parsoon|parsu|परसों)\b", "day after tomorrow"),
    (r"\b(?:aaj|aj|आज)\b", "today"),
    (r"\b(?:subah|subha|सुबह)\b", "morning"),
    (r"\b(?:dopahar|dopehar|dophar|दोपहर)\b", "afternoon"),
    (r"\b(?:shaam|sham|शाम)\b", "evening"),
    (r"\b(?:raat|रात)\b", "night"),
    (r"\b(?:tonight)\b", "today night"),
    (r"\b(?:agle|agla|next)\s+(?:hafte|hafta|week)\b", "next week"),
    (r"\b(?:is|iss|this)\s+weekend\b", "this weekend"),
    (r"\bagle\b", "next"),
    (r"\b(?:somvar|somwar)\b", "monday"),
    (r"\b(?:mangalvar|mangalwar)\b", "tuesday"),
    (r"\b(?:budhvar|budhwar)\b", "wednesday"),
    (r"\b(?:guruvar|guruwar|veervar|brihaspativar)\b", "thursday"),
    (r"\b(?:shukravar|shukrawar)\b", "friday"),
    (r"\b(?:shanivar|shaniwar)\b", "saturday"),
    (r"\b(?:ravivar|raviwar|itwar|itvar)\b", "sunday"),
]
_HINGLISH_RE = [(re.compile(p, re.IGNORECASE), r) for p, r in _HINGLISH]

_MONTHS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_CALENDAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?((?:{_MONTHS})[a-z]*)\b"
    rf"|\b((?:{_MONTHS})[a-z]*)\s+(\d{{1,2}})(?:st|nd|rd|th)?\b",
    re.IGNORECASE,
)
# 25/12, 25/12/26, 25/12/2026, 25-12-2026 (a dash only with a year: "500-800" is a range, not a date).
_NUMERIC_DATE = re.compile(
    r"(?<![\d/-])(\d{1,2})(?:/(\d{1,2})(?:/(\d{4}|\d{2}))?|-(\d{1,2})-(\d{4}|\d{2}))(?![\d/-])"
)
# "not tomorrow", "instead of friday" / "kal nahi", "kal ki jagah": a day the customer does not want.
_NEGATED_BEFORE = re.compile(r"\b(?:not|no|instead\s+of|rather\s+than)\s+$", re.IGNORECASE)
_NEGATED_AFTER = re.compile(
    r"^\s*,?\s*(?:nahi|nahin|nai|na|not|mat|ki\s+jagah|ke\s+bajaye|ke\s+bajay)\b", re.IGNORECASE
)
_DAY_OF_MONTH = re.compile(
    r"\b(?:on|the|by|to|from|till|until|before)\s+(?:the\s+)?(\d{1,2})(st|nd|rd|th)\b", re.IGNORECASE
)
_RELATIVE_DAY = re.compile(
    r"\b(day after tomorrow|tomorrow|today|this weekend|next weekend|weekend|next week"
    r"|in (\d{1,2}) days?|(?:(this|next|coming)\s+)?(" + "|".join(WEEKDAYS) + r"))\b",
    re.IGNORECASE,
)
_CLOCK = re.compile(
    r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)"
    r"|\b(\d{1,2})[:.](\d{2})\b(?!\s*(?:am|pm))"
    r"|\b(\d{1,2})(?::(\d{2}))?\s*(?:baje|bje|o\s?clock)\b"
    r"|\bat\s+(\d{1,2})\b(?![:\d/])(?!\s*(?:[ap]\.?m\b|baje|bje|o\s?clock))"
    r"|\b(noon|midday|midnight)\b",
    re.IGNORECASE,
)
_PART = re.compile(r"\b(morning|afternoon|evening|night|after lunch)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Day:
    start: date
    days: int
    text: str


def normalise_hinglish(text: str) -> str:
    for pattern, replacement in _HINGLISH_RE:
        text = pattern.sub(replacement, text)
    return text


def find_window(text: str, now: datetime) -> TimeWindow | None:
    """The window the text asks for, or None when it names no day or time."""
    local_now = now.astimezone(IST)
    english = normalise_hinglish(text)
    day = _find_day(english, local_now)
    part = _PART.search(english)
    clock = _find_clock(english, part.group(1).lower() if part else None)
    if day is None and part is None and clock is None:
        return None
    phrase = " ".join(
        p for p in (day.text if day else "", part.group(0) if part else "", clock[1] if clock else "") if p
    )
    base_day = day.start if day else local_now.date()
    if clock is not None:
        start = datetime.combine(base_day, clock[0], IST)
        if _after_midnight(clock[0], part.group(1).lower() if part else None):
            start += timedelta(days=1)  # "raat 1 baje", "kal raat 12 baje": the small hours after that night
        if day is None and start <= local_now:
            start += timedelta(days=1)
        return TimeWindow(start, start + timedelta(hours=1), phrase)
    if part is not None:
        name = "afternoon" if part.group(1).lower() == "after lunch" else part.group(1).lower()
        first, last = PARTS_OF_DAY[name]
        start = datetime.combine(base_day, time(first), IST)
        if day is None and datetime.combine(base_day, time(last), IST) <= local_now:
            start += timedelta(days=1)
        return TimeWindow(start, start + timedelta(hours=last - first), phrase)
    assert day is not None
    start = datetime.combine(day.start, time(0), IST)
    return TimeWindow(start, start + timedelta(days=day.days), phrase)


def _find_day(text: str, now: datetime) -> _Day | None:
    today = now.date()
    numeric = _first_wanted(_NUMERIC_DATE, text)
    if numeric:
        found = _numeric_day(numeric, today)
        if found is not None:
            return found
    calendar = _first_wanted(_CALENDAR, text)
    if calendar:
        parsed = dateparser.parse(
            calendar.group(0),
            languages=["en", "hi"],
            settings={
                "PREFER_DATES_FROM": "future",
                "RELATIVE_BASE": now.replace(tzinfo=None),
                "DATE_ORDER": "DMY",
                "RETURN_AS_TIMEZONE_AWARE": False,
            },
        )
        if parsed is not None:
            return _Day(parsed.date(), 1, calendar.group(0))
    relative = _first_wanted(_RELATIVE_DAY, text)
    if relative:
        return _relative_day(relative, today)
    nth = _first_wanted(_DAY_OF_MONTH, text)
    if nth and 1 <= int(nth.group(1)) <= 31:
        return _next_day_of_month(int(nth.group(1)), today, nth.group(0))
    return None


def _first_wanted(pattern: "re.Pattern[str]", text: str) -> re.Match[str] | None:
    """The first match that is not negated ("kal nahi parso" wants the day after tomorrow)."""
    for match in pattern.finditer(text):
        if _NEGATED_BEFORE.search(text[: match.start()]) or _NEGATED_AFTER.match(text[match.end() :]):
            continue
        return match
    return None


def _numeric_day(match: re.Match[str], today: date) -> _Day | None:
    """Day first, as written in India (5/12 is 5 December). When the second number cannot be a month
    but the first can (12/25, 3/15), the date is read month first. Without a year, the next such date
    from today; a two-digit year is 20yy. Impossible dates (31/2, 40/40) name no day."""
    first, second = int(match.group(1)), int(match.group(2) or match.group(4))
    year_text = match.group(3) or match.group(5)
    day, month = (second, first) if second > 12 >= first else (first, second)
    year = (2000 + int(year_text) if len(year_text) == 2 else int(year_text)) if year_text else today.year
    try:
        found = date(year, month, day)
        if year_text is None and found < today:
            found = date(year + 1, month, day)
    except ValueError:
        return None
    return _Day(found, 1, match.group(0))


_DAYS_AHEAD = {"today": 0, "tomorrow": 1, "day after tomorrow": 2}


def _relative_day(match: re.Match[str], today: date) -> _Day:
    phrase, said = match.group(1).lower(), match.group(0)
    if phrase in _DAYS_AHEAD:
        return _Day(today + timedelta(days=_DAYS_AHEAD[phrase]), 1, said)
    if phrase in ("this weekend", "weekend", "next weekend"):
        saturday = today + timedelta(days=(5 - today.weekday()) % 7)
        if today.weekday() == 6:
            saturday = today - timedelta(days=1)
        if phrase == "next weekend":
            saturday += timedelta(days=7)
        start = max(saturday, today)
        return _Day(start, (saturday + timedelta(days=2) - start).days, said)
    next_monday = today + timedelta(days=7 - today.weekday())
    if phrase == "next week":
        return _Day(next_monday, 7, said)
    if match.group(2):
        return _Day(today + timedelta(days=int(match.group(2))), 1, said)
    weekday = WEEKDAYS.index(match.group(4).lower())
    if (match.group(3) or "").lower() == "next":
        return _Day(next_monday + timedelta(days=weekday), 1, said)
    return _Day(today + timedelta(days=(weekday - today.weekday()) % 7 or 7), 1, said)


def _next_day_of_month(day: int, today: date, text: str) -> _Day | None:
    year, month = today.year, today.month
    for _ in range(3):
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = None
        if candidate is not None and candidate >= today:
            return _Day(candidate, 1, text)
        month, year = (1, year + 1) if month == 12 else (month + 1, year)
    return None


def _find_clock(text: str, part: str | None) -> tuple[time, str] | None:
    match = _CLOCK.search(text)
    if match is None:
        return None
    g = match.groups()
    if g[8]:
        return (time(0) if g[8].lower() == "midnight" else time(12)), match.group(0)
    if g[0]:
        hour, minute = int(g[0]), int(g[1] or 0)
        valid = 1 <= hour <= 12
        hour = hour % 12 + (12 if g[2].lower().startswith("p") else 0)
    elif g[3]:
        hour, minute = int(g[3]), int(g[4])
        valid = hour <= 23
        hour = _guess_meridiem(hour, part) if 1 <= hour <= 12 else hour
    else:
        hour, minute = int(g[5] or g[7]), int(g[6] or 0)
        valid = 1 <= hour <= 12
        hour = _guess_meridiem(hour, part) if valid else hour
    if not valid or minute > 59:
        return None
    return time(hour, minute), match.group(0)


NIGHT_SMALL_HOURS = 4
"""At night, a bare hour up to this (and 12) is after midnight: "raat 12 baje" 00:00, "raat 2 baje" 02:00."""


def _after_midnight(clock: time, part: str | None) -> bool:
    return part == "night" and clock.hour <= NIGHT_SMALL_HOURS


def _guess_meridiem(hour: int, part: str | None) -> int:
    """A bare hour: the part of the day decides ("shaam 5" -> 17:00, "raat 10" -> 22:00, "raat 12" ->
    00:00 and "raat 1" -> 01:00 after that night); otherwise 8-11 are morning and 12-7 afternoon or
    evening, the hours people book home services in."""
    if part == "night":
        return hour % 12 if hour % 12 <= NIGHT_SMALL_HOURS else hour % 12 + 12
    if part in ("afternoon", "evening", "after lunch"):
        return hour % 12 + 12
    if part == "morning":
        return hour % 12
    return hour if 8 <= hour <= 11 else hour % 12 + 12
