"""The signed-in customer's bookings: book a visit, list them, read one by id or reference."""

from datetime import date, time
from typing import Annotated

from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, get, post
from litestar.params import Body, FromHeader, FromPath, FromQuery, HeaderParameter, Parameter, QueryParameter

from application.booking.commands.cancel_booking import CancelBooking, CancelBookingHandler
from application.booking.commands.create_booking import BookingLine, CreateBooking, CreateBookingHandler
from application.booking.commands.rate_booking import RateBooking, RateBookingHandler
from application.booking.commands.reschedule_booking import RescheduleBooking, RescheduleBookingHandler
from application.booking.idempotency import MAX_KEY_LENGTH
from application.booking.queries.get_booking import GetBooking, GetBookingQuery
from application.booking.queries.list_bookings import MAX_LIMIT, ListBookings, ListBookingsQuery
from application.booking.queries.quote_cancellation import QuoteCancellation, QuoteCancellationHandler
from application.identity.actors import CustomerActor
from entrypoints.http.controllers.booking_lifecycle_schemas import (
    CancelIn,
    CancellationOut,
    CancellationQuoteOut,
    RateIn,
    RatingOut,
    RescheduleIn,
)
from entrypoints.http.controllers.booking_schemas import BookingIn, BookingOut, BookingPageOut
from entrypoints.http.controllers.users import signed_in
from entrypoints.http.schemas import to_schema

KEY_HELP = (
    f"Up to {MAX_KEY_LENGTH} characters, kept 24 h. A retry with the same key and body returns the first "
    "response without booking again; the same key with another body is refused (422)."
)


class BookingsController(Controller):
    path = "/api/v1/bookings"
    tags = ["bookings"]
    guards = [signed_in]

    @post("/", summary="Book a visit at one of your addresses", status_code=201)
    @inject
    async def create(
        self,
        data: Annotated[BookingIn, Body()],
        actor: FromDishka[CustomerActor],
        handler: FromDishka[CreateBookingHandler],
        idempotency_key: FromHeader[
            Annotated[str | None, HeaderParameter(name="Idempotency-Key", description=KEY_HELP)]
        ] = None,
    ) -> BookingOut:
        cmd = CreateBooking(
            address_id=data.address_id,
            day=data.date,
            start=time.fromisoformat(data.time),
            items=[BookingLine(rate_card_id=i.rate_card_id, quantity=i.quantity) for i in data.items],
            notes=data.notes,
            payment_method=data.payment_method,
        )
        view = await handler.execute(cmd, actor=actor, idempotency_key=idempotency_key)
        return to_schema(view, BookingOut)

    @get("/", summary="Your bookings, latest slot first")
    @inject
    async def list_bookings(
        self,
        actor: FromDishka[CustomerActor],
        handler: FromDishka[ListBookings],
        status: FromQuery[Annotated[str | None, Parameter(description="pending, confirmed, ...")]] = None,
        date_from: FromQuery[
            Annotated[date | None, QueryParameter(name="from", description="First slot day (India)")]
        ] = None,
        date_to: FromQuery[
            Annotated[date | None, QueryParameter(name="to", description="Last slot day (India)")]
        ] = None,
        limit: FromQuery[Annotated[int, Parameter(ge=1, le=MAX_LIMIT)]] = 20,
        offset: FromQuery[Annotated[int, Parameter(ge=0)]] = 0,
    ) -> BookingPageOut:
        query = ListBookingsQuery(
            status=status, date_from=date_from, date_to=date_to, limit=limit, offset=offset
        )
        return to_schema(await handler.execute(query, actor=actor), BookingPageOut)

    @get("/{id_or_reference:str}", summary="One of your bookings, by id or BK-... reference")
    @inject
    async def get_booking(
        self,
        id_or_reference: FromPath[Annotated[str, Parameter(description="Numeric id or BK-YYYYMMDD-NNNN")]],
        actor: FromDishka[CustomerActor],
        handler: FromDishka[GetBooking],
    ) -> BookingOut:
        view = await handler.execute(GetBookingQuery(id_or_reference=id_or_reference), actor=actor)
        return to_schema(view, BookingOut)

    @get("/{booking_id:int}/cancellation-quote", summary="What cancelling your booking now would refund")
    @inject
    async def cancellation_quote(
        self,
        booking_id: FromPath[int],
        actor: FromDishka[CustomerActor],
        handler: FromDishka[QuoteCancellationHandler],
    ) -> CancellationQuoteOut:
        view = await handler.execute(QuoteCancellation(booking_id=booking_id), actor=actor)
        return to_schema(view, CancellationQuoteOut)

    @post(
        "/{booking_id:int}/cancel",
        summary="Cancel your booking; the refund follows the policy",
        status_code=200,
    )
    @inject
    async def cancel(
        self,
        booking_id: FromPath[int],
        data: Annotated[CancelIn, Body()],
        actor: FromDishka[CustomerActor],
        handler: FromDishka[CancelBookingHandler],
        idempotency_key: FromHeader[
            Annotated[str | None, HeaderParameter(name="Idempotency-Key", description=KEY_HELP)]
        ] = None,
    ) -> CancellationOut:
        cmd = CancelBooking(booking_id=booking_id, reason=data.reason)
        view = await handler.execute(cmd, actor=actor, idempotency_key=idempotency_key)
        return to_schema(view, CancellationOut)

    @post(
        "/{booking_id:int}/rate", summary="Rate the professional of your completed booking", status_code=200
    )
    @inject
    async def rate(
        self,
        booking_id: FromPath[int],
        data: Annotated[RateIn, Body()],
        actor: FromDishka[CustomerActor],
        handler: FromDishka[RateBookingHandler],
    ) -> RatingOut:
        cmd = RateBooking(booking_id=booking_id, stars=data.stars, comment=data.comment)
        return to_schema(await handler.execute(cmd, actor=actor), RatingOut)

    @post("/{booking_id:int}/reschedule", summary="Move your booking to another slot", status_code=200)
    @inject
    async def reschedule(
        self,
        booking_id: FromPath[int],
        data: Annotated[RescheduleIn, Body()],
        actor: FromDishka[CustomerActor],
        handler: FromDishka[RescheduleBookingHandler],
        idempotency_key: FromHeader[
            Annotated[str | None, HeaderParameter(name="Idempotency-Key", description=KEY_HELP)]
        ] = None,
    ) -> BookingOut:
        cmd = RescheduleBooking(booking_id=booking_id, day=data.date, start=time.fromisoformat(data.time))
        view = await handler.execute(cmd, actor=actor, idempotency_key=idempotency_key)
        return to_schema(view, BookingOut)
