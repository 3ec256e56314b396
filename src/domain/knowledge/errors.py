"""Why a document cannot be taken in or a search cannot run."""

from domain.shared.errors import DomainError


class DocumentTooLarge(DomainError):
    code = "document_too_large"

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"the file has {size:,} bytes; at most {limit:,} are accepted")
        self.problem_extra = {"size": size, "limit": limit}


class UnsupportedDocumentType(DomainError):
    """The content is not PDF, DOCX, Markdown or plain text (judged by the bytes, not only the name)."""

    code = "unsupported_document_type"


class UnreadableDocument(DomainError):
    """The file is of a supported type but holds no usable text (corrupt, encrypted, scanned, empty)."""

    code = "unreadable_document"


class InvalidSearchQuery(DomainError):
    code = "invalid_search_query"
