"""Heading-aware chunking: each section is cut into windows of at most `max_chars` that end on a paragraph,
sentence or word break and overlap the previous window by about `overlap` characters.

Every non-blank character of a section lies inside at least one chunk, and no chunk is blank. A chunk keeps
its offsets in the section's text, so `section.text[start:end] == chunk.text`.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from domain.knowledge.document import HEADING_SEPARATOR, Section

CHUNKING_VERSION = "v1"
MAX_CHARS = 1200
OVERLAP = 200
_BREAKS = ("\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " ")


@dataclass(frozen=True, slots=True)
class ChunkDraft:
    ordinal: int
    heading: str
    text: str
    start: int
    end: int

    @property
    def token_count(self) -> int:
        return len(self.text.split())

    def index_text(self, title: str) -> str:
        return index_text(title, self.heading, self.text)


def index_text(title: str, heading: str, text: str) -> str:
    """What search indexes: the document title and heading path give a chunk its context."""
    return f"{title}{HEADING_SEPARATOR + heading if heading else ''}\n{text}"


def _skip_blank(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _cut(text: str, start: int, max_chars: int) -> int:
    """Where the window that begins at `start` ends: the last good break in its second half."""
    limit = start + max_chars
    if limit >= len(text):
        return len(text)
    floor = start + max_chars // 2
    for mark in _BREAKS:
        at = text.rfind(mark, floor, limit)
        if at != -1:
            return at + len(mark)
    return limit


def windows(text: str, *, max_chars: int = MAX_CHARS, overlap: int = OVERLAP) -> list[tuple[int, int]]:
    """(start, end) offsets of the chunks of `text`, trimmed of surrounding blanks, in order."""
    if max_chars < 20 or not 0 <= overlap < max_chars // 2:
        raise ValueError("need max_chars >= 20 and 0 <= overlap < max_chars / 2")
    spans: list[tuple[int, int]] = []
    start = _skip_blank(text, 0)
    while start < len(text):
        end = _cut(text, start, max_chars)
        trimmed = end
        while trimmed > start and text[trimmed - 1].isspace():
            trimmed -= 1
        spans.append((start, trimmed))
        if end >= len(text):
            break
        back = max(end - overlap, start + 1)
        space = text.find(" ", back, end)
        nxt = space + 1 if overlap and space != -1 else back
        start = _skip_blank(text, min(nxt, end))
    return spans


def chunk_sections(
    sections: Sequence[Section], *, max_chars: int = MAX_CHARS, overlap: int = OVERLAP
) -> list[ChunkDraft]:
    """The chunks of every section in order, numbered from 0; blank sections give none."""
    chunks: list[ChunkDraft] = []
    for section in sections:
        for start, end in windows(section.text, max_chars=max_chars, overlap=overlap):
            text = section.text[start:end]
            chunks.append(ChunkDraft(len(chunks), section.heading[:200], text, start, end))
    return chunks
