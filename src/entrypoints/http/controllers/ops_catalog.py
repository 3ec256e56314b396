"""Catalog management in the ops console: categories, services, rate cards and where each card is offered.

Every change is checked against the actor's permissions in the use case, logged with the request's origin,
and visible to customers at once (the catalog cache is dropped after commit)."""

from typing import Annotated, Any

import msgspec
from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, Request, get, patch, post, put
from litestar.params import Body, FromPath, FromQuery, Parameter, QueryParameter

from application.catalog.commands.change_rate_card_pincodes import (
    ChangeRateCardPincodes,
    ChangeRateCardPincodesHandler,
)
from application.catalog.commands.create_category import CreateCategory, CreateCategoryHandler
from application.catalog.commands.create_rate_card import CreateRateCard, CreateRateCardHandler
from application.catalog.commands.create_subcategory import CreateSubcategory, CreateSubcategoryHandler
from application.catalog.commands.replace_rate_card_pincodes import (
    ReplaceRateCardPincodes,
    ReplaceRateCardPincodesHandler,
)
from application.catalog.commands.update_category import UpdateCategory, UpdateCategoryHandler
from application.catalog.commands.update_rate_card import UpdateRateCard, UpdateRateCardHandler
from application.catalog.commands.update_subcategory import UpdateSubcategory, UpdateSubcategoryHandler
from application.catalog.queries.list_managed_categories import (
    ListManagedCategories,
    ListManagedCategoriesQuery,
)
from application.identity.actors import StaffActor
from entrypoints.http.controllers.ops_catalog_schemas import (
    CategoryAdminOut,
    CategoryAdminPageOut,
    CategoryCreateIn,
    CategoryPatchIn,
    PincodeChangesIn,
    PincodesIn,
    RateCardAdminOut,
    RateCardCreateIn,
    RateCardPatchIn,
    RateCardPincodesOut,
    SubcategoryAdminOut,
    SubcategoryCreateIn,
    SubcategoryPatchIn,
)
from entrypoints.http.controllers.ops_common import origin_of
from entrypoints.http.schemas import to_schema

AnyRequest = Request[Any, Any, Any]
CategoryIdParam = FromPath[Annotated[int, Parameter(description="Category id")]]
SubcategoryIdParam = FromPath[Annotated[int, Parameter(description="Subcategory id")]]
RateCardIdParam = FromPath[Annotated[int, Parameter(description="Rate card id")]]


def fields(data: msgspec.Struct) -> dict[str, Any]:
    return msgspec.structs.asdict(data)


class OpsCatalogController(Controller):
    path = "/catalog"
    tags = ["ops: catalog"]

    @get("/categories", summary="Categories in display order, inactive ones on request (catalog.view)")
    @inject
    async def list_categories(
        self,
        actor: FromDishka[StaffActor],
        handler: FromDishka[ListManagedCategories],
        include_inactive: Annotated[bool, QueryParameter(name="includeInactive")] = False,
        limit: FromQuery[Annotated[int, Parameter(ge=1, le=100)]] = 20,
        offset: FromQuery[Annotated[int, Parameter(ge=0)]] = 0,
    ) -> CategoryAdminPageOut:
        query = ListManagedCategoriesQuery(include_inactive=include_inactive, limit=limit, offset=offset)
        return to_schema(await handler.execute(query, actor=actor), CategoryAdminPageOut)

    @post("/categories", summary="Add a category (catalog.manage)", status_code=201)
    @inject
    async def create_category(
        self,
        request: AnyRequest,
        data: Annotated[CategoryCreateIn, Body()],
        actor: FromDishka[StaffActor],
        handler: FromDishka[CreateCategoryHandler],
    ) -> CategoryAdminOut:
        cmd = CreateCategory(**fields(data), origin=origin_of(request))
        return to_schema(await handler.execute(cmd, actor=actor), CategoryAdminOut)

    @patch("/categories/{category_id:int}", summary="Change or (de)activate a category (catalog.manage)")
    @inject
    async def update_category(
        self,
        request: AnyRequest,
        category_id: CategoryIdParam,
        data: Annotated[CategoryPatchIn, Body()],
        actor: FromDishka[StaffActor],
        handler: FromDishka[UpdateCategoryHandler],
    ) -> CategoryAdminOut:
        cmd = UpdateCategory(category_id=category_id, **fields(data), origin=origin_of(request))
        return to_schema(await handler.execute(cmd, actor=actor), CategoryAdminOut)

    @post("/subcategories", summary="Add a service to a category (catalog.manage)", status_code=201)
    @inject
    async def create_subcategory(
        self,
        request: AnyRequest,
        data: Annotated[SubcategoryCreateIn, Body()],
        actor: FromDishka[StaffActor],
        handler: FromDishka[CreateSubcategoryHandler],
    ) -> SubcategoryAdminOut:
        cmd = CreateSubcategory(**fields(data), origin=origin_of(request))
        return to_schema(await handler.execute(cmd, actor=actor), SubcategoryAdminOut)

    @patch("/subcategories/{subcategory_id:int}", summary="Change or (de)activate a service (catalog.manage)")
    @inject
    async def update_subcategory(
        self,
        request: AnyRequest,
        subcategory_id: SubcategoryIdParam,
        data: Annotated[SubcategoryPatchIn, Body()],
        actor: FromDishka[StaffActor],
        handler: FromDishka[UpdateSubcategoryHandler],
    ) -> SubcategoryAdminOut:
        cmd = UpdateSubcategory(subcategory_id=subcategory_id, **fields(data), origin=origin_of(request))
        return to_schema(await handler.execute(cmd, actor=actor), SubcategoryAdminOut)

    @post("/rate-cards", summary="Add a rate card to a service (catalog.manage)", status_code=201)
    @inject
    async def create_rate_card(
        self,
        request: AnyRequest,
        data: Annotated[RateCardCreateIn, Body()],
        actor: FromDishka[StaffActor],
        handler: FromDishka[CreateRateCardHandler],
    ) -> RateCardAdminOut:
        cmd = CreateRateCard(**fields(data), origin=origin_of(request))
        return to_schema(await handler.execute(cmd, actor=actor), RateCardAdminOut)

    @patch(
        "/rate-cards/{rate_card_id:int}",
        summary="Change, reprice or (de)activate a rate card (catalog.manage)",
    )
    @inject
    async def update_rate_card(
        self,
        request: AnyRequest,
        rate_card_id: RateCardIdParam,
        data: Annotated[RateCardPatchIn, Body()],
        actor: FromDishka[StaffActor],
        handler: FromDishka[UpdateRateCardHandler],
    ) -> RateCardAdminOut:
        cmd = UpdateRateCard(rate_card_id=rate_card_id, **fields(data), origin=origin_of(request))
        return to_schema(await handler.execute(cmd, actor=actor), RateCardAdminOut)

    @put(
        "/rate-cards/{rate_card_id:int}/pincodes", summary="Set where a rate card is offered (catalog.manage)"
    )
    @inject
    async def replace_pincodes(
        self,
        request: AnyRequest,
        rate_card_id: RateCardIdParam,
        data: Annotated[PincodesIn, Body()],
        actor: FromDishka[StaffActor],
        handler: FromDishka[ReplaceRateCardPincodesHandler],
    ) -> RateCardPincodesOut:
        cmd = ReplaceRateCardPincodes(
            rate_card_id=rate_card_id, pincodes=data.pincodes, origin=origin_of(request)
        )
        return to_schema(await handler.execute(cmd, actor=actor), RateCardPincodesOut)

    @patch(
        "/rate-cards/{rate_card_id:int}/pincodes",
        summary="Start or stop offering a rate card at some pincodes (catalog.manage)",
    )
    @inject
    async def change_pincodes(
        self,
        request: AnyRequest,
        rate_card_id: RateCardIdParam,
        data: Annotated[PincodeChangesIn, Body()],
        actor: FromDishka[StaffActor],
        handler: FromDishka[ChangeRateCardPincodesHandler],
    ) -> RateCardPincodesOut:
        cmd = ChangeRateCardPincodes(
            rate_card_id=rate_card_id, add=data.add, remove=data.remove, origin=origin_of(request)
        )
        return to_schema(await handler.execute(cmd, actor=actor), RateCardPincodesOut)
