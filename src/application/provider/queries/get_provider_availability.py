"""Show when a professional can take a job on one day."""

from datetime import date

import msgspec

from application.common.ports import Clock
from application.provider.errors import ProviderNotFound
from application.provider.ports import ProviderReader
from application.provider.views import AvailabilityView, SlotView
from domain.provider.availability import (
    DEFAULT_DURATION_MINUTES,
    TIMEZONE_NAME,
    bookable_slots,
    busy_window,
    check_bookable_date,
    check_duration,
)
from domain.provider.entities import ProviderId


class GetProviderAvailabilityQuery(msgspec.Struct, frozen=True):
    provider_id: int
    day: date
    duration_minutes: int = DEFAULT_DURATION_MINUTES


class GetProviderAvailability:
    """Anyone may see an active provider's bookable slots on a day, per `domain.provider.availability`:
    half-hour starts within working hours, clear of existing jobs and their travel buffer, and today only
    from two hours ahead. A day off, or a day with nothing free, gives no slots and a reason.

    Raises InvalidDuration and DateOutOfRange (today to 30 days ahead in India) before any lookup, and
    ProviderNotFound for an unknown or inactive provider.
    """

    def __init__(self, providers: ProviderReader, clock: Clock) -> None:
        self._providers = providers
        self._clock = clock

    async def execute(self, query: GetProviderAvailabilityQuery) -> AvailabilityView:
        check_duration(query.duration_minutes)
        now = self._clock.now()
        check_bookable_date(query.day, now=now)
        provider = await self._providers.get(ProviderId(query.provider_id))
        if provider is None:
            raise ProviderNotFound(query.provider_id)
        busy = await self._providers.busy_intervals([provider.id], *busy_window(query.day))
        day = bookable_slots(
            day=query.day,
            hours=provider.hours,
            duration_minutes=query.duration_minutes,
            busy=busy.get(provider.id, ()),
            now=now,
        )
        return AvailabilityView(
            provider_id=provider.id,
            date=query.day,
            timezone=TIMEZONE_NAME,
            duration_minutes=query.duration_minutes,
            slots=[SlotView.of(slot) for slot in day.slots],
            reason=day.reason.value if day.reason else None,
        )
