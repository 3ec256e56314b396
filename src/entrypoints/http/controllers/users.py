"""The signed-in customer's own account (`/users/me`): profile, password, deletion and address book.

There is no user id in any path: whose account it is comes from the access token alone."""

from typing import Annotated, Any

import msgspec
from dishka import AsyncContainer
from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, delete, get, patch, post
from litestar.connection import ASGIConnection
from litestar.handlers import BaseRouteHandler
from litestar.params import Body, FromPath, Parameter

from application.customer.commands.add_address import AddAddress, AddAddressHandler
from application.customer.commands.change_address import ChangeAddress, ChangeAddressHandler
from application.customer.commands.change_password import ChangePassword, ChangePasswordHandler
from application.customer.commands.delete_account import DeleteAccountHandler
from application.customer.commands.remove_address import RemoveAddress, RemoveAddressHandler
from application.customer.commands.update_profile import UpdateProfile, UpdateProfileHandler
from application.customer.queries.get_address import GetAddress, GetAddressQuery
from application.customer.queries.get_profile import GetProfile
from application.customer.queries.list_addresses import ListAddresses
from application.identity.actors import CustomerActor
from entrypoints.http.controllers.auth import AuthOut
from entrypoints.http.controllers.user_schemas import (
    AddressIn,
    AddressListOut,
    AddressOut,
    AddressPatch,
    PasswordChangeIn,
    ProfileOut,
    ProfilePatch,
)
from entrypoints.http.schemas import to_schema

AddressIdParam = FromPath[Annotated[int, Parameter(description="Id of one of your own addresses")]]


async def signed_in(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """Resolve the caller before the body is read: without a valid token the answer is 401, never a
    validation error that describes the endpoint. The actor is cached for the request, so the handler
    reuses it."""
    container: AsyncContainer = connection.state.dishka_container
    await container.get(CustomerActor)


def _cleared(value: str | msgspec.UnsetType | None) -> str | msgspec.UnsetType:
    return "" if value is None else value


class UsersController(Controller):
    path = "/api/v1/users/me"
    tags = ["account"]
    guards = [signed_in]

    @get("/", summary="Your profile")
    @inject
    async def profile(self, actor: FromDishka[CustomerActor], handler: FromDishka[GetProfile]) -> ProfileOut:
        return to_schema(await handler.execute(actor=actor), ProfileOut)

    @patch("/", summary="Change your name, email or mobile")
    @inject
    async def update_profile(
        self,
        data: Annotated[ProfilePatch, Body()],
        actor: FromDishka[CustomerActor],
        handler: FromDishka[UpdateProfileHandler],
    ) -> ProfileOut:
        cmd = UpdateProfile(name=data.name, email=data.email, phone=data.phone)
        return to_schema(await handler.execute(cmd, actor=actor), ProfileOut)

    @patch("/password", summary="Change your password; signs out every other session", status_code=200)
    @inject
    async def change_password(
        self,
        data: Annotated[PasswordChangeIn, Body()],
        actor: FromDishka[CustomerActor],
        handler: FromDishka[ChangePasswordHandler],
    ) -> AuthOut:
        cmd = ChangePassword(current_password=data.current_password, new_password=data.new_password)
        return to_schema(await handler.execute(cmd, actor=actor), AuthOut)

    @delete("/", summary="Delete your account (personal data is scrubbed; signs out everywhere)")
    @inject
    async def delete_account(
        self, actor: FromDishka[CustomerActor], handler: FromDishka[DeleteAccountHandler]
    ) -> None:
        await handler.execute(actor=actor)

    @get("/addresses", summary="Your saved addresses, oldest first")
    @inject
    async def list_addresses(
        self, actor: FromDishka[CustomerActor], handler: FromDishka[ListAddresses]
    ) -> AddressListOut:
        return to_schema(await handler.execute(actor=actor), AddressListOut)

    @post("/addresses", summary="Save an address (at most 10; the first is the default)", status_code=201)
    @inject
    async def add_address(
        self,
        data: Annotated[AddressIn, Body()],
        actor: FromDishka[CustomerActor],
        handler: FromDishka[AddAddressHandler],
    ) -> AddressOut:
        cmd = AddAddress(
            label=data.label,
            line1=data.line1,
            pincode=data.pincode,
            line2=data.line2 or "",
            landmark=data.landmark or "",
            is_default=data.is_default,
        )
        return to_schema(await handler.execute(cmd, actor=actor), AddressOut)

    @get("/addresses/{address_id:int}", summary="One of your addresses")
    @inject
    async def get_address(
        self, address_id: AddressIdParam, actor: FromDishka[CustomerActor], handler: FromDishka[GetAddress]
    ) -> AddressOut:
        result = await handler.execute(GetAddressQuery(address_id=address_id), actor=actor)
        return to_schema(result, AddressOut)

    @patch("/addresses/{address_id:int}", summary="Change one of your addresses")
    @inject
    async def change_address(
        self,
        address_id: AddressIdParam,
        data: Annotated[AddressPatch, Body()],
        actor: FromDishka[CustomerActor],
        handler: FromDishka[ChangeAddressHandler],
    ) -> AddressOut:
        cmd = ChangeAddress(
            address_id=address_id,
            label=data.label,
            line1=data.line1,
            line2=_cleared(data.line2),
            landmark=_cleared(data.landmark),
            pincode=data.pincode,
            is_default=data.is_default,
        )
        return to_schema(await handler.execute(cmd, actor=actor), AddressOut)

    @delete("/addresses/{address_id:int}", summary="Remove one of your addresses")
    @inject
    async def remove_address(
        self,
        address_id: AddressIdParam,
        actor: FromDishka[CustomerActor],
        handler: FromDishka[RemoveAddressHandler],
    ) -> None:
        await handler.execute(RemoveAddress(address_id=address_id), actor=actor)
