"""Choosing the provider for a slot: one rule for booking, rescheduling and anything else that places work.

Candidates have every needed skill at the pincode and work that weekday, best rated first; their rows are
locked (so nobody else can take the slot meanwhile) and the first one free for the whole slot wins.
"""

from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime
from typing import Protocol

from application.booking.errors import SlotUnavailable
from application.provider.ports import ProviderReader
from domain.catalog.entities import SubcategoryId
from domain.provider.availability import bookable_slots, busy_window
from domain.provider.entities import Provider, ProviderId
from domain.shared.pincode import Pincode
from domain.shared.time_slot import TimeSlot

CANDIDATES = 50


class ProviderLocks(Protocol):
    async def lock_providers(
        self, provider_ids: Collection[ProviderId], start: datetime, end: datetime
    ) -> Mapping[ProviderId, Sequence[TimeSlot]]: ...


async def allocate_provider(
    providers: ProviderReader,
    locks: ProviderLocks,
    *,
    skills: Collection[SubcategoryId],
    pincode: Pincode,
    slot: TimeSlot,
    day: date,
    minutes: int,
    now: datetime,
    prefer: ProviderId | None = None,
    releasing: TimeSlot | None = None,
) -> Provider:
    """The provider who takes `slot`; SlotUnavailable when nobody can.

    `prefer` is tried first (a rescheduled booking keeps its provider when free); `releasing` is a slot of
    the preferred provider that no longer counts as busy (the booking's own old slot).
    """
    ranked: list[Provider] | None = None
    for skill in sorted(skills):
        found = await providers.search(skill, pincode, limit=CANDIDATES, works_on=day.weekday())
        ids = {p.id for p in found}
        ranked = list(found) if ranked is None else [p for p in ranked if p.id in ids]
    candidates = sorted(ranked or [], key=lambda p: p.id != prefer)
    if not candidates:
        raise SlotUnavailable(slot.start.isoformat())
    busy = await locks.lock_providers([p.id for p in candidates], *busy_window(day))
    for provider in candidates:
        taken = list(busy.get(provider.id, ()))
        if releasing is not None and provider.id == prefer and releasing in taken:
            taken.remove(releasing)
        free = bookable_slots(day=day, hours=provider.hours, duration_minutes=minutes, busy=taken, now=now)
        if slot in free.slots:
            return provider
    raise SlotUnavailable(slot.start.isoformat())
