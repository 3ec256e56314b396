"""Parsing uploads: the type comes from the content, sections from headings in each format."""

import io
import zipfile

import pytest

from adapters.knowledge.parsers import FileDocumentParser, sniff
from domain.knowledge.errors import UnreadableDocument, UnsupportedDocumentType
from tests.document_fixtures import docx_bytes, pdf_bytes

parser = FileDocumentParser()

MARKDOWN = b"""# Care Guide

Intro text.

## Before the visit

Clear the area.

### Pets

Keep pets away.

```
# not a heading inside code
```

## After the visit

Ventilate the room.
"""


def headings(data: bytes, filename: str) -> list[tuple[str, str]]:
    return [(s.heading, s.text) for s in parser.parse(data, filename=filename).sections]


def test_markdown_headings_become_section_paths_under_the_title() -> None:
    doc = parser.parse(MARKDOWN, filename="care.md")
    assert doc.title == "Care Guide"
    assert [s.heading for s in doc.sections] == [
        "",
        "Before the visit",
        "Before the visit > Pets",
        "After the visit",
    ]
    assert "# not a heading inside code" in doc.sections[2].text


def test_plain_text_numbered_and_capitalised_lines_start_sections() -> None:
    text = (
        b"Service Handbook\n\n1. Scope\nThis covers visits.\n1.1 Exceptions\nNone apply.\n"
        b"PAYMENTS\nUPI or cash.\n"
    )
    doc = parser.parse(text, filename="handbook.txt")
    assert doc.title == "Service Handbook"
    assert [(s.heading, s.text) for s in doc.sections] == [
        ("1. Scope", "This covers visits."),
        ("1. Scope > 1.1 Exceptions", "None apply."),
        ("Payments", "UPI or cash."),
    ]


def test_pdf_lines_in_a_larger_font_start_sections() -> None:
    data = pdf_bytes(
        [
            ("Warranty Guide", 20),
            ("Spare parts", 15),
            ("Parts carry the maker warranty.", 11),
            ("Claims", 15),
            ("Raise a complaint in the app.", 11),
        ]
    )
    doc = parser.parse(data, filename="warranty.pdf")
    assert doc.title == "Warranty Guide"
    assert [(s.heading, s.text) for s in doc.sections] == [
        ("Spare parts", "Parts carry the maker warranty."),
        ("Claims", "Raise a complaint in the app."),
    ]


def test_pdf_numbered_headings_start_sections_when_all_text_has_one_size() -> None:
    data = pdf_bytes(
        [("1. Refunds", 11), ("Paid back in days.", 11), ("2. Cash", 11), ("Nothing to refund.", 11)]
    )
    assert headings(data, "policy.pdf") == [
        ("1. Refunds", "Paid back in days."),
        ("2. Cash", "Nothing to refund."),
    ]


def test_docx_heading_styles_start_sections() -> None:
    data = docx_bytes("Damage Guide", [("Cover", "Up to INR 10,000."), ("Claims", "Report within 48 hours.")])
    doc = parser.parse(data, filename="damage.docx")
    assert doc.title == "Damage Guide"
    assert [(s.heading, s.text) for s in doc.sections] == [
        ("Cover", "Up to INR 10,000."),
        ("Claims", "Report within 48 hours."),
    ]


def test_docx_tables_are_read_row_by_row_in_the_section_where_they_stand() -> None:
    rows = [["Category", "Warranty"], ["Plumbing", "30 days"]]
    data = docx_bytes("Warranty", [("Periods", "By category:"), ("Claims", "Use the app.")], 0, rows)
    doc = parser.parse(data, filename="warranty.docx")
    assert [(s.heading, s.text) for s in doc.sections] == [
        ("Periods", "By category:\nCategory | Warranty\nPlumbing | 30 days"),
        ("Claims", "Use the app."),
    ]


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "photo.png"),
        (b"MZ\x90\x00\x03\x00\x00\x00", "policy.pdf"),
        (b"plain words", "policy.pdf"),
        (b"%PDF-1.4 fake", "notes.txt"),
        (b"\x00\x01\x02\x03", "notes.md"),
        (b"text", "script.exe"),
    ],
)
def test_content_that_is_not_what_the_name_says_is_refused_as_unsupported(data: bytes, filename: str) -> None:
    with pytest.raises(UnsupportedDocumentType):
        parser.parse(data, filename=filename)


def test_a_zip_that_is_not_a_word_document_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert sniff(out.getvalue()) == "binary"
    with pytest.raises(UnsupportedDocumentType):
        parser.parse(out.getvalue(), filename="fake.docx")


@pytest.mark.parametrize(
    ("data", "filename"),
    [(b"%PDF-1.4\n%%EOF", "broken.pdf"), (b"  \n\n ", "blank.md"), (b"# Only a title\n", "title.md")],
)
def test_files_without_readable_text_are_refused_as_unreadable(data: bytes, filename: str) -> None:
    with pytest.raises(UnreadableDocument):
        parser.parse(data, filename=filename)


def test_a_pdf_without_text_is_refused_as_unreadable() -> None:
    with pytest.raises(UnreadableDocument):
        parser.parse(pdf_bytes([]), filename="scan.pdf")
