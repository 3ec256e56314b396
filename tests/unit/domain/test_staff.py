import pytest

from domain.shared.email import Email
from domain.staff.catalog import PERMISSIONS, ROLES
from domain.staff.entities import Permission, Role, RoleId, Staff, StaffId, StaffStatus

CATALOG = {code: Permission(code=code, module=module, description=text) for code, module, text in PERMISSIONS}
SHIPPED = {
    code: Role(
        id=RoleId(number),
        code=code,
        name=name,
        level=level,
        description=description,
        permissions=[CATALOG[p] for p in granted],
    )
    for number, (code, name, level, description, granted) in enumerate(ROLES, start=1)
}
ROLE_CODES = list(SHIPPED)
WRITE_SUFFIXES = (
    ".manage",
    ".approve",
    ".assign_roles",
    ".resolve",
    ".assign",
    ".escalate",
    ".cancel",
    ".reassign",
    ".refund",
    ".export",
    ".configure",
    ".use",
    ".view_pii",
)
INACTIVE = [StaffStatus.PENDING, StaffStatus.SUSPENDED, StaffStatus.DEACTIVATED]


def member(role: Role, status: StaffStatus = StaffStatus.ACTIVE) -> Staff:
    return Staff(
        id=StaffId(1),
        name="Priya Nair",
        email=Email("priya@nexora.in"),
        password_hash="$argon2id$placeholder",
        role=role,
        status=status,
    )


def test_catalog_ships_30_unique_permissions_when_loaded() -> None:
    codes = [code for code, _, _ in PERMISSIONS]
    assert len(codes) == 30
    assert len(set(codes)) == 30


def test_catalog_spans_11_modules_when_grouping_permissions() -> None:
    assert {module for _, module, _ in PERMISSIONS} == {
        "bookings",
        "complaints",
        "customers",
        "providers",
        "catalog",
        "staff",
        "analytics",
        "documents",
        "assistant",
        "audit",
        "settings",
    }


def test_each_permission_is_named_after_its_module_when_listed() -> None:
    for code, module, description in PERMISSIONS:
        assert code.split(".") == [module, code.split(".", 1)[1]]
        assert description.strip()


def test_catalog_ships_8_roles_with_distinct_codes_and_levels_when_loaded() -> None:
    assert len(ROLES) == 8
    assert len(SHIPPED) == 8
    assert len({role.level for role in SHIPPED.values()}) == 8


@pytest.mark.parametrize("code", ROLE_CODES)
def test_role_grants_only_catalog_permissions_without_repeats_when_shipped(code: str) -> None:
    granted = next(perms for role_code, _, _, _, perms in ROLES if role_code == code)
    assert set(granted) <= set(CATALOG)
    assert len(granted) == len(set(granted))


def test_super_admin_grants_all_30_permissions_when_shipped() -> None:
    super_admin = SHIPPED["super_admin"]
    assert all(super_admin.grants(code) for code in CATALOG)
    assert len(super_admin.permissions) == 30


def test_super_admin_is_the_single_top_level_when_ranking_roles() -> None:
    top = max(SHIPPED.values(), key=lambda role: role.level)
    assert top.code == "super_admin"
    assert all(member(top).outranks(role) for role in SHIPPED.values() if role is not top)


def test_only_super_admin_changes_settings_when_checking_every_role() -> None:
    holders = {code for code, role in SHIPPED.items() if role.grants("settings.manage")}
    assert holders == {"super_admin"}


@pytest.mark.parametrize("code", ROLE_CODES)
def test_active_member_can_exactly_what_role_grants_when_checking_every_permission(code: str) -> None:
    role = SHIPPED[code]
    staff = member(role)
    granted = {p.code for p in role.permissions}
    assert {permission for permission in CATALOG if staff.can(permission)} == granted


@pytest.mark.parametrize("code", ROLE_CODES)
def test_member_cannot_use_unknown_permission_when_it_is_not_in_catalog(code: str) -> None:
    assert not member(SHIPPED[code]).can("bookings.delete")
    assert not member(SHIPPED[code]).can("")


@pytest.mark.parametrize("actor", ROLE_CODES)
def test_member_never_outranks_equal_or_higher_role_when_comparing_levels(actor: str) -> None:
    staff = member(SHIPPED[actor])
    for target in SHIPPED.values():
        assert staff.outranks(target) == (SHIPPED[actor].level > target.level)
    peer = Role(id=RoleId(99), code="peer", name="Peer", level=SHIPPED[actor].level)
    assert not staff.outranks(peer)


@pytest.mark.parametrize("status", INACTIVE)
@pytest.mark.parametrize("code", ROLE_CODES)
def test_member_can_do_nothing_when_not_active(code: str, status: StaffStatus) -> None:
    staff = member(SHIPPED[code], status)
    assert not staff.is_active
    assert not any(staff.can(permission) for permission in CATALOG)
    assert not any(staff.outranks(role) for role in SHIPPED.values())


def test_read_only_grants_no_write_permission_when_shipped() -> None:
    read_only = SHIPPED["read_only"]
    codes = [p.code for p in read_only.permissions]
    assert codes
    assert all(code.endswith(".view") for code in codes)
    assert not any(code.endswith(WRITE_SUFFIXES) for code in codes)


def test_read_only_sees_no_pii_audit_or_settings_when_shipped() -> None:
    read_only = SHIPPED["read_only"]
    for hidden in ("customers.view_pii", "audit.view", "settings.view"):
        assert not read_only.grants(hidden)


def test_read_only_is_the_lowest_role_when_ranking() -> None:
    assert min(SHIPPED.values(), key=lambda role: role.level).code == "read_only"
    assert not any(member(SHIPPED["read_only"]).outranks(role) for role in SHIPPED.values())
