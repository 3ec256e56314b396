"""Operations staff, their roles (with hierarchy levels) and the permissions roles grant."""

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import NewType

from domain.shared.email import Email
from domain.shared.phone import PhoneNumber
from domain.shared.status_machine import check_transition
from domain.staff.errors import ApprovalRequired, InvalidStaffName, NotPendingApproval, StaffDeactivated

StaffId = NewType("StaffId", int)
RoleId = NewType("RoleId", int)


class StaffStatus(StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    DEACTIVATED = "deactivated"


# Pending members become active only through approval; deactivation is final.
STAFF_TRANSITIONS: dict[StaffStatus, frozenset[StaffStatus]] = {
    StaffStatus.PENDING: frozenset({StaffStatus.ACTIVE, StaffStatus.DEACTIVATED}),
    StaffStatus.ACTIVE: frozenset({StaffStatus.SUSPENDED, StaffStatus.DEACTIVATED}),
    StaffStatus.SUSPENDED: frozenset({StaffStatus.ACTIVE, StaffStatus.DEACTIVATED}),
    StaffStatus.DEACTIVATED: frozenset(),
}


def validated_staff_name(name: str) -> str:
    """Inner runs of spaces collapsed, ends trimmed; 2 to 120 characters."""
    cleaned = " ".join(name.split())
    if not 2 <= len(cleaned) <= 120:
        raise InvalidStaffName()
    return cleaned


@dataclass(eq=False, kw_only=True)
class Permission:
    """A named capability such as `complaints.resolve`, grouped by module."""

    code: str
    module: str
    description: str


@dataclass(eq=False, kw_only=True)
class Role:
    """A bundle of permissions with a hierarchy level: higher levels may manage lower ones."""

    id: RoleId
    code: str
    name: str
    level: int
    description: str = ""
    permissions: list[Permission] = field(default_factory=list)

    def grants(self, permission: str) -> bool:
        return any(p.code == permission for p in self.permissions)


@dataclass(eq=False, kw_only=True)
class Staff:
    """A member of the operations team. Only active staff may act; what they may do comes from the role."""

    id: StaffId | None = None
    name: str
    email: Email
    phone: PhoneNumber | None = None
    password_hash: str
    role: Role
    status: StaffStatus = StaffStatus.PENDING
    approved_by_id: StaffId | None = None
    last_login_at: datetime | None = None

    @property
    def is_active(self) -> bool:
        return self.status is StaffStatus.ACTIVE

    def can(self, permission: str) -> bool:
        """Active and the role grants the permission."""
        return self.is_active and self.role.grants(permission)

    def outranks(self, role: Role) -> bool:
        """Whether this member may grant or manage `role`: strictly higher level only."""
        return self.is_active and self.role.level > role.level

    def record_login(self, *, now: datetime) -> None:
        self.last_login_at = now

    def set_password_hash(self, password_hash: str) -> None:
        self.password_hash = password_hash

    def rename(self, name: str) -> None:
        self._refuse_if_deactivated()
        self.name = validated_staff_name(name)

    def change_phone(self, phone: PhoneNumber | None) -> None:
        """A new work mobile, or None to remove it."""
        self._refuse_if_deactivated()
        self.phone = phone

    def approve(self, *, role: Role, by: StaffId | None) -> None:
        """A pending registration becomes an active member with `role`; NotPendingApproval otherwise."""
        if self.status is not StaffStatus.PENDING:
            raise NotPendingApproval(self.status.value)
        self._move_to(StaffStatus.ACTIVE)
        self.role = role
        self.approved_by_id = by

    def assign_role(self, role: Role) -> None:
        """Give the member another role (who may do so is the policy's business, see Authority)."""
        self._refuse_if_deactivated()
        self.role = role

    def suspend(self) -> None:
        """Active -> suspended: the member can no longer sign in or act until reactivated."""
        self._move_to(StaffStatus.SUSPENDED)

    def reactivate(self) -> None:
        """Suspended -> active. A pending member needs `approve` (with a role) instead."""
        if self.status is StaffStatus.PENDING:
            raise ApprovalRequired()
        self._move_to(StaffStatus.ACTIVE)

    def deactivate(self) -> None:
        """Final: the member never signs in again; the row stays so the activity log keeps its actor."""
        self._move_to(StaffStatus.DEACTIVATED)

    def _move_to(self, status: StaffStatus) -> None:
        self._refuse_if_deactivated()
        check_transition("staff member", STAFF_TRANSITIONS, self.status, status)
        self.status = status

    def _refuse_if_deactivated(self) -> None:
        if self.status is StaffStatus.DEACTIVATED:
            raise StaffDeactivated()
