"""Formats and ranges of catalog fields, shared by new entries (drafts) and changes to existing ones.

Each function returns the cleaned value or raises InvalidCatalogValue naming the field.
"""

import re
from collections.abc import Sequence

from domain.catalog.errors import InvalidCatalogValue

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
CODE = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)*")
MAX_DURATION_MINUTES = 7 * 24 * 60
MAX_SORT_ORDER = 1_000_000
MAX_PHRASES = 50
MAX_PHRASE_LENGTH = 200
MAX_DESCRIPTION_LENGTH = 5000


def slug(value: str, *, max_length: int) -> str:
    """Lower-case letters and digits in words joined by single hyphens (`ac-repair`), at most `max_length`."""
    if not (len(value) <= max_length and SLUG.fullmatch(value)):
        raise InvalidCatalogValue(
            "slug", f"'{value}' is not a slug: lower-case words joined by hyphens, at most {max_length}"
        )
    return value


def code(value: str, *, max_length: int = 60) -> str:
    """Upper-case letters and digits in words joined by single hyphens (`CLN-FHDC-2BHK`)."""
    if not (len(value) <= max_length and CODE.fullmatch(value)):
        raise InvalidCatalogValue(
            "code", f"'{value}' is not a code: upper-case words joined by hyphens, at most {max_length}"
        )
    return value


def title(value: str, *, max_length: int, field: str = "name") -> str:
    """Inner runs of spaces collapsed, ends trimmed; 1 to `max_length` characters."""
    cleaned = " ".join(value.split())
    if not 1 <= len(cleaned) <= max_length:
        raise InvalidCatalogValue(field, f"{field} must be 1 to {max_length} characters")
    return cleaned


def text(value: str, *, field: str, max_length: int = MAX_DESCRIPTION_LENGTH) -> str:
    """Ends trimmed; may be empty."""
    cleaned = value.strip()
    if len(cleaned) > max_length:
        raise InvalidCatalogValue(field, f"{field} must be at most {max_length} characters")
    return cleaned


def duration(minutes: int) -> int:
    """A service lasts 1 minute to 7 days."""
    if not 1 <= minutes <= MAX_DURATION_MINUTES:
        raise InvalidCatalogValue("duration_minutes", f"a duration is 1 to {MAX_DURATION_MINUTES} minutes")
    return minutes


def sort_order(value: int) -> int:
    if not 0 <= value <= MAX_SORT_ORDER:
        raise InvalidCatalogValue("sort_order", f"sort order is 0 to {MAX_SORT_ORDER}")
    return value


def phrases(values: Sequence[str], *, field: str) -> list[str]:
    """Trimmed, non-empty phrases, duplicates dropped (first kept), at most MAX_PHRASES."""
    cleaned: list[str] = []
    for value in values:
        phrase = " ".join(value.split())
        if not 1 <= len(phrase) <= MAX_PHRASE_LENGTH:
            raise InvalidCatalogValue(field, f"each of {field} must be 1 to {MAX_PHRASE_LENGTH} characters")
        if phrase not in cleaned:
            cleaned.append(phrase)
    if len(cleaned) > MAX_PHRASES:
        raise InvalidCatalogValue(field, f"at most {MAX_PHRASES} {field}")
    return cleaned
