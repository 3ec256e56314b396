"""One service in full: what it includes and excludes, how long it takes, and its rate cards."""

from typing import Annotated

from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, get
from litestar.params import FromPath, FromQuery, Parameter

from application.catalog.queries.get_subcategory_details import (
    GetSubcategoryDetails,
    GetSubcategoryDetailsQuery,
)
from entrypoints.http.schemas import RateCardOut, Schema, to_schema


class SubcategoryDetailsOut(Schema):
    id: int
    slug: str
    name: str
    description: str
    duration_minutes: int
    inclusions: list[str]
    exclusions: list[str]
    category_id: int
    category_slug: str
    category_name: str
    pincode: str | None
    serviceable: bool | None
    rate_cards: list[RateCardOut]


class ServiceDetailsController(Controller):
    path = "/api/v1/services"
    tags = ["catalog"]

    @get("/subcategories/{subcategory_id:int}", summary="A service's details and rate cards")
    @inject
    async def details(
        self,
        subcategory_id: FromPath[Annotated[int, Parameter(description="Subcategory id")]],
        handler: FromDishka[GetSubcategoryDetails],
        pincode: FromQuery[
            Annotated[
                str | None,
                Parameter(description="6-digit Indian pincode; only rate cards offered there are listed"),
            ]
        ] = None,
    ) -> SubcategoryDetailsOut:
        """Rate cards come cheapest first. With a pincode, `serviceable` says whether it is served at all."""
        query = GetSubcategoryDetailsQuery(subcategory_id=subcategory_id, pincode=pincode)
        return to_schema(await handler.execute(query), SubcategoryDetailsOut)
