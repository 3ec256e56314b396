"""The rules that protect staff accounts and the role hierarchy, named after what they refuse."""

from domain.shared.errors import DomainError, InvalidValue


class InvalidStaffName(InvalidValue):
    code = "invalid_name"

    def __init__(self) -> None:
        super().__init__("name", "a name is 2 to 120 characters")


class NotPendingApproval(DomainError):
    """Only a pending registration can be approved; other members change role or status instead."""

    code = "not_pending_approval"

    def __init__(self, status: str) -> None:
        super().__init__(f"only pending members can be approved; this member is {status}")
        self.status = status


class ApprovalRequired(DomainError):
    """A pending registration becomes active through approval, which also gives it a role."""

    code = "approval_required"

    def __init__(self) -> None:
        super().__init__("this member is pending: approve them with a role instead of activating")


class StaffDeactivated(DomainError):
    """A deactivated member is kept for the record only: nothing about them changes any more."""

    code = "staff_deactivated"

    def __init__(self) -> None:
        super().__init__("this member is deactivated; deactivation is final")


class HierarchyRuleBroken(DomainError):
    """Base of the role-hierarchy rules. `rule` names the rule for clients and the activity log."""

    code = "hierarchy_rule_broken"
    rule = "hierarchy"


class RoleNotBelowOwnLevel(HierarchyRuleBroken):
    rule = "grant_only_roles_below_own_level"

    def __init__(self, role: str, role_level: int, own_level: int) -> None:
        super().__init__(
            f"you cannot grant the role {role} (level {role_level}): "
            f"only roles below your own level ({own_level}) can be granted"
        )
        self.role = role


class RoleExceedsOwnPermissions(HierarchyRuleBroken):
    rule = "grant_only_permissions_one_holds"

    def __init__(self, role: str, missing: list[str]) -> None:
        super().__init__(
            f"you cannot grant the role {role}: it carries permissions you do not hold ({', '.join(missing)})"
        )
        self.role = role
        self.missing = missing


class TargetNotBelowOwnLevel(HierarchyRuleBroken):
    rule = "manage_only_members_below_own_level"

    def __init__(self, target_level: int, own_level: int) -> None:
        super().__init__(
            f"you cannot change a member at level {target_level}: "
            f"only members below your own level ({own_level}) can be changed"
        )


class OwnAccountUnmanageable(HierarchyRuleBroken):
    rule = "no_managing_oneself"

    def __init__(self, what: str = "your own account") -> None:
        super().__init__(f"you cannot change {what}; ask someone above you")
