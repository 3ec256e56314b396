"""Ops list the knowledge base's documents."""

from application.knowledge.ports import KnowledgeRepository
from application.knowledge.views import DocumentView
from application.staff.access import Operator, require

VIEW = "documents.view"


class ListDocuments:
    """Needs documents.view. Active documents by slug with their versions and chunk counts."""

    def __init__(self, repository: KnowledgeRepository) -> None:
        self._repository = repository

    async def execute(self, *, actor: Operator) -> list[DocumentView]:
        require(actor, VIEW)
        return [
            DocumentView(d.id, d.slug, d.title, d.kind, d.version, d.chunks, d.updated_at)
            for d in await self._repository.documents()
        ]
