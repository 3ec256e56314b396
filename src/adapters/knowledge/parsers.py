"""Reading uploaded files: the type comes from the bytes (PDF magic, a DOCX zip, UTF-8 text), and the file
name's extension must agree with it."""

import io
import zipfile
from pathlib import PurePath

from adapters.knowledge.text_sections import markdown_sections, plain_sections
from domain.knowledge.document import ParsedDocument, Section
from domain.knowledge.errors import UnreadableDocument, UnsupportedDocumentType

EXTENSIONS = {".pdf": "pdf", ".docx": "docx", ".md": "markdown", ".markdown": "markdown", ".txt": "text"}
ACCEPTED = "PDF, DOCX, Markdown (.md) or plain text (.txt)"


def sniff(data: bytes) -> str:
    """ "pdf", "docx", "text" or "binary", from the content alone."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return "docx" if "word/document.xml" in archive.namelist() else "binary"
        except zipfile.BadZipFile:
            return "binary"
    if b"\x00" in data[:8192]:
        return "binary"
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "binary"
    return "text"


class FileDocumentParser:
    """The DocumentParser port for PDF (pypdf), DOCX (python-docx), Markdown and UTF-8 text."""

    def parse(self, data: bytes, *, filename: str) -> ParsedDocument:
        declared = EXTENSIONS.get(PurePath(filename).suffix.lower())
        if declared is None:
            raise UnsupportedDocumentType(f"{filename!r}: only {ACCEPTED} files are accepted")
        actual = sniff(data)
        expected = "text" if declared in ("markdown", "text") else declared
        if actual != expected:
            found = "binary data" if actual == "binary" else f"{actual.upper()} content"
            raise UnsupportedDocumentType(f"{filename!r} is named as {declared.upper()} but holds {found}")
        title, sections = self._sections(declared, data)
        sections = [s for s in sections if s.text.strip()]
        if not sections:
            raise UnreadableDocument(f"{filename!r} holds no text to index")
        return ParsedDocument(title=title or _title_from(filename), sections=tuple(sections))

    def _sections(self, kind: str, data: bytes) -> tuple[str, list[Section]]:
        if kind == "pdf":
            from adapters.knowledge.pdf_reader import pdf_sections  # pypdf loads on the first PDF

            return pdf_sections(data)
        if kind == "docx":
            from adapters.knowledge.docx_reader import docx_sections  # python-docx: on the first DOCX

            return docx_sections(data)
        text = data.decode("utf-8-sig").replace("\r\n", "\n")
        return markdown_sections(text) if kind == "markdown" else plain_sections(text)


def _title_from(filename: str) -> str:
    return PurePath(filename).stem.replace("-", " ").replace("_", " ").strip().capitalize() or "Untitled"
