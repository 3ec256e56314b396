"""Pincodes: where one is, whether it is served, and what can be booked there."""

from typing import Annotated

from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, get
from litestar.params import FromPath, Parameter

from application.serviceability.queries.get_pincode import GetPincode, GetPincodeQuery
from entrypoints.http.schemas import Schema, to_schema


class CategoryRefOut(Schema):
    id: int
    slug: str
    name: str


class PincodeOut(Schema):
    pincode: str
    locality: str
    city: str
    state: str
    serviceable: bool
    categories: list[CategoryRefOut]


class PincodesController(Controller):
    path = "/api/v1/pincodes"
    tags = ["catalog"]

    @get("/{pincode:str}", summary="Whether a pincode is served, and the categories bookable there")
    @inject
    async def lookup(
        self,
        pincode: FromPath[Annotated[str, Parameter(description="6-digit Indian pincode")]],
        handler: FromDishka[GetPincode],
    ) -> PincodeOut:
        """`categories` lists the active categories with a rate card offered at the pincode, in display
        order; it is empty when the pincode is not served. A pincode we do not know is a 404."""
        return to_schema(await handler.execute(GetPincodeQuery(pincode=pincode)), PincodeOut)
