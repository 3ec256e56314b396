"""The role hierarchy (Authority) and the staff lifecycle (Staff methods, StaffSession)."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.shared.email import Email
from domain.shared.status_machine import TransitionNotAllowed
from domain.staff.catalog import PERMISSIONS
from domain.staff.entities import Permission, Role, RoleId, Staff, StaffId, StaffStatus
from domain.staff.errors import (
    ApprovalRequired,
    InvalidStaffName,
    NotPendingApproval,
    OwnAccountUnmanageable,
    RoleExceedsOwnPermissions,
    RoleNotBelowOwnLevel,
    StaffDeactivated,
    TargetNotBelowOwnLevel,
)
from domain.staff.policy import Authority
from domain.staff.session import StaffSession
from tests.staff_fakes import shipped_roles

ROLES = shipped_roles()
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def member(role: str | Role, *, staff_id: int = 2, status: StaffStatus = StaffStatus.ACTIVE) -> Staff:
    return Staff(
        id=StaffId(staff_id),
        name="Kavya Menon",
        email=Email(f"kavya{staff_id}@nexora.in"),
        password_hash="x",
        role=ROLES[role] if isinstance(role, str) else role,
        status=status,
    )


def authority(role: str, staff_id: int = 1) -> Authority:
    return Authority.of(member(role, staff_id=staff_id))


@pytest.mark.parametrize("granted", ["admin", "ops_manager", "super_admin"])
def test_ops_manager_cannot_grant_a_role_at_or_above_own_level_when_assigning(granted: str) -> None:
    with pytest.raises(RoleNotBelowOwnLevel) as refused:
        authority("ops_manager").check_may_grant(ROLES[granted])
    assert refused.value.rule == "grant_only_roles_below_own_level"


def test_ops_manager_may_grant_roles_below_own_level_when_assigning() -> None:
    for code in ("senior_agent", "support_agent", "quality", "analyst", "read_only"):
        authority("ops_manager").check_may_grant(ROLES[code])


def test_nobody_grants_a_role_carrying_a_permission_they_lack_when_its_level_is_lower() -> None:
    sneaky = Role(
        id=RoleId(99),
        code="sneaky",
        name="Sneaky",
        level=20,
        permissions=[Permission(code="settings.manage", module="settings", description="")],
    )
    with pytest.raises(RoleExceedsOwnPermissions) as refused:
        authority("admin").check_may_grant(sneaky)
    assert refused.value.missing == ["settings.manage"]
    Authority.system().check_may_grant(sneaky)


@pytest.mark.parametrize("target", ["admin", "ops_manager", "super_admin"])
def test_ops_manager_cannot_change_a_member_at_or_above_own_level_when_managing(target: str) -> None:
    with pytest.raises(TargetNotBelowOwnLevel):
        authority("ops_manager").check_may_manage(member(target))


def test_nobody_changes_their_own_role_when_assigning_even_a_lower_one() -> None:
    me = member("admin", staff_id=1)
    with pytest.raises(OwnAccountUnmanageable) as refused:
        Authority.of(me).check_may_assign(me, ROLES["read_only"])
    assert refused.value.rule == "no_managing_oneself"
    with pytest.raises(OwnAccountUnmanageable):
        Authority.of(me).check_may_manage(me)


def test_system_may_grant_every_role_to_anyone_when_acting_from_the_cli() -> None:
    for role in ROLES.values():
        Authority.system().check_may_assign(member("super_admin"), role)


def test_inactive_member_has_no_authority_when_suspended() -> None:
    suspended = Authority.of(member("super_admin", status=StaffStatus.SUSPENDED))
    assert suspended.level == 0
    assert not suspended.permissions
    with pytest.raises(RoleNotBelowOwnLevel):
        suspended.check_may_grant(ROLES["read_only"])


@given(
    actor=st.sampled_from(list(ROLES)), target=st.sampled_from(list(ROLES)), new=st.sampled_from(list(ROLES))
)
def test_assignment_is_allowed_exactly_when_actor_outranks_target_and_role_when_ranking(
    actor: str, target: str, new: str
) -> None:
    allowed = (
        ROLES[actor].level > ROLES[target].level
        and ROLES[actor].level > ROLES[new].level
        and {p.code for p in ROLES[new].permissions} <= {p.code for p in ROLES[actor].permissions}
    )
    try:
        authority(actor, staff_id=1).check_may_assign(member(target, staff_id=2), ROLES[new])
    except (RoleNotBelowOwnLevel, TargetNotBelowOwnLevel, RoleExceedsOwnPermissions):
        assert not allowed
    else:
        assert allowed


def test_system_authority_holds_every_catalog_permission_when_built() -> None:
    assert Authority.system().permissions == {code for code, _, _ in PERMISSIONS}


def test_pending_member_becomes_active_with_the_role_when_approved() -> None:
    pending = member("read_only", status=StaffStatus.PENDING)
    pending.approve(role=ROLES["support_agent"], by=StaffId(1))
    assert pending.status is StaffStatus.ACTIVE
    assert pending.role.code == "support_agent"
    assert pending.approved_by_id == 1


@pytest.mark.parametrize("status", [StaffStatus.ACTIVE, StaffStatus.SUSPENDED, StaffStatus.DEACTIVATED])
def test_only_pending_members_can_be_approved_when_approving(status: StaffStatus) -> None:
    with pytest.raises(NotPendingApproval):
        member("support_agent", status=status).approve(role=ROLES["analyst"], by=None)


def test_suspended_member_is_active_again_when_reactivated() -> None:
    m = member("support_agent")
    m.suspend()
    assert not m.is_active
    m.reactivate()
    assert m.is_active


def test_pending_member_needs_approval_when_reactivated() -> None:
    with pytest.raises(ApprovalRequired):
        member("read_only", status=StaffStatus.PENDING).reactivate()


def test_suspending_twice_is_refused_by_the_transition_table_when_already_suspended() -> None:
    m = member("support_agent", status=StaffStatus.SUSPENDED)
    with pytest.raises(TransitionNotAllowed):
        m.suspend()


def test_deactivation_is_final_when_anything_else_is_tried() -> None:
    m = member("support_agent")
    m.deactivate()
    for change in (m.reactivate, m.suspend, m.deactivate, lambda: m.rename("New Name")):
        with pytest.raises(StaffDeactivated):
            change()
    with pytest.raises(StaffDeactivated):
        m.assign_role(ROLES["analyst"])


def test_name_is_tidied_and_checked_when_renamed() -> None:
    m = member("analyst")
    m.rename("  Kavya   Menon ")
    assert m.name == "Kavya Menon"
    with pytest.raises(InvalidStaffName):
        m.rename(" x ")


def test_session_is_live_until_revoked_or_expired_when_checked() -> None:
    session = StaffSession(id="s1", staff_id=StaffId(1), created_at=NOW, expires_at=NOW + timedelta(hours=1))
    assert session.is_live(now=NOW)
    assert not session.is_live(now=NOW + timedelta(hours=1))
    session.revoke(now=NOW, by=StaffId(2))
    session.revoke(now=NOW + timedelta(minutes=5), by=None)
    assert not session.is_live(now=NOW)
    assert (session.revoked_at, session.revoked_by_id) == (NOW, 2)
