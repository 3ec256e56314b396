"""The day's bookings for the operations console: list them, move them along, change their provider."""

from datetime import date
from typing import Annotated, Any, Literal

import msgspec
from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, Request, get, post
from litestar.params import Body, FromPath, FromQuery, Parameter, QueryParameter

from application.booking.commands.change_booking_status import (
    ChangeBookingStatus,
    ChangeBookingStatusHandler,
)
from application.booking.commands.reassign_booking import ReassignBooking, ReassignBookingHandler
from application.booking.queries.list_day_bookings import (
    MAX_DAY_LIMIT,
    ListDayBookings,
    ListDayBookingsQuery,
)
from application.identity.actors import StaffActor
from entrypoints.http.controllers.booking_schemas import BookingOut, BookingPageOut
from entrypoints.http.controllers.ops_common import origin_of
from entrypoints.http.schemas import Schema, to_schema

BookingIdParam = FromPath[Annotated[int, Parameter(description="Booking id")]]


class BookingStatusIn(Schema):
    status: Literal["confirmed", "in_progress", "completed", "no_show"]
    note: Annotated[str, msgspec.Meta(max_length=1000)] = ""


class BookingProviderIn(Schema):
    provider_id: Annotated[int, msgspec.Meta(ge=1)]


class OpsBookingsController(Controller):
    path = "/bookings"
    tags = ["ops: bookings"]

    @get("/", summary="The bookings of one day in India, earliest first (bookings.view)")
    @inject
    async def list_day(
        self,
        request: Request[Any, Any, Any],
        actor: FromDishka[StaffActor],
        handler: FromDishka[ListDayBookings],
        day: FromQuery[
            Annotated[
                date | None, QueryParameter(name="date", description="Slot day (India); today if left out")
            ]
        ] = None,
        status: FromQuery[Annotated[str | None, Parameter(description="pending, confirmed, ...")]] = None,
        limit: FromQuery[Annotated[int, Parameter(ge=1, le=MAX_DAY_LIMIT)]] = 20,
        offset: FromQuery[Annotated[int, Parameter(ge=0)]] = 0,
    ) -> BookingPageOut:
        query = ListDayBookingsQuery(
            day=day, status=status or None, limit=limit, offset=offset, origin=origin_of(request)
        )
        return to_schema(await handler.execute(query, actor=actor), BookingPageOut)

    @post(
        "/{booking_id:int}/status",
        summary="Move a booking along its status (bookings.manage)",
        status_code=200,
    )
    @inject
    async def change_status(
        self,
        request: Request[Any, Any, Any],
        booking_id: BookingIdParam,
        data: Annotated[BookingStatusIn, Body()],
        actor: FromDishka[StaffActor],
        handler: FromDishka[ChangeBookingStatusHandler],
    ) -> BookingOut:
        cmd = ChangeBookingStatus(
            booking_id=booking_id, status=data.status, note=data.note, origin=origin_of(request)
        )
        return to_schema(await handler.execute(cmd, actor=actor), BookingOut)

    @post(
        "/{booking_id:int}/provider",
        summary="Give a booking to another provider (bookings.reassign)",
        status_code=200,
    )
    @inject
    async def reassign(
        self,
        request: Request[Any, Any, Any],
        booking_id: BookingIdParam,
        data: Annotated[BookingProviderIn, Body()],
        actor: FromDishka[StaffActor],
        handler: FromDishka[ReassignBookingHandler],
    ) -> BookingOut:
        cmd = ReassignBooking(booking_id=booking_id, provider_id=data.provider_id, origin=origin_of(request))
        return to_schema(await handler.execute(cmd, actor=actor), BookingOut)
