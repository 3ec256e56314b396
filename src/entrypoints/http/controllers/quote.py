"""Price services at a pincode before booking."""

from decimal import Decimal
from typing import Annotated

import msgspec
from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, post
from litestar.params import Body

from application.pricing.queries.quote_services import QuoteItem, QuoteServices, QuoteServicesHandler
from domain.pricing.policy import MAX_LINES, MAX_QUANTITY
from entrypoints.http.schemas import Schema, to_schema


class QuoteItemIn(Schema):
    rate_card_id: Annotated[int, msgspec.Meta(ge=1)]
    quantity: Annotated[int, msgspec.Meta(ge=1, le=MAX_QUANTITY)] = 1


class QuoteIn(Schema):
    pincode: Annotated[str, msgspec.Meta(max_length=10, examples=["560034"])]
    items: Annotated[list[QuoteItemIn], msgspec.Meta(min_length=1, max_length=MAX_LINES)]


class QuoteLineOut(Schema):
    rate_card_id: int
    name: str
    unit_price: Decimal
    quantity: int
    line_total: Decimal
    savings: Decimal


class QuoteOut(Schema):
    """Amounts are decimal strings in `currency`. GST is charged once on the subtotal, rounded half up."""

    pincode: str
    currency: str
    lines: list[QuoteLineOut]
    subtotal: Decimal
    savings: Decimal
    gst_rate: Decimal
    gst: Decimal
    total: Decimal


class QuoteController(Controller):
    path = "/api/v1/services"
    tags = ["catalog"]

    @post(
        "/quote", summary="Price rate cards x quantities at a pincode (GST, savings, total)", status_code=200
    )
    @inject
    async def quote(
        self, data: Annotated[QuoteIn, Body()], handler: FromDishka[QuoteServicesHandler]
    ) -> QuoteOut:
        items = [QuoteItem(rate_card_id=i.rate_card_id, quantity=i.quantity) for i in data.items]
        return to_schema(await handler.execute(QuoteServices(pincode=data.pincode, items=items)), QuoteOut)
