"""An administrator (or an operator at the CLI) adds an active member to the operations team."""

import msgspec

from application.common.ports import UnitOfWork
from application.identity.ports import PasswordHasher
from application.staff.access import Operator, actor_id, authority_of, require
from application.staff.audit import Audit, Origin, snapshot
from application.staff.errors import StaffEmailTaken
from application.staff.lookups import load_role
from application.staff.ports import StaffRepository
from application.staff.views import StaffView
from domain.identity.password_policy import PasswordPolicy
from domain.shared.email import Email
from domain.shared.phone import PhoneNumber
from domain.staff.entities import Staff, StaffId, StaffStatus, validated_staff_name


class CreateStaff(msgspec.Struct, frozen=True):
    name: str
    email: str
    role: str
    password: str
    phone: str | None = None
    origin: Origin = Origin()


class CreateStaffHandler:
    """Needs staff.manage. The role must be one the actor may grant: strictly below their own level and
    carrying only permissions they hold (RuleForbids otherwise). The member is active at once, approved by
    the actor. Raises UnknownRole, InvalidValue (name, email, phone, weak password), StaffEmailTaken (409)."""

    def __init__(self, staff: StaffRepository, uow: UnitOfWork, hasher: PasswordHasher, audit: Audit) -> None:
        self._staff = staff
        self._uow = uow
        self._hasher = hasher
        self._audit = audit

    async def execute(self, cmd: CreateStaff, *, actor: Operator) -> StaffView:
        async with self._audit.refusals(
            actor, action="staff.create", target_type="staff", target_id=None, origin=cmd.origin
        ):
            require(actor, "staff.manage")
            role = await load_role(self._staff, cmd.role)
            authority_of(actor).check_may_grant(role)
        email = Email.parse(cmd.email)
        phone = PhoneNumber.parse(cmd.phone) if cmd.phone else None
        name = validated_staff_name(cmd.name)
        PasswordPolicy().check(
            cmd.password, personal=(email.value.split("@")[0], phone.national if phone else "")
        )
        if await self._staff.find_by_email(email) is not None:
            raise StaffEmailTaken()
        by = actor_id(actor)
        member = Staff(
            name=name,
            email=email,
            phone=phone,
            password_hash=await self._hasher.hash(cmd.password),
            role=role,
            status=StaffStatus.ACTIVE,
            approved_by_id=StaffId(by) if by is not None else None,
        )
        await self._staff.add(member)
        await self._audit.record(
            by=by,
            action="staff.create",
            target_type="staff",
            target_id=member.id,
            origin=cmd.origin,
            after=snapshot(member),
        )
        await self._uow.commit()
        return StaffView.of(member)
