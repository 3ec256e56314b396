"""The booking events port over the `outbox` table, written through the request's session so the rows
commit (or roll back) with the booking change that produced them."""

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import insert, update
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
                "subject": n.subject,
                "created_at": now,
            }
            for n in notices
        ]
        async with storage_errors():
            await self._session.execute(insert(tables.outbox), rows)

    async def withdraw(self, subject: str) -> int:
        statement = (
            update(tables.outbox)
            .where(tables.outbox.c.subject == subject, tables.outbox.c.status == "pending")
            .values(status="withdrawn", last_error="withdrawn: no longer applies")
        )
        async with storage_errors():
            conn = await self._session.connection()
            result = await conn.execute(statement)
        return int(result.rowcount)
