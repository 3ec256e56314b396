"""The staff directory and its management: list, look up, create, change, deactivate, approve, re-role."""

from typing import Annotated, Any

import msgspec
from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, Request, delete, get, patch, post, put
from litestar.params import Body, FromPath, FromQuery, Parameter
from litestar.status_codes import HTTP_204_NO_CONTENT

from application.identity.actors import StaffActor
from application.staff.commands.approve_staff import ApproveStaff, ApproveStaffHandler
from application.staff.commands.change_staff_role import ChangeStaffRole, ChangeStaffRoleHandler
from application.staff.commands.create_staff import CreateStaff, CreateStaffHandler
from application.staff.commands.deactivate_staff import DeactivateStaff, DeactivateStaffHandler
from application.staff.commands.update_staff import UpdateStaff, UpdateStaffHandler
from application.staff.queries.get_staff import GetStaff, GetStaffQuery
from application.staff.queries.list_staff import ListStaff, ListStaffQuery
from entrypoints.http.controllers.ops_common import (
    RoleIn,
    StaffCreateIn,
    StaffDetailOut,
    StaffOut,
    StaffPageOut,
    StaffPatchIn,
    origin_of,
)
from entrypoints.http.schemas import to_schema

StaffIdParam = FromPath[Annotated[int, Parameter(description="Staff member id")]]


class OpsStaffController(Controller):
    path = "/staff"
    tags = ["ops: staff"]

    @get("/", summary="List staff (staff.view)")
    @inject
    async def list_staff(
        self,
        actor: FromDishka[StaffActor],
        handler: FromDishka[ListStaff],
        status: FromQuery[Annotated[str | None, Parameter(description="pending, active, ...")]] = None,
        role: FromQuery[Annotated[str | None, Parameter(description="Role code")]] = None,
        limit: FromQuery[Annotated[int, Parameter(ge=1, le=100)]] = 20,
        offset: FromQuery[Annotated[int, Parameter(ge=0)]] = 0,
    ) -> StaffPageOut:
        query = ListStaffQuery(status=status, role=role, limit=limit, offset=offset)
        return to_schema(await handler.execute(query, actor=actor), StaffPageOut)

    @get("/{staff_id:int}", summary="One staff member with their permissions (staff.view)")
    @inject
    async def get_staff(
        self, staff_id: StaffIdParam, actor: FromDishka[StaffActor], handler: FromDishka[GetStaff]
    ) -> StaffDetailOut:
        return to_schema(await handler.execute(GetStaffQuery(staff_id=staff_id), actor=actor), StaffDetailOut)

    @post("/", summary="Add an active member with a role below yours (staff.manage)", status_code=201)
    @inject
    async def create_staff(
        self,
        request: Request[Any, Any, Any],
        data: Annotated[StaffCreateIn, Body()],
        actor: FromDishka[StaffActor],
        handler: FromDishka[CreateStaffHandler],
    ) -> StaffOut:
        cmd = CreateStaff(
            name=data.name,
            email=data.email,
            role=data.role,
            password=data.password,
            phone=data.phone,
            origin=origin_of(request),
        )
        return to_schema(await handler.execute(cmd, actor=actor), StaffOut)

    @patch("/{staff_id:int}", summary="Change name, phone or status of a member below you (staff.manage)")
    @inject
    async def update_staff(
        self,
        request: Request[Any, Any, Any],
        staff_id: StaffIdParam,
        data: Annotated[StaffPatchIn, Body()],
        actor: FromDishka[StaffActor],
        handler: FromDishka[UpdateStaffHandler],
    ) -> StaffOut:
        changes = msgspec.structs.asdict(data)
        cmd = UpdateStaff(staff_id=staff_id, origin=origin_of(request), **changes)
        return to_schema(await handler.execute(cmd, actor=actor), StaffOut)

    @delete(
        "/{staff_id:int}",
        summary="Deactivate a member below you and end their sessions (staff.manage)",
        status_code=HTTP_204_NO_CONTENT,
    )
    @inject
    async def deactivate_staff(
        self,
        request: Request[Any, Any, Any],
        staff_id: StaffIdParam,
        actor: FromDishka[StaffActor],
        handler: FromDishka[DeactivateStaffHandler],
    ) -> None:
        await handler.execute(DeactivateStaff(staff_id=staff_id, origin=origin_of(request)), actor=actor)

    @post(
        "/{staff_id:int}/approve",
        summary="Approve a pending registration with a role (staff.approve)",
        status_code=200,
    )
    @inject
    async def approve_staff(
        self,
        request: Request[Any, Any, Any],
        staff_id: StaffIdParam,
        data: Annotated[RoleIn, Body()],
        actor: FromDishka[StaffActor],
        handler: FromDishka[ApproveStaffHandler],
    ) -> StaffOut:
        cmd = ApproveStaff(staff_id=staff_id, role=data.role, origin=origin_of(request))
        return to_schema(await handler.execute(cmd, actor=actor), StaffOut)

    @put("/{staff_id:int}/role", summary="Give a member below you a role below yours (staff.assign_roles)")
    @inject
    async def change_role(
        self,
        request: Request[Any, Any, Any],
        staff_id: StaffIdParam,
        data: Annotated[RoleIn, Body()],
        actor: FromDishka[StaffActor],
        handler: FromDishka[ChangeStaffRoleHandler],
    ) -> StaffOut:
        cmd = ChangeStaffRole(staff_id=staff_id, role=data.role, origin=origin_of(request))
        return to_schema(await handler.execute(cmd, actor=actor), StaffOut)
