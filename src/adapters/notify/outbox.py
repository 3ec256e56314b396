"""Notifications go into the transactional outbox; a delivery worker (email/SMS provider) drains it."""

from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.persistence import tables
from adapters.persistence.errors import storage_errors


class OutboxNotifier:
    """Writes `notify.<channel>` rows; nothing is sent from the request path, so a slow provider never slows
    an answer and a crash never loses a message."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def send(
        self, *, to: str, channel: Literal["email", "sms"], template: str, data: dict[str, str]
    ) -> None:
        now = datetime.now(UTC)
        row = {
            "topic": f"notify.{channel}",
            "payload": {"to": to, "template": template, "data": data},
            "status": "pending",
            "attempts": 0,
            "available_at": now,
            "created_at": now,
        }
        async with storage_errors(), self._engine.begin() as conn:
            await conn.execute(insert(tables.outbox), [row])
