"""Sections from plain text and Markdown: ATX headings in Markdown; numbered or short capitalised lines in
text (and in PDF text, where fonts are not available)."""

import re

from domain.knowledge.document import HEADING_SEPARATOR, Section

_ATX = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_NUMBERED = re.compile(r"^((?:\d+\.)+\d*|\d+\)|[A-Z]\.)\s+([A-Z][^.!?:]{1,80})$")
_FENCE = re.compile(r"^\s*(```|~~~)")


class SectionBuilder:
    """Collects lines under a stack of headings; `heading(level, text)` closes the current section."""

    def __init__(self) -> None:
        self.title = ""
        self._stack: list[tuple[int, str]] = []
        self._lines: list[str] = []
        self.sections: list[Section] = []

    def heading(self, level: int, text: str) -> None:
        self._flush()
        text = " ".join(text.split())
        if not self.title and level == 1:
            self.title = text
            self._stack = []
            return
        self._stack = [(lvl, t) for lvl, t in self._stack if lvl < level] + [(level, text)]

    def line(self, text: str) -> None:
        self._lines.append(text)

    def _flush(self) -> None:
        text = "\n".join(self._lines).strip()
        self._lines = []
        if text:
            path = HEADING_SEPARATOR.join(t for _, t in self._stack)
            self.sections.append(Section(heading=path, text=text))

    def finish(self) -> list[Section]:
        self._flush()
        return self.sections


def markdown_sections(text: str) -> tuple[str, list[Section]]:
    builder = SectionBuilder()
    fenced = False
    for raw in text.splitlines():
        if _FENCE.match(raw):
            fenced = not fenced
        match = None if fenced else _ATX.match(raw)
        if match:
            builder.heading(len(match.group(1)), match.group(2))
        else:
            builder.line(raw)
    return builder.title, builder.finish()


def numbered_level(line: str) -> int | None:
    """The heading level of a line like "3. Refunds" (1) or "3.2 Cash bookings" (2); None for body text."""
    match = _NUMBERED.match(line.strip())
    if not match:
        return None
    number = match.group(1).rstrip(".)")
    return number.count(".") + 1 if number[:1].isdigit() else 1


def plain_sections(text: str) -> tuple[str, list[Section]]:
    """Numbered headings ("2.1 Refunds") and short ALL-CAPS lines start sections; the first line of a text
    that starts with a short line without a full stop is its title."""
    builder = SectionBuilder()
    lines = text.splitlines()
    first = next((line.strip() for line in lines if line.strip()), "")
    if numbered_level(first) is not None:
        first = ""
    for raw in lines:
        stripped = raw.strip()
        level = numbered_level(stripped)
        if first and stripped == first and not builder.title and len(first) <= 100 and first[-1] not in ".,;":
            builder.heading(1, first)
        elif level is not None:
            builder.heading(level + 1, stripped)
        elif 3 <= len(stripped) <= 60 and stripped.isupper() and any(c.isalpha() for c in stripped):
            builder.heading(2, stripped.title())
        else:
            builder.line(raw)
    return builder.title, builder.finish()
