"""Someone with staff.approve lets a pending registration in, with a role."""

import msgspec

from application.common.ports import UnitOfWork
from application.staff.access import Operator, actor_id, authority_of, require
from application.staff.audit import Audit, Origin, snapshot
from application.staff.lookups import load_member, load_role
from application.staff.ports import StaffRepository
from application.staff.views import StaffView
from domain.staff.entities import StaffId


class ApproveStaff(msgspec.Struct, frozen=True):
    staff_id: int
    role: str
    origin: Origin = Origin()


class ApproveStaffHandler:
    """Needs staff.approve. The role must be one the actor may grant (strictly below their level, only
    permissions they hold) and the member below the actor (RuleForbids). Pending -> active with that role,
    approved by the actor; NotPendingApproval (422) for anyone else. StaffNotFound (404), UnknownRole
    (400)."""

    def __init__(self, staff: StaffRepository, uow: UnitOfWork, audit: Audit) -> None:
        self._staff = staff
        self._uow = uow
        self._audit = audit

    async def execute(self, cmd: ApproveStaff, *, actor: Operator) -> StaffView:
        async with self._audit.refusals(
            actor, action="staff.approve", target_type="staff", target_id=cmd.staff_id, origin=cmd.origin
        ):
            require(actor, "staff.approve")
            member = await load_member(self._staff, cmd.staff_id)
            role = await load_role(self._staff, cmd.role)
            authority_of(actor).check_may_assign(member, role)
        before = snapshot(member)
        by = actor_id(actor)
        member.approve(role=role, by=StaffId(by) if by is not None else None)
        await self._audit.record(
            by=by,
            action="staff.approve",
            target_type="staff",
            target_id=member.id,
            origin=cmd.origin,
            before=before,
            after=snapshot(member),
        )
        await self._uow.commit()
        return StaffView.of(member)
