"""Browsing the service catalog: categories, their services, and rate cards at a pincode."""

from typing import Annotated

from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, get
from litestar.params import FromPath, FromQuery, Parameter

from application.catalog.queries.list_categories import ListCategories
from application.catalog.queries.list_rate_cards import ListRateCards, ListRateCardsQuery
from application.catalog.queries.list_subcategories import ListSubcategories, ListSubcategoriesQuery
from entrypoints.http.schemas import CategoryList, RateCardList, SubcategoryList, to_schema

NOT_FOUND_OR_INVALID = {400: "Malformed id or pincode", 404: "Unknown or inactive id"}


class CatalogController(Controller):
    path = "/api/v1/services"
    tags = ["catalog"]

    @get("/categories", summary="List service categories")
    @inject
    async def list_categories(self, handler: FromDishka[ListCategories]) -> CategoryList:
        return to_schema(await handler.execute(), CategoryList)

    @get("/categories/{category_id:int}/subcategories", summary="List the services of a category")
    @inject
    async def list_subcategories(
        self,
        category_id: FromPath[Annotated[int, Parameter(description="Category id")]],
        handler: FromDishka[ListSubcategories],
    ) -> SubcategoryList:
        result = await handler.execute(ListSubcategoriesQuery(category_id=category_id))
        return to_schema(result, SubcategoryList)

    @get("/subcategories/{subcategory_id:int}/rate-cards", summary="List rate cards, optionally at a pincode")
    @inject
    async def list_rate_cards(
        self,
        subcategory_id: FromPath[Annotated[int, Parameter(description="Subcategory id")]],
        handler: FromDishka[ListRateCards],
        pincode: FromQuery[
            Annotated[
                str | None,
                Parameter(description="6-digit Indian pincode; only rate cards offered there are listed"),
            ]
        ] = None,
    ) -> RateCardList:
        result = await handler.execute(ListRateCardsQuery(subcategory_id=subcategory_id, pincode=pincode))
        return to_schema(result, RateCardList)
