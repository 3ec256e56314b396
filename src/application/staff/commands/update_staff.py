"""An administrator changes a member's name, phone or status (suspend / reactivate)."""

from typing import Literal

import msgspec

from application.common.ports import Clock, UnitOfWork
from application.identity.tokens import TokenService
from application.staff.access import Operator, actor_id, authority_of, require
from application.staff.audit import Audit, Origin, snapshot
from application.staff.lookups import end_sessions, forget_sessions, load_member
from application.staff.ports import StaffRepository, StaffSessions
from application.staff.views import StaffView
from domain.shared.phone import PhoneNumber
from domain.staff.entities import StaffStatus


class UpdateStaff(msgspec.Struct, frozen=True):
    staff_id: int
    name: str | msgspec.UnsetType = msgspec.UNSET
    phone: str | msgspec.UnsetType | None = msgspec.UNSET  # None removes the phone
    status: Literal["active", "suspended"] | msgspec.UnsetType = msgspec.UNSET
    origin: Origin = Origin()


class UpdateStaffHandler:
    """Needs staff.manage, and the member must be strictly below the actor's level and not the actor
    (RuleForbids). Fields left out stay as they are. Suspending signs the member out of every session at
    once; reactivating works on suspended members only (pending ones need approval). StaffNotFound (404)."""

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

    async def execute(self, cmd: UpdateStaff, *, actor: Operator) -> StaffView:
        async with self._audit.refusals(
            actor, action="staff.update", target_type="staff", target_id=cmd.staff_id, origin=cmd.origin
        ):
            require(actor, "staff.manage")
            member = await load_member(self._staff, cmd.staff_id)
            authority_of(actor).check_may_manage(member)
        before = snapshot(member)
        if not isinstance(cmd.name, msgspec.UnsetType):
            member.rename(cmd.name)
        if not isinstance(cmd.phone, msgspec.UnsetType):
            member.change_phone(PhoneNumber.parse(cmd.phone) if cmd.phone else None)
        ended: list[str] = []
        if cmd.status == "suspended" and member.status is not StaffStatus.SUSPENDED:
            member.suspend()
            ended = await end_sessions(self._sessions, member, now=self._clock.now(), by=actor_id(actor))
        elif cmd.status == "active" and member.status is not StaffStatus.ACTIVE:
            member.reactivate()
        await self._audit.record(
            by=actor_id(actor),
            action="staff.update",
            target_type="staff",
            target_id=member.id,
            origin=cmd.origin,
            before=before,
            after=snapshot(member),
        )
        await self._uow.commit()
        if ended:
            await forget_sessions(self._tokens, member, ended)
        return StaffView.of(member)
