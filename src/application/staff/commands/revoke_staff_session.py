"""End one staff session: one's own, or (with staff.manage) someone else's."""

import msgspec

from application.common.ports import Clock, UnitOfWork
from application.identity.actors import StaffActor
from application.identity.tokens import TokenService
from application.staff.access import Operator, actor_id, authority_of, require
from application.staff.audit import Audit, Origin
from application.staff.errors import SessionNotFound
from application.staff.ports import StaffRepository, StaffSessions
from domain.staff.entities import StaffId


class RevokeStaffSession(msgspec.Struct, frozen=True):
    session_id: str
    origin: Origin = Origin()


class RevokeStaffSessionHandler:
    """Any member may end their own session. Ending someone else's needs staff.manage and the owner strictly
    below the actor's level (RuleForbids); without staff.manage an unknown id is refused the same way
    (Forbidden), so ids leak nothing. The session ends at once on every API process: marked revoked in the
    database and its token family revoked in the token store. SessionNotFound (404) for managers."""

    def __init__(
        self,
        staff: StaffRepository,
        sessions: StaffSessions,
        uow: UnitOfWork,
        tokens: TokenService,
        audit: Audit,
        clock: Clock,
    ) -> None:
        self._staff = staff
        self._sessions = sessions
        self._uow = uow
        self._tokens = tokens
        self._audit = audit
        self._clock = clock

    async def execute(self, cmd: RevokeStaffSession, *, actor: Operator) -> None:
        async with self._audit.refusals(
            actor, action="session.revoke", target_type="session", target_id=cmd.session_id, origin=cmd.origin
        ):
            session = await self._sessions.get(cmd.session_id)
            own = isinstance(actor, StaffActor) and session is not None and session.staff_id == actor.staff_id
            if not own:
                require(actor, "staff.manage")
                if session is None:
                    raise SessionNotFound(cmd.session_id)
                owner = await self._staff.get(StaffId(session.staff_id))
                if owner is not None:
                    authority_of(actor).check_may_manage(owner)
        assert session is not None
        by = actor_id(actor)
        session.revoke(now=self._clock.now(), by=StaffId(by) if by is not None else None)
        await self._sessions.save(session)
        await self._audit.record(
            by=by,
            action="session.revoke",
            target_type="session",
            target_id=session.id,
            origin=cmd.origin,
            after={"staff_id": session.staff_id, "own": own},
        )
        await self._uow.commit()
        await self._tokens.revoke_family(session.id)
