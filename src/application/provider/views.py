"""Read models the provider queries return: plain data, safe to serialise. No contact details."""

from datetime import UTC, date, datetime
from decimal import Decimal

import msgspec

from application.provider.ports import ProviderSkill
from domain.provider.availability import IST, TIMEZONE_NAME
from domain.provider.entities import DAYS, Provider, WorkingHours
from domain.shared.time_slot import TimeSlot


def _clock_time(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


class WorkingHoursView(msgspec.Struct, frozen=True):
    """Daily hours as local "HH:MM" (end may be "24:00") and the weekdays worked ("mon".."sun")."""

    start: str
    end: str
    days: list[str]
    timezone: str

    @classmethod
    def of(cls, hours: WorkingHours) -> "WorkingHoursView":
        return cls(
            start=_clock_time(hours.start_minute),
            end=_clock_time(hours.end_minute),
            days=[day for i, day in enumerate(DAYS) if hours.works_on(i)],
            timezone=TIMEZONE_NAME,
        )


class ProviderSummaryView(msgspec.Struct, frozen=True):
    id: int
    name: str
    business_name: str
    experience_years: int
    rating_average: Decimal
    rating_count: int
    jobs_completed: int
    is_verified: bool
    working_hours: WorkingHoursView

    @classmethod
    def of(cls, p: Provider) -> "ProviderSummaryView":
        return cls(
            id=p.id,
            name=p.name,
            business_name=p.business_name,
            experience_years=p.experience_years,
            rating_average=p.rating_average,
            rating_count=p.rating_count,
            jobs_completed=p.jobs_completed,
            is_verified=p.is_verified,
            working_hours=WorkingHoursView.of(p.hours),
        )


class ProviderPage(msgspec.Struct, frozen=True):
    """One page of a provider search; `next_cursor` fetches the next one and is None on the last page."""

    items: list[ProviderSummaryView]
    next_cursor: str | None


class ProviderProfileView(msgspec.Struct, frozen=True):
    id: int
    name: str
    business_name: str
    bio: str
    experience_years: int
    rating_average: Decimal
    rating_count: int
    jobs_completed: int
    is_verified: bool
    working_hours: WorkingHoursView
    skills: list[ProviderSkill]
    pincodes: list[str]


class SlotView(msgspec.Struct, frozen=True):
    """One bookable slot, in India time (+05:30) and in UTC."""

    start: datetime
    end: datetime
    start_utc: datetime
    end_utc: datetime

    @classmethod
    def of(cls, slot: TimeSlot) -> "SlotView":
        return cls(
            start=slot.start.astimezone(IST),
            end=slot.end.astimezone(IST),
            start_utc=slot.start.astimezone(UTC),
            end_utc=slot.end.astimezone(UTC),
        )


class AvailabilityView(msgspec.Struct, frozen=True):
    """The bookable slots of a provider on one day; `reason` says why there are none."""

    provider_id: int
    date: date
    timezone: str
    duration_minutes: int
    slots: list[SlotView]
    reason: str | None
