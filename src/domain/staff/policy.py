"""Who may grant which role and change whom: the role hierarchy, as one value object.

Rules (in this order):
1. Nobody changes their own role, status or details through staff management (`no_managing_oneself`).
2. Only members strictly below one's own level can be changed (`manage_only_members_below_own_level`).
3. Only roles strictly below one's own level can be granted (`grant_only_roles_below_own_level`).
4. Only roles whose every permission one holds oneself can be granted (`grant_only_permissions_one_holds`).
The system (CLI operators, workers, the seed) stands above every role and holds every permission.
"""

from dataclasses import dataclass

from domain.staff.catalog import PERMISSIONS
from domain.staff.entities import Role, Staff, StaffId
from domain.staff.errors import (
    OwnAccountUnmanageable,
    RoleExceedsOwnPermissions,
    RoleNotBelowOwnLevel,
    TargetNotBelowOwnLevel,
)

SYSTEM_LEVEL = 1_000_000


@dataclass(frozen=True, slots=True)
class Authority:
    """The power of whoever acts on staff: a member's id, role level and permissions, or the system's."""

    level: int
    permissions: frozenset[str]
    staff_id: StaffId | None = None  # None: the system itself

    @classmethod
    def system(cls) -> "Authority":
        return cls(level=SYSTEM_LEVEL, permissions=frozenset(code for code, _, _ in PERMISSIONS))

    @classmethod
    def of(cls, member: Staff) -> "Authority":
        """An active member's authority; an inactive member has none (level 0, no permissions)."""
        if not member.is_active:
            return cls(level=0, permissions=frozenset(), staff_id=member.id)
        codes = frozenset(p.code for p in member.role.permissions)
        return cls(level=member.role.level, permissions=codes, staff_id=member.id)

    def is_self(self, member: Staff) -> bool:
        return self.staff_id is not None and member.id == self.staff_id

    def check_may_manage(self, target: Staff) -> None:
        """Rules 1 and 2: change `target`'s details, status or sessions."""
        if self.is_self(target):
            raise OwnAccountUnmanageable()
        if target.role.level >= self.level:
            raise TargetNotBelowOwnLevel(target.role.level, self.level)

    def check_may_grant(self, role: Role) -> None:
        """Rules 3 and 4: give `role` to someone (creating, approving or changing a member)."""
        if role.level >= self.level:
            raise RoleNotBelowOwnLevel(role.code, role.level, self.level)
        missing = sorted({p.code for p in role.permissions} - self.permissions)
        if missing:
            raise RoleExceedsOwnPermissions(role.code, missing)

    def check_may_assign(self, target: Staff, role: Role) -> None:
        """All four rules: move `target` to `role`."""
        if self.is_self(target):
            raise OwnAccountUnmanageable("your own role")
        self.check_may_manage(target)
        self.check_may_grant(role)
