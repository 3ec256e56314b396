"""Professionals: search by service and pincode, public profiles, and bookable slots on a day."""

from datetime import date
from typing import Annotated

from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, get
from litestar.params import FromPath, FromQuery, Parameter, QueryParameter

from application.provider.queries.get_provider import GetProvider, GetProviderQuery
from application.provider.queries.get_provider_availability import (
    GetProviderAvailability,
    GetProviderAvailabilityQuery,
)
from application.provider.queries.search_providers import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    SearchProviders,
    SearchProvidersQuery,
)
from domain.provider.availability import DEFAULT_DURATION_MINUTES, HORIZON_DAYS, MAX_DURATION_MINUTES
from entrypoints.http.controllers.provider_schemas import AvailabilityOut, ProviderPageOut, ProviderProfileOut
from entrypoints.http.schemas import to_schema

ProviderIdParam = FromPath[Annotated[int, Parameter(description="Provider id")]]
DAY_HELP = f"A day in India time (YYYY-MM-DD), today to {HORIZON_DAYS} days ahead"


class ProvidersController(Controller):
    path = "/api/v1/providers"
    tags = ["providers"]

    @get("/", summary="Find professionals for a service at a pincode, best rated first")
    @inject
    async def search(
        self,
        handler: FromDishka[SearchProviders],
        subcategory_id: FromQuery[
            Annotated[int, QueryParameter(name="subcategoryId", description="The service (subcategory) id")]
        ],
        pincode: FromQuery[Annotated[str, Parameter(description="6-digit Indian pincode of the job")]],
        day: FromQuery[
            Annotated[
                date | None,
                QueryParameter(name="date", description=f"{DAY_HELP}; only providers with a free slot"),
            ]
        ] = None,
        limit: FromQuery[
            Annotated[int, Parameter(ge=1, le=MAX_LIMIT, description="Providers per page")]
        ] = DEFAULT_LIMIT,
        cursor: FromQuery[
            Annotated[str | None, Parameter(description="`nextCursor` of the previous page")]
        ] = None,
    ) -> ProviderPageOut:
        """Active providers with the skill who serve the pincode, by rating (highest first), then id.

        An unknown or unserved pincode gives an empty list; an unknown service is a 404.
        """
        query = SearchProvidersQuery(
            subcategory_id=subcategory_id, pincode=pincode, day=day, limit=limit, cursor=cursor
        )
        return to_schema(await handler.execute(query), ProviderPageOut)

    @get("/{provider_id:int}", summary="A professional's public profile")
    @inject
    async def profile(
        self, provider_id: ProviderIdParam, handler: FromDishka[GetProvider]
    ) -> ProviderProfileOut:
        return to_schema(await handler.execute(GetProviderQuery(provider_id=provider_id)), ProviderProfileOut)

    @get("/{provider_id:int}/availability", summary="Bookable slots of a professional on a day")
    @inject
    async def availability(
        self,
        provider_id: ProviderIdParam,
        handler: FromDishka[GetProviderAvailability],
        day: FromQuery[Annotated[date, QueryParameter(name="date", description=DAY_HELP)]],
        duration_minutes: FromQuery[
            Annotated[
                int,
                QueryParameter(
                    name="durationMinutes",
                    ge=1,
                    le=MAX_DURATION_MINUTES,
                    description="How long the job takes",
                ),
            ]
        ] = DEFAULT_DURATION_MINUTES,
    ) -> AvailabilityOut:
        """Slots start on the half hour within working hours, clear of the provider's jobs and a 30-minute
        travel buffer after every job (the new one too); today only from two hours ahead. Times are given
        in India time (+05:30) and in UTC. No slots comes with a `reason`."""
        query = GetProviderAvailabilityQuery(
            provider_id=provider_id, day=day, duration_minutes=duration_minutes
        )
        return to_schema(await handler.execute(query), AvailabilityOut)
