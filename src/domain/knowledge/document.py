"""Knowledge-base documents as the domain sees them: a kind, a title and sections under headings."""

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from domain.knowledge.errors import UnreadableDocument

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
HEADING_SEPARATOR = " > "


class DocumentKind(StrEnum):
    POLICY = "policy"
    FAQ = "faq"
    GUIDE = "guide"
    PRICING = "pricing"


@dataclass(frozen=True, slots=True)
class Section:
    """Text under one heading; `heading` is the path of headings above it ("Refunds > Cash bookings")."""

    heading: str
    text: str


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """What a parser read from a file: a title and its sections in order."""

    title: str
    sections: tuple[Section, ...]

    @property
    def body(self) -> str:
        parts = [f"{s.heading}\n{s.text}" if s.heading else s.text for s in self.sections]
        return "\n\n".join(part.strip() for part in parts if part.strip())


def slugify(name: str) -> str:
    """A lowercase ASCII slug of a file name or title ("Privacy Policy.pdf" -> "privacy-policy")."""
    stem = re.sub(r"\.(pdf|docx|md|markdown|txt)$", "", name.strip(), flags=re.IGNORECASE)
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:120].strip("-")
    if not slug:
        raise UnreadableDocument(f"cannot make a document slug from {name!r}")
    return slug
