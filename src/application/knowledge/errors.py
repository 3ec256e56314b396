"""Errors of the knowledge use cases (the domain's cover files and queries)."""

from application.common.errors import Conflict


class DocumentBusy(Conflict):
    """Another request added the same document at the same moment."""

    code = "document_busy"

    def __init__(self, slug: str) -> None:
        super().__init__(f"document {slug!r} is being ingested by another request; try again")
        self.problem_extra = {"slug": slug}
