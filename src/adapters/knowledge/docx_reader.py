"""DOCX through python-docx: "Title" and "Heading N" paragraph styles start sections; tables are read row by
row where they stand in the body."""

import io
import re

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table

from adapters.knowledge.text_sections import SectionBuilder
from domain.knowledge.document import Section
from domain.knowledge.errors import UnreadableDocument

_HEADING = re.compile(r"^Heading\s+(\d)$")


def docx_sections(data: bytes) -> tuple[str, list[Section]]:
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise UnreadableDocument(f"the DOCX file cannot be read ({type(exc).__name__})") from exc
    builder = SectionBuilder()
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                builder.line(" | ".join(cell.text.strip() for cell in row.cells))
            continue
        style = block.style.name if block.style is not None else ""
        text = block.text.strip()
        match = _HEADING.match(style or "")
        if style == "Title" and text:
            builder.heading(1, text)
        elif match and text:
            builder.heading(int(match.group(1)) + 1, text)
        else:
            builder.line(block.text)
    return builder.title, builder.finish()
