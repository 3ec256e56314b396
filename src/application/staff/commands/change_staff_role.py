"""Someone with staff.assign_roles moves a member to another role."""

import msgspec

from application.common.ports import UnitOfWork
from application.staff.access import Operator, actor_id, authority_of, require
from application.staff.audit import Audit, Origin, snapshot
from application.staff.lookups import load_member, load_role
from application.staff.ports import StaffRepository
from application.staff.views import StaffView


class ChangeStaffRole(msgspec.Struct, frozen=True):
    staff_id: int
    role: str
    origin: Origin = Origin()


class ChangeStaffRoleHandler:
    """Needs staff.assign_roles. Nobody changes their own role; the member must be strictly below the
    actor's level, and the new role too, carrying only permissions the actor holds (RuleForbids). The new
    permissions apply from the member's next request. StaffNotFound (404), UnknownRole (400)."""

    def __init__(self, staff: StaffRepository, uow: UnitOfWork, audit: Audit) -> None:
        self._staff = staff
        self._uow = uow
        self._audit = audit

    async def execute(self, cmd: ChangeStaffRole, *, actor: Operator) -> StaffView:
        async with self._audit.refusals(
            actor, action="staff.role_change", target_type="staff", target_id=cmd.staff_id, origin=cmd.origin
        ):
            require(actor, "staff.assign_roles")
            member = await load_member(self._staff, cmd.staff_id)
            role = await load_role(self._staff, cmd.role)
            authority_of(actor).check_may_assign(member, role)
        before = snapshot(member)
        member.assign_role(role)
        await self._audit.record(
            by=actor_id(actor),
            action="staff.role_change",
            target_type="staff",
            target_id=member.id,
            origin=cmd.origin,
            before=before,
            after=snapshot(member),
        )
        await self._uow.commit()
        return StaffView.of(member)
