"""The booking events port over the `outbox` table, written through the request's session so the rows
commit (or roll back) with the booking change that produced them."""

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence import tables
from adapters.persistence.errors import storage_errors
from application.booking.events import Notice


class SqlaBookingOutbox:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def publish(self, notices: Sequence[Notice]) -> None:
        if not notices:
            return
        now = datetime.now(UTC)
        rows = [
            {
                "topic": f"notify.{n.channel}",
                "payload": {"to": n.to, "template": n.template, "data": n.data},
                "status": "pending",
                "attempts": 0,
                "available_at": n.available_at,
                "created_at": now,
            }
            for n in notices
        ]
        async with storage_errors():
            await self._session.execute(insert(tables.outbox), rows)
