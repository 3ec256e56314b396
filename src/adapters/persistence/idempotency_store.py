"""SQL adapter of the IdempotencyStore port over the `idempotency_keys` table (unique on scope and key).

The claim is an INSERT, the first write of the use case's transaction. A concurrent claim of the same key
blocks on the unique index until the first transaction ends (MariaDB row lock; SQLite's single writer),
then fails, rolls back and reads the committed row: it replays that response. If the first transaction
rolled back instead, the key is free again and is claimed. Only committed (successful) responses are kept.
"""

from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence import tables as t
from adapters.persistence.errors import storage_errors
from application.booking.errors import IdempotencyKeyReused, RequestInProgress
from application.booking.ports import StoredResponse

_k = t.idempotency_keys.c
ROUNDS = 3


class SqlIdempotencyStore:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def claim(
        self, scope: str, key: str, request_hash: str, *, now: datetime, ttl: timedelta
    ) -> StoredResponse | None:
        for _ in range(ROUNDS):
            row = {"scope": scope, "key": key, "request_hash": request_hash}
            try:
                async with storage_errors():
                    await self._session.execute(
                        insert(t.idempotency_keys).values(**row, created_at=now, expires_at=now + ttl)
                    )
                return None
            except IntegrityError:
                await self._session.rollback()
            async with storage_errors():
                found = (
                    await self._session.execute(
                        select(_k.request_hash, _k.status_code, _k.response_body, _k.expires_at).where(
                            _k.scope == scope, _k.key == key
                        )
                    )
                ).one_or_none()
                if found is not None and found.expires_at <= now:
                    await self._session.execute(
                        delete(t.idempotency_keys).where(_k.scope == scope, _k.key == key)
                    )
                    await self._session.commit()
                    continue
            if found is None:
                continue
            await self._session.rollback()
            if found.request_hash != request_hash:
                raise IdempotencyKeyReused()
            if found.status_code is None or found.response_body is None:
                raise RequestInProgress()
            return StoredResponse(status_code=found.status_code, body=found.response_body)
        raise RequestInProgress()

    async def complete(self, scope: str, key: str, response: StoredResponse) -> None:
        stmt = (
            update(t.idempotency_keys)
            .where(_k.scope == scope, _k.key == key)
            .values(status_code=response.status_code, response_body=response.body)
        )
        async with storage_errors():
            await self._session.execute(stmt)
