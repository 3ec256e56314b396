"""What the ops console sees of staff, roles, sessions and the activity log."""

from datetime import datetime
from typing import Any

import msgspec

from application.identity.tokens import TokenPair
from application.staff.ports import ActivityEntry
from domain.staff.entities import Permission, Role, Staff
from domain.staff.session import StaffSession


class StaffView(msgspec.Struct, frozen=True):
    id: int
    name: str
    email: str
    phone: str | None
    status: str
    role: str
    role_name: str
    level: int
    last_login_at: datetime | None
    approved_by_id: int | None

    @classmethod
    def of(cls, s: Staff) -> "StaffView":
        assert s.id is not None
        return cls(
            id=s.id,
            name=s.name,
            email=s.email.value,
            phone=s.phone.value if s.phone else None,
            status=s.status.value,
            role=s.role.code,
            role_name=s.role.name,
            level=s.role.level,
            last_login_at=s.last_login_at,
            approved_by_id=s.approved_by_id,
        )


class StaffDetail(StaffView, frozen=True):
    permissions: list[str]

    @classmethod
    def of(cls, s: Staff) -> "StaffDetail":
        return cls(
            **msgspec.structs.asdict(StaffView.of(s)), permissions=[p.code for p in s.role.permissions]
        )


class StaffPage(msgspec.Struct, frozen=True):
    items: list[StaffView]
    total: int
    limit: int
    offset: int


class RoleView(msgspec.Struct, frozen=True):
    code: str
    name: str
    level: int
    description: str
    permissions: list[str]

    @classmethod
    def of(cls, r: Role) -> "RoleView":
        return cls(
            code=r.code,
            name=r.name,
            level=r.level,
            description=r.description,
            permissions=[p.code for p in r.permissions],
        )


class PermissionView(msgspec.Struct, frozen=True):
    code: str
    module: str
    description: str

    @classmethod
    def of(cls, p: Permission) -> "PermissionView":
        return cls(code=p.code, module=p.module, description=p.description)


class SessionView(msgspec.Struct, frozen=True):
    id: str
    staff_id: int
    created_at: datetime
    expires_at: datetime
    last_seen_at: datetime | None
    revoked_at: datetime | None
    ip: str
    user_agent: str
    live: bool
    current: bool

    @classmethod
    def of(cls, s: StaffSession, *, now: datetime, current: str = "") -> "SessionView":
        return cls(
            id=s.id,
            staff_id=s.staff_id,
            created_at=s.created_at,
            expires_at=s.expires_at,
            last_seen_at=s.last_seen_at,
            revoked_at=s.revoked_at,
            ip=s.ip,
            user_agent=s.user_agent,
            live=s.is_live(now=now),
            current=s.id == current,
        )


class ActivityView(msgspec.Struct, frozen=True):
    id: int
    staff_id: int | None
    action: str
    target_type: str
    target_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    ip: str
    request_id: str
    succeeded: bool
    created_at: datetime

    @classmethod
    def of(cls, e: ActivityEntry) -> "ActivityView":
        assert e.id is not None
        return cls(
            id=e.id,
            staff_id=e.staff_id,
            action=e.action,
            target_type=e.target_type,
            target_id=e.target_id,
            before=dict(e.before) if e.before is not None else None,
            after=dict(e.after) if e.after is not None else None,
            ip=e.ip,
            request_id=e.request_id,
            succeeded=e.succeeded,
            created_at=e.created_at,
        )


class ActivityPage(msgspec.Struct, frozen=True):
    items: list[ActivityView]
    total: int
    limit: int
    offset: int


class SignedInStaff(msgspec.Struct, frozen=True):
    id: int
    name: str
    email: str
    role: str
    level: int
    permissions: list[str]

    @classmethod
    def of(cls, s: Staff) -> "SignedInStaff":
        assert s.id is not None
        return cls(
            id=s.id,
            name=s.name,
            email=s.email.value,
            role=s.role.code,
            level=s.role.level,
            permissions=[p.code for p in s.role.permissions],
        )


class StaffAuthResult(msgspec.Struct, frozen=True):
    """Login and refresh answer with tokens and who signed in."""

    access_token: str
    refresh_token: str
    token_type: str
    expires_in: int
    staff: SignedInStaff

    @classmethod
    def of(cls, tokens: TokenPair, member: Staff) -> "StaffAuthResult":
        return cls(
            access_token=tokens.access_token,
            refresh_token=tokens.refresh_token,
            token_type=tokens.token_type,
            expires_in=tokens.expires_in,
            staff=SignedInStaff.of(member),
        )


class RoleList(msgspec.Struct, frozen=True):
    items: list[RoleView]


class PermissionList(msgspec.Struct, frozen=True):
    items: list[PermissionView]


class SessionList(msgspec.Struct, frozen=True):
    staff_id: int
    items: list[SessionView]
