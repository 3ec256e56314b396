"""A staff member signs out of the current session."""

import msgspec

from application.common.ports import Clock, UnitOfWork
from application.identity.actors import StaffActor
from application.identity.tokens import TokenService
from application.staff.audit import Audit, Origin
from application.staff.ports import StaffSessions
from domain.staff.entities import StaffId


class LogoutStaff(msgspec.Struct, frozen=True):
    origin: Origin = Origin()


class LogoutStaffHandler:
    """A signed-in member. Marks the session revoked in the database and revokes its token family in the
    token store, so its access and refresh tokens stop working at once on every API process."""

    def __init__(
        self, sessions: StaffSessions, uow: UnitOfWork, tokens: TokenService, audit: Audit, clock: Clock
    ) -> None:
        self._sessions = sessions
        self._uow = uow
        self._tokens = tokens
        self._audit = audit
        self._clock = clock

    async def execute(self, cmd: LogoutStaff, *, actor: StaffActor) -> None:
        session = await self._sessions.get(actor.session)
        if session is not None:
            session.revoke(now=self._clock.now(), by=StaffId(actor.staff_id))
            await self._sessions.save(session)
        await self._audit.record(
            by=actor.staff_id,
            action="auth.logout",
            target_type="session",
            target_id=actor.session,
            origin=cmd.origin,
        )
        await self._uow.commit()
        await self._tokens.revoke_family(actor.session)
