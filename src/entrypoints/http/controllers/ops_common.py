"""What the ops controllers share: where a request came from, and the HTTP schemas of staff and access."""

from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec
from litestar import Request

from application.staff.audit import Origin
from domain.identity.password_policy import POLICY_TEXT
from entrypoints.http.request_info import client_ip
from entrypoints.http.schemas import Schema

Password = Annotated[str, msgspec.Meta(min_length=1, max_length=256, description=f"Policy: {POLICY_TEXT}")]
EmailText = Annotated[str, msgspec.Meta(min_length=3, max_length=254, examples=["priya.raghavan@nexora.in"])]
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=120, examples=["Kavya Menon"])]
Phone = Annotated[str, msgspec.Meta(min_length=1, max_length=20, examples=["+91 98450 12345"])]
RoleCode = Annotated[str, msgspec.Meta(min_length=1, max_length=40, examples=["support_agent"])]


def origin_of(request: Request[Any, Any, Any]) -> Origin:
    """The client address, the request id (for the activity log) and the user agent."""
    return Origin(
        ip=client_ip(request),
        request_id=str(request.scope.get("state", {}).get("request_id", "")),
        user_agent=request.headers.get("user-agent", "")[:255],
    )


class OpsLoginIn(Schema):
    email: EmailText
    password: Password


class OpsRefreshIn(Schema):
    refresh_token: Annotated[str, msgspec.Meta(min_length=1, max_length=2048)]


class OpsRegisterIn(Schema):
    name: Name
    email: EmailText
    password: Password
    phone: Phone | None = None


class StaffCreateIn(Schema):
    name: Name
    email: EmailText
    role: RoleCode
    password: Password
    phone: Phone | None = None


class StaffPatchIn(Schema):
    """Send only what changes. `phone: null` removes the phone; `status` suspends or reactivates."""

    name: Name | msgspec.UnsetType = msgspec.UNSET
    phone: Phone | msgspec.UnsetType | None = msgspec.UNSET
    status: Literal["active", "suspended"] | msgspec.UnsetType = msgspec.UNSET


class RoleIn(Schema):
    role: RoleCode


class SignedInStaffOut(Schema):
    id: int
    name: str
    email: str
    role: str
    level: int
    permissions: list[str]


class OpsAuthOut(Schema):
    access_token: str
    refresh_token: str
    token_type: str
    expires_in: int
    staff: SignedInStaffOut


class StaffOut(Schema):
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


class StaffDetailOut(StaffOut):
    permissions: list[str]


class StaffPageOut(Schema):
    items: list[StaffOut]
    total: int
    limit: int
    offset: int


class RoleOut(Schema):
    code: str
    name: str
    level: int
    description: str
    permissions: list[str]


class RoleListOut(Schema):
    items: list[RoleOut]


class PermissionOut(Schema):
    code: str
    module: str
    description: str


class PermissionListOut(Schema):
    items: list[PermissionOut]


class SessionOut(Schema):
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


class SessionListOut(Schema):
    staff_id: int
    items: list[SessionOut]


class ActivityOut(Schema):
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


class ActivityPageOut(Schema):
    items: list[ActivityOut]
    total: int
    limit: int
    offset: int
