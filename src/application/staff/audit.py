"""Writing the staff activity log from the use cases, in the transaction of the change it records."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import msgspec

from application.common.ports import Clock, UnitOfWork
from application.identity.errors import Forbidden
from application.staff.access import Operator, actor_id
from application.staff.errors import RuleForbids
from application.staff.ports import ActivityEntry, ActivityLog
from domain.staff.entities import Staff
from domain.staff.errors import HierarchyRuleBroken


class Origin(msgspec.Struct, frozen=True):
    """Where a staff action came from: the client's address, the request id and (at login) the user agent."""

    ip: str = ""
    request_id: str = ""
    user_agent: str = ""


def snapshot(member: Staff) -> dict[str, Any]:
    """The member's managed fields, for the log's before/after (never the password hash)."""
    return {
        "name": member.name,
        "email": member.email.value,
        "phone": member.phone.value if member.phone else None,
        "role": member.role.code,
        "status": member.status.value,
    }


class Audit:
    """Adds log lines to the use case's transaction; `refusals` also keeps a line for each refused attempt."""

    def __init__(self, log: ActivityLog, uow: UnitOfWork, clock: Clock) -> None:
        self._log = log
        self._uow = uow
        self._clock = clock

    async def record(
        self,
        *,
        by: int | None,
        action: str,
        target_type: str,
        target_id: object,
        origin: Origin,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
        succeeded: bool = True,
    ) -> None:
        """Add one line; it is written by the handler's commit."""
        await self._log.record(
            ActivityEntry(
                action=action,
                target_type=target_type,
                target_id=None if target_id is None else str(target_id),
                staff_id=by,
                created_at=self._clock.now(),
                before=before,
                after=after,
                ip=origin.ip,
                request_id=origin.request_id,
                succeeded=succeeded,
            )
        )

    @asynccontextmanager
    async def refusals(
        self, actor: Operator, *, action: str, target_type: str, target_id: object, origin: Origin
    ) -> AsyncIterator[None]:
        """Run the authorisation step: hierarchy rules become RuleForbids (403); every refusal is logged
        (succeeded=False) and committed on its own, then re-raised."""
        try:
            try:
                yield
            except HierarchyRuleBroken as exc:
                raise RuleForbids(exc.rule, exc.message) from exc
        except Forbidden as exc:
            await self._uow.rollback()
            await self.record(
                by=actor_id(actor),
                action=action,
                target_type=target_type,
                target_id=target_id,
                origin=origin,
                after={"refused": exc.permission},
                succeeded=False,
            )
            await self._uow.commit()
            raise
