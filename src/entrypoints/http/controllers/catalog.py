"""Browsing the service catalog: categories, their services, and rate cards at a pincode."""

from decimal import Decimal
from typing import Annotated, Any

from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, Request, Response, get
from litestar.params import FromPath, FromQuery, Parameter, QueryParameter

from application.catalog.queries.list_categories import ListCategories, ListCategoriesQuery
from application.catalog.queries.list_rate_cards import ListRateCards, ListRateCardsQuery
from application.catalog.queries.list_subcategories import ListSubcategories, ListSubcategoriesQuery
from application.catalog.queries.search_services import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_QUERY_LENGTH,
    SearchServices,
    SearchServicesQuery,
)
from application.common.pagination import DEFAULT_LIMIT as DEFAULT_PAGE
from application.common.pagination import MAX_LIMIT as MAX_PAGE
from application.common.pagination import PageRequest
from entrypoints.http.conditional import conditional
from entrypoints.http.schemas import (
    CategoryList,
    RateCardList,
    ServiceSearchResult,
    SubcategoryList,
    to_schema,
)

Limit = FromQuery[Annotated[int, Parameter(ge=1, le=MAX_PAGE, description=f"Page size, 1 to {MAX_PAGE}")]]
Offset = FromQuery[Annotated[int, Parameter(ge=0, description="Items to skip (see nextOffset)")]]


class CatalogController(Controller):
    path = "/api/v1/services"
    tags = ["catalog"]

    @get("/categories", summary="List service categories")
    @inject
    async def list_categories(
        self,
        request: Request[Any, Any, Any],
        handler: FromDishka[ListCategories],
        limit: Limit = DEFAULT_PAGE,
        offset: Offset = 0,
        name: FromQuery[Annotated[str | None, Parameter(max_length=60, description="Name contains")]] = None,
    ) -> Response[CategoryList]:
        query = ListCategoriesQuery(page=PageRequest(limit=limit, offset=offset), name_contains=name)
        return conditional(request, to_schema(await handler.execute(query), CategoryList))

    @get("/categories/{category_id:int}/subcategories", summary="List the services of a category")
    @inject
    async def list_subcategories(
        self,
        request: Request[Any, Any, Any],
        category_id: FromPath[Annotated[int, Parameter(description="Category id")]],
        handler: FromDishka[ListSubcategories],
        limit: Limit = DEFAULT_PAGE,
        offset: Offset = 0,
        max_duration_minutes: Annotated[
            int | None, QueryParameter(name="maxDurationMinutes", ge=1, description="Longest job (min)")
        ] = None,
    ) -> Response[SubcategoryList]:
        page = PageRequest(limit=limit, offset=offset)
        query = ListSubcategoriesQuery(
            category_id=category_id, page=page, max_duration_minutes=max_duration_minutes
        )
        result = await handler.execute(query)
        return conditional(request, to_schema(result, SubcategoryList))

    @get("/subcategories/{subcategory_id:int}/rate-cards", summary="List rate cards, optionally at a pincode")
    @inject
    async def list_rate_cards(
        self,
        request: Request[Any, Any, Any],
        subcategory_id: FromPath[Annotated[int, Parameter(description="Subcategory id")]],
        handler: FromDishka[ListRateCards],
        pincode: FromQuery[
            Annotated[
                str | None,
                Parameter(description="6-digit Indian pincode; only rate cards offered there are listed"),
            ]
        ] = None,
        limit: Limit = DEFAULT_PAGE,
        offset: Offset = 0,
        max_price: Annotated[
            int | None, QueryParameter(name="maxPrice", ge=0, description="Highest price, whole rupees")
        ] = None,
    ) -> Response[RateCardList]:
        query = ListRateCardsQuery(
            subcategory_id=subcategory_id,
            pincode=pincode,
            page=PageRequest(limit=limit, offset=offset),
            max_price=Decimal(max_price) if max_price is not None else None,
        )
        result = await handler.execute(query)
        return conditional(request, to_schema(result, RateCardList))

    @get("/search", summary="Find services from loose words (typos, abbreviations, Hinglish)")
    @inject
    async def search(
        self,
        request: Request[Any, Any, Any],
        handler: FromDishka[SearchServices],
        q: FromQuery[
            Annotated[
                str,
                Parameter(
                    description=f"What the customer typed, 1-{MAX_QUERY_LENGTH} characters "
                    '(e.g. "plumbr", "ac not cooling", "nal theek karna")'
                ),
            ]
        ],
        pincode: FromQuery[
            Annotated[
                str | None,
                Parameter(description="6-digit Indian pincode; services not offered there are left out"),
            ]
        ] = None,
        limit: FromQuery[
            Annotated[int, Parameter(ge=1, le=MAX_LIMIT, description="How many matches, best first")]
        ] = DEFAULT_LIMIT,
    ) -> Response[ServiceSearchResult]:
        """Ranked services with a score in [0, 1] and what each matched on. No match is an empty list.

        With a pincode, only services with a rate card offered there are listed, and `serviceable`
        says whether the pincode is served at all (nothing is listed when it is not).
        """
        result = await handler.execute(SearchServicesQuery(text=q, pincode=pincode, limit=limit))
        return conditional(request, to_schema(result, ServiceSearchResult))
