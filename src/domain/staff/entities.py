"""Operations staff, their roles (with hierarchy levels) and the permissions roles grant."""

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import NewType

from domain.shared.email import Email
from domain.shared.phone import PhoneNumber

StaffId = NewType("StaffId", int)
RoleId = NewType("RoleId", int)


class StaffStatus(StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    DEACTIVATED = "deactivated"


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

    id: StaffId
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
