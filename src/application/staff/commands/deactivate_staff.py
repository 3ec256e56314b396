"""An administrator (or an operator at the CLI) removes a member from the operations team."""

import msgspec

from application.common.ports import Clock, UnitOfWork
from application.identity.tokens import TokenService
from application.staff.access import Operator, actor_id, authority_of, require
from application.staff.audit import Audit, Origin, snapshot
from application.staff.lookups import end_sessions, forget_sessions, load_member
from application.staff.ports import StaffRepository, StaffSessions


class DeactivateStaff(msgspec.Struct, frozen=True):
    staff_id: int
    origin: Origin = Origin()


class DeactivateStaffHandler:
    """Needs staff.manage; the member must be strictly below the actor's level and not the actor
    (RuleForbids). Final: the member can never sign in again, and every session ends at once (database and
    token store). The row stays, so the activity log keeps its actor. StaffNotFound (404),
    StaffDeactivated (422) when already deactivated."""

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

    async def execute(self, cmd: DeactivateStaff, *, actor: Operator) -> None:
        async with self._audit.refusals(
            actor, action="staff.deactivate", target_type="staff", target_id=cmd.staff_id, origin=cmd.origin
        ):
            require(actor, "staff.manage")
            member = await load_member(self._staff, cmd.staff_id)
            authority_of(actor).check_may_manage(member)
        before = snapshot(member)
        member.deactivate()
        ended = await end_sessions(self._sessions, member, now=self._clock.now(), by=actor_id(actor))
        await self._audit.record(
            by=actor_id(actor),
            action="staff.deactivate",
            target_type="staff",
            target_id=member.id,
            origin=cmd.origin,
            before=before,
            after={**snapshot(member), "sessions_ended": len(ended)},
        )
        await self._uow.commit()
        await forget_sessions(self._tokens, member, ended)
