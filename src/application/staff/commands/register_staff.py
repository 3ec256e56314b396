"""Someone asks to join the operations team."""

from datetime import timedelta

import msgspec

from application.common.ports import UnitOfWork
from application.identity.errors import RateLimited
from application.identity.ports import PasswordHasher, RateLimiter
from application.staff.audit import Audit, Origin, snapshot
from application.staff.errors import StaffEmailTaken, UnknownRole
from application.staff.ports import StaffRepository
from domain.identity.password_policy import PasswordPolicy
from domain.shared.email import Email
from domain.shared.phone import PhoneNumber
from domain.staff.entities import Staff, StaffStatus, validated_staff_name

REGISTRATION_ROLE = "read_only"
REGISTRATIONS_PER_IP_PER_HOUR = 20


class RegisterStaff(msgspec.Struct, frozen=True):
    name: str
    email: str
    password: str
    phone: str | None = None
    origin: Origin = Origin()


class RegisterStaffHandler:
    """Anyone. Creates a PENDING member with the lowest role (read_only): no power until someone with
    staff.approve approves them with a role. Answers the same, after the same work, whether or not the email
    is already taken; only the activity log (`staff.register`, succeeded or not) tells. Invalid details
    raise InvalidValue; more than REGISTRATIONS_PER_IP_PER_HOUR from one address, RateLimited."""

    def __init__(
        self,
        staff: StaffRepository,
        uow: UnitOfWork,
        hasher: PasswordHasher,
        limiter: RateLimiter,
        audit: Audit,
    ) -> None:
        self._staff = staff
        self._uow = uow
        self._hasher = hasher
        self._limiter = limiter
        self._audit = audit

    async def execute(self, cmd: RegisterStaff) -> None:
        name = validated_staff_name(cmd.name)
        email = Email.parse(cmd.email)
        phone = PhoneNumber.parse(cmd.phone) if cmd.phone else None
        personal = (email.value.split("@")[0], phone.national if phone else "")
        PasswordPolicy().check(cmd.password, personal=personal)
        decision = await self._limiter.hit(
            f"staff-signup-ip:{cmd.origin.ip}",
            limit=REGISTRATIONS_PER_IP_PER_HOUR,
            window=timedelta(hours=1),
        )
        if not decision.allowed:
            raise RateLimited(decision.retry_after_seconds, "too many registrations from this address")
        role = await self._staff.role(REGISTRATION_ROLE)
        if role is None:
            raise UnknownRole(REGISTRATION_ROLE, [])
        password_hash = await self._hasher.hash(cmd.password)
        member = Staff(
            name=name,
            email=email,
            phone=phone,
            password_hash=password_hash,
            role=role,
            status=StaffStatus.PENDING,
        )
        taken = await self._staff.find_by_email(email) is not None
        if not taken:
            try:
                await self._staff.add(member)
            except StaffEmailTaken:
                taken = True
        await self._audit.record(
            by=None if taken else member.id,
            action="staff.register",
            target_type="staff",
            target_id=None if taken else member.id,
            origin=cmd.origin,
            after={"refused": "email_taken", "email": email.value} if taken else snapshot(member),
            succeeded=not taken,
        )
        await self._uow.commit()
