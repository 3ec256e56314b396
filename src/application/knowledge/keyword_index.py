"""The keyword index each process keeps over the knowledge corpus, rebuilt only when the corpus changes."""

import asyncio

from application.knowledge.ports import KeywordScorer, KeywordScorerFactory, KnowledgeRepository


class KeywordIndex:
    """One per process. Each search asks the store for the corpus version (one cheap query) and rebuilds the
    scorer from SQL only when it changed, so every process sees another's ingestion on its next search."""

    def __init__(self, factory: KeywordScorerFactory) -> None:
        self._factory = factory
        self._current: tuple[str, KeywordScorer] | None = None
        self._lock = asyncio.Lock()
        self.builds = 0

    async def scorer(self, repository: KnowledgeRepository) -> KeywordScorer:
        version = await repository.corpus_version()
        current = self._current
        if current is not None and current[0] == version:
            return current[1]
        async with self._lock:
            current = self._current
            if current is None or current[0] != version:
                corpus = await repository.corpus()
                current = (version, self._factory.build(corpus))
                self._current = current
                self.builds += 1
        return current[1]
