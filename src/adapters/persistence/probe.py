"""Readiness probe for the database: it answers, and its schema is at the code's migration head."""

from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.persistence.errors import storage_errors
from application.common.errors import DependencyUnavailable


class SqlaDatabaseProbe:
    name = "database"

    def __init__(self, engine: AsyncEngine, expected_heads: Sequence[str] = ()) -> None:
        self._engine = engine
        self._expected = sorted(expected_heads)

    async def check(self) -> None:
        try:
            async with storage_errors(), self._engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
                if self._expected:
                    try:
                        rows = await conn.execute(text("SELECT version_num FROM alembic_version"))
                        current = sorted(r[0] for r in rows)
                    except DBAPIError:
                        current = []
        except DependencyUnavailable as exc:
            raise DependencyUnavailable(self.name, exc.message) from exc
        if self._expected and current != self._expected:
            raise DependencyUnavailable(
                self.name,
                f"schema at {current or 'nothing'}, code expects {self._expected}: run `nexora db upgrade`",
            )
