"""Ingest the documents that ship with Nexora (its own policies): run by every seed, a no-op if unchanged."""

from collections.abc import Callable

from application.identity.actors import SystemActor
from application.knowledge.commands.ingest_document import IngestDocument, IngestDocumentHandler
from application.knowledge.ports import DocumentLibrary
from application.knowledge.views import IngestResult


class IngestLibraryHandler:
    """Run by the system (seed, CLI). Each shipped file goes through IngestDocument, so an unchanged one
    costs a checksum comparison and a changed one replaces its chunks."""

    def __init__(self, library: DocumentLibrary, ingest: IngestDocumentHandler) -> None:
        self._library = library
        self._ingest = ingest

    async def execute(self, *, progress: Callable[[int, int], None] | None = None) -> list[IngestResult]:
        files = self._library.files()
        results = []
        for done, shipped in enumerate(files, start=1):
            cmd = IngestDocument(filename=shipped.filename, data=shipped.data, kind=shipped.kind)
            results.append(await self._ingest.execute(cmd, actor=SystemActor("seed")))
            if progress is not None:
                progress(done, len(files))
        return results
