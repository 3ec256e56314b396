"""Tiny PDF and DOCX files built in code, for the parser and upload tests."""

import io

import docx
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(lines: list[tuple[str, float]]) -> bytes:
    """A one-page PDF with each (text, font size) on its own line, in Helvetica."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    ops, y = [], 800
    for text, size in lines:
        ops.append(f"BT /F1 {size:g} Tf 50 {y} Td ({_escape(text)}) Tj ET")
        y -= int(size * 1.8)
    stream = DecodedStreamObject()
    stream.set_data("\n".join(ops).encode("latin-1"))
    page[NameObject("/Contents")] = ArrayObject([writer._add_object(stream)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(
    title: str,
    parts: list[tuple[str, str]],
    table_after: int | None = None,
    rows: list[list[str]] | None = None,
) -> bytes:
    """A DOCX with a Title paragraph, then per (heading, text) a Heading 1 and a body paragraph; with
    `table_after`, a table of `rows` after that part."""
    document = docx.Document()
    document.add_heading(title, level=0)
    for n, (heading, text) in enumerate(parts):
        document.add_heading(heading, level=1)
        document.add_paragraph(text)
        if n == table_after and rows:
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, values in enumerate(rows):
                for c, value in enumerate(values):
                    table.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
