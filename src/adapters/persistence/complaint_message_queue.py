"""SQLAlchemy adapter of the MessageQueue port: flagged chat messages on the priority queue."""

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence import tables as t
from adapters.persistence.errors import storage_errors
from adapters.persistence.locking import hold_write_lock

_q, _m = t.priority_queue.c, t.messages.c


class SqlaMessageQueue:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def enqueue_message(
        self, message_id: int, *, score: int, level: str, due_at: datetime, reason: str, now: datetime
    ) -> bool:
        values = {"score": score, "level": level, "due_at": due_at, "reason": reason[:200]}
        await hold_write_lock(self._session)
        async with storage_errors():
            if await self._session.scalar(select(_m.id).where(_m.id == message_id)) is None:
                return False
            await self._session.execute(update(t.messages).where(_m.id == message_id).values(flagged=True))
            found = await self._session.scalar(
                select(_q.id).where(_q.message_id == message_id).with_for_update()
            )
            if found is None:
                await self._session.execute(
                    t.priority_queue.insert().values(
                        item_type="message",
                        message_id=message_id,
                        status="waiting",
                        created_at=now,
                        updated_at=now,
                        **values,
                    )
                )
            else:
                await self._session.execute(
                    update(t.priority_queue)
                    .where(_q.id == found)
                    .values(status="waiting", updated_at=now, **values)
                )
        return True
