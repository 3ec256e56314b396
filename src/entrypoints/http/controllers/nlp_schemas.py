"""HTTP schemas of the language services."""

from datetime import datetime
from typing import Annotated

import msgspec

from application.nlp.text import MAX_TEXT_LENGTH
from entrypoints.http.schemas import MoneyOut, Schema


class TextIn(Schema):
    text: Annotated[
        str,
        msgspec.Meta(
            min_length=1,
            max_length=MAX_TEXT_LENGTH,
            description=f"What the customer wrote, 1-{MAX_TEXT_LENGTH} characters",
            examples=["cancel my cleaning and book a plumber for kal subah"],
        ),
    ]


class IntentOut(Schema):
    intent: Annotated[str, msgspec.Meta(examples=["book_service"])]
    confidence: Annotated[float, msgspec.Meta(ge=0, le=1, examples=[0.93])]


class IntentsOut(Schema):
    """Best first; more than one when the message asks for several things."""

    intents: list[IntentOut]


class ServiceOut(Schema):
    subcategory_id: int
    name: str
    matched_text: str
    score: float


class WindowOut(Schema):
    """[start, end) in Asia/Kolkata (ISO 8601 with +05:30)."""

    start: datetime
    end: datetime
    text: str


class EntitiesOut(Schema):
    services: list[ServiceOut]
    when: WindowOut | None
    pincode: str | None
    booking_reference: str | None
    quantity: int | None
    budget: MoneyOut | None


class SentimentOut(Schema):
    score: Annotated[float, msgspec.Meta(ge=-1, le=1, examples=[-0.83])]
    label: Annotated[str, msgspec.Meta(examples=["negative"])]
