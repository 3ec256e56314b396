"""Operations staff sign-in, token refresh, sign-out and self-registration."""

from typing import Annotated, Any

from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, Request, Response, post
from litestar.params import Body
from litestar.status_codes import HTTP_202_ACCEPTED, HTTP_204_NO_CONTENT

from application.identity.actors import StaffActor
from application.staff.commands.login_staff import LoginStaff, LoginStaffHandler
from application.staff.commands.logout_staff import LogoutStaff, LogoutStaffHandler
from application.staff.commands.refresh_staff_tokens import RefreshStaffTokens, RefreshStaffTokensHandler
from application.staff.commands.register_staff import RegisterStaff, RegisterStaffHandler
from entrypoints.http.controllers.ops_common import (
    OpsAuthOut,
    OpsLoginIn,
    OpsRefreshIn,
    OpsRegisterIn,
    origin_of,
)
from entrypoints.http.schemas import to_schema

REGISTERED = (
    "Thanks. If these details can be used, an administrator will review the registration; "
    "you can sign in once it is approved."
)


class OpsAuthController(Controller):
    path = "/auth"
    tags = ["ops: auth"]

    @post("/login", summary="Staff sign-in with email and password", status_code=200)
    @inject
    async def login(
        self,
        request: Request[Any, Any, Any],
        data: Annotated[OpsLoginIn, Body()],
        handler: FromDishka[LoginStaffHandler],
    ) -> OpsAuthOut:
        cmd = LoginStaff(email=data.email, password=data.password, origin=origin_of(request))
        return to_schema(await handler.execute(cmd), OpsAuthOut)

    @post("/refresh", summary="Rotate the staff refresh token and get a new access token", status_code=200)
    @inject
    async def refresh(
        self, data: Annotated[OpsRefreshIn, Body()], handler: FromDishka[RefreshStaffTokensHandler]
    ) -> OpsAuthOut:
        result = await handler.execute(RefreshStaffTokens(refresh_token=data.refresh_token))
        return to_schema(result, OpsAuthOut)

    @post("/logout", summary="End this staff session everywhere", status_code=HTTP_204_NO_CONTENT)
    @inject
    async def logout(
        self,
        request: Request[Any, Any, Any],
        actor: FromDishka[StaffActor],
        handler: FromDishka[LogoutStaffHandler],
    ) -> None:
        await handler.execute(LogoutStaff(origin=origin_of(request)), actor=actor)

    @post(
        "/register",
        summary="Ask to join the ops team (pending until approved; answers the same for taken emails)",
        status_code=HTTP_202_ACCEPTED,
    )
    @inject
    async def register(
        self,
        request: Request[Any, Any, Any],
        data: Annotated[OpsRegisterIn, Body()],
        handler: FromDishka[RegisterStaffHandler],
    ) -> Response[dict[str, str]]:
        cmd = RegisterStaff(
            name=data.name,
            email=data.email,
            password=data.password,
            phone=data.phone,
            origin=origin_of(request),
        )
        await handler.execute(cmd)
        return Response({"detail": REGISTERED}, status_code=HTTP_202_ACCEPTED)
