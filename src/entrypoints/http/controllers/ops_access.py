"""Roles, permissions, staff sessions and the activity log of the ops console."""

from typing import Annotated, Any

from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, Request, delete, get
from litestar.params import FromPath, FromQuery, Parameter, QueryParameter
from litestar.status_codes import HTTP_204_NO_CONTENT

from application.identity.actors import StaffActor
from application.staff.commands.revoke_staff_session import RevokeStaffSession, RevokeStaffSessionHandler
from application.staff.queries.list_activity import ListActivity, ListActivityQuery
from application.staff.queries.list_permissions import ListPermissions
from application.staff.queries.list_roles import ListRoles
from application.staff.queries.list_staff_sessions import ListStaffSessions, ListStaffSessionsQuery
from entrypoints.http.controllers.ops_common import (
    ActivityPageOut,
    PermissionListOut,
    RoleListOut,
    SessionListOut,
    origin_of,
)
from entrypoints.http.schemas import to_schema


class OpsAccessController(Controller):
    path = "/"
    tags = ["ops: access"]

    @get("/roles", summary="Roles with their levels and permissions (staff.view)")
    @inject
    async def list_roles(self, actor: FromDishka[StaffActor], handler: FromDishka[ListRoles]) -> RoleListOut:
        return to_schema(await handler.execute(actor=actor), RoleListOut)

    @get("/permissions", summary="Every permission, by module (staff.view)")
    @inject
    async def list_permissions(
        self, actor: FromDishka[StaffActor], handler: FromDishka[ListPermissions]
    ) -> PermissionListOut:
        return to_schema(await handler.execute(actor=actor), PermissionListOut)

    @get(
        "/staff/{staff_id:int}/sessions",
        summary="A member's sessions (your own, or anyone's with staff.view)",
    )
    @inject
    async def list_sessions(
        self,
        staff_id: FromPath[Annotated[int, Parameter(description="Staff member id")]],
        actor: FromDishka[StaffActor],
        handler: FromDishka[ListStaffSessions],
    ) -> SessionListOut:
        query = ListStaffSessionsQuery(staff_id=staff_id)
        return to_schema(await handler.execute(query, actor=actor), SessionListOut)

    @delete(
        "/sessions/{session_id:str}",
        summary="End a session at once (your own, or with staff.manage one of a member below you)",
        status_code=HTTP_204_NO_CONTENT,
    )
    @inject
    async def revoke_session(
        self,
        request: Request[Any, Any, Any],
        session_id: FromPath[Annotated[str, Parameter(max_length=64, description="Session id")]],
        actor: FromDishka[StaffActor],
        handler: FromDishka[RevokeStaffSessionHandler],
    ) -> None:
        cmd = RevokeStaffSession(session_id=session_id, origin=origin_of(request))
        await handler.execute(cmd, actor=actor)

    @get("/activity", summary="The staff activity log, newest first (audit.view)")
    @inject
    async def list_activity(
        self,
        actor: FromDishka[StaffActor],
        handler: FromDishka[ListActivity],
        staff_id: Annotated[int | None, QueryParameter(name="staffId", description="Acting member")] = None,
        action: FromQuery[Annotated[str | None, Parameter(description="e.g. staff.create")]] = None,
        target_type: Annotated[str | None, QueryParameter(name="targetType")] = None,
        target_id: Annotated[str | None, QueryParameter(name="targetId")] = None,
        limit: FromQuery[Annotated[int, Parameter(ge=1, le=100)]] = 50,
        offset: FromQuery[Annotated[int, Parameter(ge=0)]] = 0,
    ) -> ActivityPageOut:
        query = ListActivityQuery(
            staff_id=staff_id,
            action=action,
            target_type=target_type,
            target_id=target_id,
            limit=limit,
            offset=offset,
        )
        return to_schema(await handler.execute(query, actor=actor), ActivityPageOut)
