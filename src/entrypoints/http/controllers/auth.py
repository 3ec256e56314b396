"""Customer sign-up, sign-in, token refresh, sign-out and password reset."""

from typing import Annotated, Any

import msgspec
from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, Request, Response, post
from litestar.params import Body
from litestar.status_codes import HTTP_202_ACCEPTED, HTTP_204_NO_CONTENT

from application.common.errors import InvalidInput
from application.identity.actors import CustomerActor
from application.identity.commands.login_customer import LoginCustomer, LoginCustomerHandler
from application.identity.commands.logout import LogoutHandler
from application.identity.commands.password_reset import (
    ConfirmPasswordReset,
    ConfirmPasswordResetHandler,
    RequestPasswordReset,
    RequestPasswordResetHandler,
)
from application.identity.commands.refresh_customer_tokens import (
    RefreshCustomerTokens,
    RefreshCustomerTokensHandler,
)
from application.identity.commands.register_customer import RegisterCustomer, RegisterCustomerHandler
from domain.identity.password_policy import POLICY_TEXT
from entrypoints.http.request_info import client_ip
from entrypoints.http.schemas import Schema, to_schema

Password = Annotated[str, msgspec.Meta(min_length=1, max_length=256, description=f"Policy: {POLICY_TEXT}")]
Text = Annotated[str, msgspec.Meta(min_length=1, max_length=254)]


class RegisterIn(Schema):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=120, examples=["Ananya Iyer"])]
    password: Password
    email: Text | None = None
    phone: Annotated[str, msgspec.Meta(min_length=1, max_length=20, examples=["+91 98765 43210"])] | None = (
        None
    )


class LoginIn(Schema):
    """Give `identifier` (email or mobile), or `email`, or `phone`."""

    password: Password
    identifier: Text | None = None
    email: Text | None = None
    phone: Text | None = None


class RefreshIn(Schema):
    refresh_token: Annotated[str, msgspec.Meta(min_length=1, max_length=2048)]


class ResetRequestIn(Schema):
    identifier: Text


class ResetConfirmIn(Schema):
    token: Annotated[str, msgspec.Meta(min_length=1, max_length=256)]
    new_password: Password


class UserOut(Schema):
    id: int
    name: str
    email: str | None
    phone: str | None
    email_verified: bool
    phone_verified: bool


class AuthOut(Schema):
    access_token: str
    refresh_token: str
    token_type: str
    expires_in: int
    user: UserOut


class AuthController(Controller):
    path = "/api/v1/auth"
    tags = ["auth"]

    @post("/register", summary="Sign up (email and/or Indian mobile, password)", status_code=201)
    @inject
    async def register(
        self,
        request: Request[Any, Any, Any],
        data: Annotated[RegisterIn, Body()],
        handler: FromDishka[RegisterCustomerHandler],
    ) -> AuthOut:
        cmd = RegisterCustomer(
            name=data.name, password=data.password, email=data.email, phone=data.phone, ip=client_ip(request)
        )
        return to_schema(await handler.execute(cmd), AuthOut)

    @post("/login", summary="Sign in with email or mobile and password", status_code=200)
    @inject
    async def login(
        self,
        request: Request[Any, Any, Any],
        data: Annotated[LoginIn, Body()],
        handler: FromDishka[LoginCustomerHandler],
    ) -> AuthOut:
        identifier = data.identifier or data.email or data.phone
        if not identifier:
            raise InvalidInput("identifier", "give an email address or a mobile number")
        cmd = LoginCustomer(identifier=identifier, password=data.password, ip=client_ip(request))
        return to_schema(await handler.execute(cmd), AuthOut)

    @post("/refresh", summary="Rotate the refresh token and get a new access token", status_code=200)
    @inject
    async def refresh(
        self, data: Annotated[RefreshIn, Body()], handler: FromDishka[RefreshCustomerTokensHandler]
    ) -> AuthOut:
        return to_schema(
            await handler.execute(RefreshCustomerTokens(refresh_token=data.refresh_token)), AuthOut
        )

    @post("/logout", summary="Sign out this session everywhere", status_code=HTTP_204_NO_CONTENT)
    @inject
    async def logout(self, actor: FromDishka[CustomerActor], handler: FromDishka[LogoutHandler]) -> None:
        await handler.execute(actor=actor)

    @post(
        "/password-reset",
        summary="Send a password reset token (answers the same for unknown accounts)",
        status_code=HTTP_202_ACCEPTED,
    )
    @inject
    async def request_reset(
        self,
        request: Request[Any, Any, Any],
        data: Annotated[ResetRequestIn, Body()],
        handler: FromDishka[RequestPasswordResetHandler],
    ) -> Response[dict[str, str]]:
        await handler.execute(RequestPasswordReset(identifier=data.identifier, ip=client_ip(request)))
        message = "If an account matches, a reset code is on its way. It works once, for 30 minutes."
        return Response({"detail": message}, status_code=HTTP_202_ACCEPTED)

    @post(
        "/password-reset/confirm",
        summary="Set a new password with a reset token",
        status_code=HTTP_204_NO_CONTENT,
    )
    @inject
    async def confirm_reset(
        self, data: Annotated[ResetConfirmIn, Body()], handler: FromDishka[ConfirmPasswordResetHandler]
    ) -> None:
        await handler.execute(ConfirmPasswordReset(token=data.token, new_password=data.new_password))
