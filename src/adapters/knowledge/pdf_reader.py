"""PDF through pypdf. Lines set in a font clearly larger than the body text start sections (the largest size
on the first page is the title); without size differences, numbered lines ("2.1 Refunds") do."""

import io
import logging
from collections import Counter
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from adapters.knowledge.text_sections import SectionBuilder, numbered_level, plain_sections
from domain.knowledge.document import Section
from domain.knowledge.errors import UnreadableDocument

MAX_PAGES = 500
logging.getLogger("pypdf").setLevel(logging.ERROR)


def _lines(reader: PdfReader) -> list[tuple[str, float]]:
    """(text, font size) of every line, pages in order."""
    lines: list[tuple[str, float]] = []
    for page in reader.pages[:MAX_PAGES]:
        parts: list[tuple[str, float]] = []

        def visit(
            text: str, cm: Any, tm: Any, font: Any, size: float, parts: list[tuple[str, float]] = parts
        ) -> None:
            scale = abs(float(tm[3])) if tm and float(tm[3]) else 1.0
            parts.append((text, round(float(size) * scale, 1)))

        page.extract_text(visitor_text=visit)
        current: list[str] = []
        sizes: list[float] = []
        for text, size in parts:
            for n, piece in enumerate(text.split("\n")):
                if n > 0:
                    lines.append(("".join(current), max(sizes, default=0.0)))
                    current, sizes = [], []
                if piece.strip():
                    current.append(piece)
                    sizes.append(size)
        lines.append(("".join(current), max(sizes, default=0.0)))
    return [(" ".join(t.split()), s) for t, s in lines if t.strip()]


def pdf_sections(data: bytes) -> tuple[str, list[Section]]:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableDocument("the PDF is encrypted")
        lines = _lines(reader)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise UnreadableDocument(f"the PDF cannot be read ({type(exc).__name__})") from exc
    if not lines:
        raise UnreadableDocument("the PDF holds no extractable text (a scan needs OCR first)")
    weights = Counter[float]()
    for text, size in lines:
        weights[size] += len(text)
    body = weights.most_common(1)[0][0]
    larger = sorted({s for _, s in lines if s >= body * 1.15}, reverse=True)
    if not larger:
        return plain_sections("\n".join(t for t, _ in lines))
    builder = SectionBuilder()
    for text, size in lines:
        if size in larger and len(text) <= 120:
            builder.heading(larger.index(size) + 1, text)
        elif (level := numbered_level(text)) is not None and len(larger) == 1:
            builder.heading(level + 1, text)
        else:
            builder.line(text)
    return builder.title, builder.finish()
