"""Staff management use cases over fakes: permissions and hierarchy rules enforced in the handlers, the
activity log written with the change, sessions ended at once."""

import pytest

from application.common.errors import InvalidInput
from application.identity.actors import StaffActor, SystemActor
from application.identity.errors import Forbidden
from application.staff.audit import Origin
from application.staff.commands.approve_staff import ApproveStaff, ApproveStaffHandler
from application.staff.commands.change_staff_role import ChangeStaffRole, ChangeStaffRoleHandler
from application.staff.commands.create_staff import CreateStaff, CreateStaffHandler
from application.staff.commands.deactivate_staff import DeactivateStaff, DeactivateStaffHandler
from application.staff.commands.revoke_staff_session import RevokeStaffSession, RevokeStaffSessionHandler
from application.staff.commands.update_staff import UpdateStaff, UpdateStaffHandler
from application.staff.errors import RuleForbids, SessionNotFound, StaffEmailTaken, StaffNotFound, UnknownRole
from application.staff.queries.get_staff import GetStaff, GetStaffQuery
from application.staff.queries.list_activity import ListActivity, ListActivityQuery
from application.staff.queries.list_permissions import ListPermissions
from application.staff.queries.list_roles import ListRoles
from application.staff.queries.list_staff import ListStaff, ListStaffQuery
from application.staff.queries.list_staff_sessions import ListStaffSessions, ListStaffSessionsQuery
from domain.staff.entities import Staff, StaffStatus
from domain.staff.errors import NotPendingApproval
from tests.fakes import FakeClock
from tests.staff_fakes import StaffWorld, actor_for

ORIGIN = Origin(ip="10.9.8.7", request_id="req-42")


@pytest.fixture
def world() -> StaffWorld:
    w = StaffWorld(FakeClock())
    for name, role in [
        ("Aarav Mehta", "super_admin"),
        ("Priya Raghavan", "admin"),
        ("Imran Qureshi", "ops_manager"),
        ("Sneha Kulkarni", "senior_agent"),
        ("Rohit Sharma", "support_agent"),
    ]:
        w.staff.seed(name, role)
    w.staff.seed("Pending Person", "read_only", status=StaffStatus.PENDING)
    return w


def by_name(w: StaffWorld, name: str) -> Staff:
    return next(m for m in w.staff.members.values() if m.name == name)


def actor(w: StaffWorld, name: str) -> StaffActor:
    return actor_for(by_name(w, name))


def create(w: StaffWorld) -> CreateStaffHandler:
    return CreateStaffHandler(w.staff, w.tx, w.hasher, w.audit)


def new_member(role: str = "support_agent", email: str = "kavya@nexora.in") -> CreateStaff:
    return CreateStaff(name="Kavya Menon", email=email, role=role, password="Sea#Breeze2026", origin=ORIGIN)


async def test_admin_creates_an_active_member_approved_by_them_when_the_role_is_below(world) -> None:
    view = await create(world).execute(new_member(), actor=actor(world, "Priya Raghavan"))

    assert (view.status, view.role, view.approved_by_id) == ("active", "support_agent", 2)
    [entry] = world.log.entries
    assert (entry.action, entry.staff_id, entry.target_id, entry.ip, entry.request_id) == (
        "staff.create",
        2,
        str(view.id),
        "10.9.8.7",
        "req-42",
    )
    assert entry.after is not None
    assert entry.after["role"] == "support_agent"
    assert "password_hash" not in entry.after


async def test_create_is_refused_and_logged_when_the_actor_lacks_staff_manage(world) -> None:
    with pytest.raises(Forbidden) as refused:
        await create(world).execute(new_member(), actor=actor(world, "Imran Qureshi"))

    assert refused.value.permission == "staff.manage"
    assert len(world.staff.members) == 6
    assert world.log.actions() == [("staff.create", False)]


async def test_create_is_refused_when_the_role_is_at_the_actors_level(world) -> None:
    with pytest.raises(RuleForbids) as refused:
        await create(world).execute(new_member("admin"), actor=actor(world, "Priya Raghavan"))

    assert refused.value.permission == "rule:grant_only_roles_below_own_level"
    assert refused.value.code == "forbidden"


async def test_create_reports_a_taken_email_and_an_unknown_role_when_given(world) -> None:
    admin = actor(world, "Priya Raghavan")
    with pytest.raises(StaffEmailTaken):
        await create(world).execute(new_member(email="rohit.sharma@nexora.in"), actor=admin)
    with pytest.raises(UnknownRole):
        await create(world).execute(new_member("janitor"), actor=admin)


async def test_cli_operator_creates_a_super_admin_when_acting_as_the_system(world) -> None:
    view = await create(world).execute(new_member("super_admin"), actor=SystemActor())

    assert view.role == "super_admin"
    assert view.approved_by_id is None
    assert world.log.entries[0].staff_id is None


def update(w: StaffWorld) -> UpdateStaffHandler:
    return UpdateStaffHandler(w.staff, w.sessions, w.tx, w.tokens, w.audit, w.clock)


async def test_suspending_ends_every_live_session_at_once_when_an_admin_suspends(world) -> None:
    rohit = by_name(world, "Rohit Sharma")
    world.live_session(rohit, "rohit-1")
    world.live_session(rohit, "rohit-2")

    view = await update(world).execute(
        UpdateStaff(staff_id=5, status="suspended", name="Rohit K Sharma", phone=None, origin=ORIGIN),
        actor=actor(world, "Priya Raghavan"),
    )

    assert (view.status, view.name, view.phone) == ("suspended", "Rohit K Sharma", None)
    assert all(s.revoked_at is not None for s in world.sessions.committed.values())
    assert await world.store.is_revoked("rohit-1")
    [entry] = world.log.entries
    assert entry.before is not None
    assert entry.after is not None
    assert (entry.before["status"], entry.after["status"]) == ("active", "suspended")


async def test_update_leaves_out_fields_unchanged_when_not_given(world) -> None:
    view = await update(world).execute(
        UpdateStaff(staff_id=5, phone="98450 12345"), actor=actor(world, "Priya Raghavan")
    )
    assert (view.name, view.phone, view.status) == ("Rohit Sharma", "+919845012345", "active")


@pytest.mark.parametrize(("name", "target"), [("Priya Raghavan", 2), ("Priya Raghavan", 1)])
async def test_update_is_refused_when_the_target_is_the_actor_or_above(world, name: str, target: int) -> None:
    with pytest.raises(RuleForbids):
        await update(world).execute(UpdateStaff(staff_id=target, name="X Y"), actor=actor(world, name))
    assert world.log.actions() == [("staff.update", False)]


async def test_update_reports_not_found_when_the_id_is_unknown(world) -> None:
    with pytest.raises(StaffNotFound):
        await update(world).execute(UpdateStaff(staff_id=999, name="X Y"), actor=actor(world, "Aarav Mehta"))


async def test_deactivation_ends_sessions_and_is_logged_when_an_admin_removes_a_member(world) -> None:
    rohit = by_name(world, "Rohit Sharma")
    world.live_session(rohit, "rohit-1")
    handler = DeactivateStaffHandler(
        world.staff, world.sessions, world.tx, world.tokens, world.audit, world.clock
    )

    await handler.execute(DeactivateStaff(staff_id=5, origin=ORIGIN), actor=actor(world, "Priya Raghavan"))

    assert rohit.status is StaffStatus.DEACTIVATED
    assert world.sessions.committed["rohit-1"].revoked_by_id == 2
    assert await world.store.is_revoked("rohit-1")
    assert world.log.actions() == [("staff.deactivate", True)]


async def test_support_agent_cannot_deactivate_anyone_when_lacking_staff_manage(world) -> None:
    handler = DeactivateStaffHandler(
        world.staff, world.sessions, world.tx, world.tokens, world.audit, world.clock
    )
    with pytest.raises(Forbidden):
        await handler.execute(DeactivateStaff(staff_id=6), actor=actor(world, "Rohit Sharma"))
    assert by_name(world, "Pending Person").status is StaffStatus.PENDING


def approve(w: StaffWorld) -> ApproveStaffHandler:
    return ApproveStaffHandler(w.staff, w.tx, w.audit)


async def test_ops_manager_approves_a_pending_member_into_a_lower_role_when_asked(world) -> None:
    view = await approve(world).execute(
        ApproveStaff(staff_id=6, role="senior_agent"), actor=actor(world, "Imran Qureshi")
    )
    assert (view.status, view.role, view.approved_by_id) == ("active", "senior_agent", 3)
    assert world.log.actions() == [("staff.approve", True)]


@pytest.mark.parametrize("role", ["ops_manager", "admin", "super_admin"])
async def test_ops_manager_cannot_approve_into_a_role_at_or_above_own_level(world, role: str) -> None:
    with pytest.raises(RuleForbids):
        await approve(world).execute(ApproveStaff(staff_id=6, role=role), actor=actor(world, "Imran Qureshi"))
    assert by_name(world, "Pending Person").status is StaffStatus.PENDING


async def test_approval_is_refused_when_the_member_is_not_pending(world) -> None:
    with pytest.raises(NotPendingApproval):
        await approve(world).execute(
            ApproveStaff(staff_id=5, role="analyst"), actor=actor(world, "Aarav Mehta")
        )


def change_role(w: StaffWorld) -> ChangeStaffRoleHandler:
    return ChangeStaffRoleHandler(w.staff, w.tx, w.audit)


async def test_ops_manager_moves_an_agent_to_a_lower_role_when_allowed(world) -> None:
    view = await change_role(world).execute(
        ChangeStaffRole(staff_id=5, role="quality"), actor=actor(world, "Imran Qureshi")
    )
    assert view.role == "quality"
    [entry] = world.log.entries
    assert entry.before is not None
    assert entry.after is not None
    assert (entry.before["role"], entry.after["role"]) == ("support_agent", "quality")


@pytest.mark.parametrize(
    ("target", "role"),
    [(5, "admin"), (5, "ops_manager"), (5, "super_admin"), (2, "read_only"), (3, "analyst")],
)
async def test_ops_manager_cannot_escalate_change_superiors_or_their_own_role(
    world, target: int, role: str
) -> None:
    before = {m.id: m.role.code for m in world.staff.members.values()}

    with pytest.raises(RuleForbids):
        await change_role(world).execute(
            ChangeStaffRole(staff_id=target, role=role), actor=actor(world, "Imran Qureshi")
        )

    assert {m.id: m.role.code for m in world.staff.members.values()} == before
    assert world.log.actions() == [("staff.role_change", False)]


def revoke(w: StaffWorld) -> RevokeStaffSessionHandler:
    return RevokeStaffSessionHandler(w.staff, w.sessions, w.tx, w.tokens, w.audit, w.clock)


async def test_any_member_ends_their_own_session_when_asked(world) -> None:
    world.live_session(by_name(world, "Rohit Sharma"), "rohit-1")

    await revoke(world).execute(RevokeStaffSession(session_id="rohit-1"), actor=actor(world, "Rohit Sharma"))

    assert world.sessions.committed["rohit-1"].revoked_at is not None
    assert await world.store.is_revoked("rohit-1")


async def test_ending_someone_elses_session_needs_staff_manage_whether_or_not_it_exists(world) -> None:
    world.live_session(by_name(world, "Sneha Kulkarni"), "sneha-1")
    for session_id in ("sneha-1", "no-such-session"):
        with pytest.raises(Forbidden) as refused:
            await revoke(world).execute(
                RevokeStaffSession(session_id=session_id), actor=actor(world, "Rohit Sharma")
            )
        assert refused.value.permission == "staff.manage"
    assert world.sessions.committed["sneha-1"].revoked_at is None


async def test_admin_ends_a_lower_members_session_but_not_a_superiors_when_managing(world) -> None:
    world.live_session(by_name(world, "Sneha Kulkarni"), "sneha-1")
    world.live_session(by_name(world, "Aarav Mehta"), "aarav-1")
    admin = actor(world, "Priya Raghavan")

    await revoke(world).execute(RevokeStaffSession(session_id="sneha-1"), actor=admin)
    with pytest.raises(RuleForbids):
        await revoke(world).execute(RevokeStaffSession(session_id="aarav-1"), actor=admin)
    with pytest.raises(SessionNotFound):
        await revoke(world).execute(RevokeStaffSession(session_id="nope"), actor=admin)

    assert world.sessions.committed["sneha-1"].revoked_by_id == 2
    assert world.sessions.committed["aarav-1"].revoked_at is None


async def test_staff_list_pages_and_filters_when_the_actor_may_view(world) -> None:
    handler = ListStaff(world.staff, world.staff)
    ops = actor(world, "Imran Qureshi")

    page = await handler.execute(ListStaffQuery(limit=2, offset=1), actor=ops)
    pending = await handler.execute(ListStaffQuery(status="pending"), actor=ops)
    agents = await handler.execute(ListStaffQuery(role="support_agent"), actor=ops)

    assert ([m.id for m in page.items], page.total) == ([2, 3], 6)
    assert [m.name for m in pending.items] == ["Pending Person"]
    assert [m.name for m in agents.items] == ["Rohit Sharma"]
    with pytest.raises(InvalidInput):
        await handler.execute(ListStaffQuery(limit=101), actor=ops)
    with pytest.raises(InvalidInput):
        await handler.execute(ListStaffQuery(status="retired"), actor=ops)
    with pytest.raises(UnknownRole):
        await handler.execute(ListStaffQuery(role="janitor"), actor=ops)
    with pytest.raises(Forbidden):
        await handler.execute(ListStaffQuery(), actor=actor(world, "Sneha Kulkarni"))


async def test_staff_detail_roles_and_permissions_need_staff_view_when_read(world) -> None:
    ops = actor(world, "Imran Qureshi")
    detail = await GetStaff(world.staff).execute(GetStaffQuery(staff_id=5), actor=ops)
    roles = await ListRoles(world.staff).execute(actor=ops)
    permissions = await ListPermissions(world.staff).execute(actor=ops)

    assert "complaints.resolve" in detail.permissions
    assert [r.code for r in roles.items][:2] == ["super_admin", "admin"]
    assert len(permissions.items) == 30
    with pytest.raises(StaffNotFound):
        await GetStaff(world.staff).execute(GetStaffQuery(staff_id=999), actor=ops)
    agent = actor(world, "Rohit Sharma")
    for call in (
        GetStaff(world.staff).execute(GetStaffQuery(staff_id=5), actor=agent),
        ListRoles(world.staff).execute(actor=agent),
        ListPermissions(world.staff).execute(actor=agent),
    ):
        with pytest.raises(Forbidden):
            await call


async def test_sessions_are_visible_to_their_owner_and_to_staff_view_only(world) -> None:
    world.live_session(by_name(world, "Rohit Sharma"), "rohit-1")
    handler = ListStaffSessions(world.staff, world.sessions, world.clock)
    rohit = actor_for(by_name(world, "Rohit Sharma"), session="rohit-1")

    own = await handler.execute(ListStaffSessionsQuery(staff_id=5), actor=rohit)
    seen_by_ops = await handler.execute(
        ListStaffSessionsQuery(staff_id=5), actor=actor(world, "Imran Qureshi")
    )

    assert [(s.id, s.live, s.current) for s in own.items] == [("rohit-1", True, True)]
    assert [s.current for s in seen_by_ops.items] == [False]
    with pytest.raises(Forbidden):
        await handler.execute(ListStaffSessionsQuery(staff_id=4), actor=rohit)


async def test_activity_needs_audit_view_and_filters_when_read(world) -> None:
    await change_role(world).execute(
        ChangeStaffRole(staff_id=5, role="quality"), actor=actor(world, "Imran Qureshi")
    )
    await approve(world).execute(
        ApproveStaff(staff_id=6, role="analyst"), actor=actor(world, "Priya Raghavan")
    )
    handler = ListActivity(world.log)  # the fake log answers the directory's activity reads

    page = await handler.execute(
        ListActivityQuery(action="staff.approve"), actor=actor(world, "Imran Qureshi")
    )

    assert [(e.action, e.staff_id, e.target_id) for e in page.items] == [("staff.approve", 2, "6")]
    with pytest.raises(Forbidden):
        await handler.execute(ListActivityQuery(), actor=actor(world, "Sneha Kulkarni"))
