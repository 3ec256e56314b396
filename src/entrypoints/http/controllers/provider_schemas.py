"""HTTP schemas of the provider endpoints: search pages, profiles and availability."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

import msgspec

from entrypoints.http.schemas import Schema


class WorkingHoursOut(Schema):
    """Daily hours in India time ("HH:MM"; the end may be "24:00") and the weekdays worked."""

    start: Annotated[str, msgspec.Meta(examples=["09:00"])]
    end: Annotated[str, msgspec.Meta(examples=["18:00"])]
    days: Annotated[list[str], msgspec.Meta(examples=[["mon", "tue", "wed", "thu", "fri", "sat"]])]
    timezone: Annotated[str, msgspec.Meta(examples=["Asia/Kolkata"])]


class ProviderSummaryOut(Schema):
    id: int
    name: str
    business_name: str
    experience_years: int
    rating_average: Annotated[Decimal, msgspec.Meta(examples=[Decimal("4.67")], description="0.00 to 5.00")]
    rating_count: Annotated[int, msgspec.Meta(description="How many customers rated (the review count)")]
    jobs_completed: int
    is_verified: bool
    working_hours: WorkingHoursOut


class ProviderPageOut(Schema):
    items: list[ProviderSummaryOut]
    next_cursor: Annotated[str | None, msgspec.Meta(description="Pass as `cursor` for the next page")]


class SkillOut(Schema):
    subcategory_id: int
    name: str
    category_id: int


class ProviderProfileOut(Schema):
    id: int
    name: str
    business_name: str
    bio: str
    experience_years: int
    rating_average: Decimal
    rating_count: int
    jobs_completed: int
    is_verified: bool
    working_hours: WorkingHoursOut
    skills: list[SkillOut]
    pincodes: list[str]


class SlotOut(Schema):
    start: Annotated[datetime, msgspec.Meta(examples=["2026-11-26T09:00:00+05:30"])]
    end: datetime
    start_utc: Annotated[datetime, msgspec.Meta(examples=["2026-11-26T03:30:00Z"])]
    end_utc: datetime


class AvailabilityOut(Schema):
    provider_id: int
    date: date
    timezone: str
    duration_minutes: int
    slots: list[SlotOut]
    reason: Annotated[
        str | None,
        msgspec.Meta(
            description="Why there are no slots: day_off, shift_too_short, too_late_today or fully_booked"
        ),
    ]
