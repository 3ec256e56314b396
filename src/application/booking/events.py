"""Booking notifications queued in the booking's own transaction (a transactional outbox): the port, and
the messages a booking's life produces."""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from application.customer.ports import CustomerRepository
from application.outbox.ports import Channel
from domain.booking.entities import Booking, BookingStatus
from domain.customer.entities import Customer
from domain.provider.availability import IST

REMINDERS = (timedelta(hours=24), timedelta(hours=2))
REMINDER = "booking_reminder"


@dataclass(frozen=True, slots=True)
class Notice:
    """One message for the outbox: delivered by DeliverOutbox from `available_at` on. `subject` names what
    it is about (`booking:<id>`), so it can be withdrawn when that changes."""

    channel: Channel
    to: str
    template: str
    data: dict[str, str]
    available_at: datetime
    subject: str | None = None


class BookingEvents(Protocol):
    """Queues notices in the caller's unit of work: they are written by its commit and vanish with its
    rollback, never on a separate connection. Raises StorageUnavailable when the store cannot be reached."""

    async def publish(self, notices: Sequence[Notice]) -> None: ...

    async def withdraw(self, subject: str) -> int:
        """Withdraw the subject's messages that are still waiting (not yet claimed by a worker), in the
        caller's unit of work; how many were withdrawn."""
        ...


def subject_of(booking: Booking) -> str:
    """The subject of a booking's one-off notices (confirmation, cancellation, completion, ...)."""
    return f"booking:{booking.id}"


def reminders_of(booking: Booking) -> str:
    """The subject of a booking's slot reminders: withdrawn when the booking is cancelled or moved."""
    return f"booking:{booking.id}:reminders"


_REMINDERS_SUBJECT = re.compile(r"booking:(\d+):reminders")


def reminded_booking(subject: str | None) -> int | None:
    """The booking id of a `reminders_of` subject; None for any other subject."""
    match = _REMINDERS_SUBJECT.fullmatch(subject or "")
    return int(match.group(1)) if match else None


def slot_labels(start: datetime) -> dict[str, str]:
    """The slot as notices show it: its day and time in India."""
    local = start.astimezone(IST)
    return {"date": local.date().isoformat(), "time": local.strftime("%H:%M")}


def _contact(customer: Customer) -> tuple[Channel, str] | None:
    if customer.email is not None:
        return "email", customer.email.value
    if customer.phone is not None:
        return "sms", customer.phone.value
    return None


def _data(booking: Booking, customer: Customer) -> dict[str, str]:
    return {
        "name": customer.name,
        "reference": booking.reference.value,
        **slot_labels(booking.slot.start),
        "total": str(booking.total.amount),
    }


def _reminders(
    booking: Booking, channel: Channel, to: str, data: dict[str, str], now: datetime
) -> list[Notice]:
    notices = []
    for ahead in REMINDERS:
        due = booking.slot.start - ahead
        if due > now:
            hours = str(int(ahead.total_seconds() // 3600))
            notices.append(
                Notice(channel, to, REMINDER, {**data, "hours": hours}, due, reminders_of(booking))
            )
    return notices


def _notices(
    booking: Booking, customer: Customer, template: str, now: datetime, *, reminders: bool = False
) -> list[Notice]:
    """`template` now (with the refund once the booking is cancelled or a no-show), and with `reminders`
    the slot's reminders too. Nothing for a customer without an email address or phone number."""
    contact = _contact(customer)
    if contact is None:
        return []
    channel, to = contact
    data = _data(booking, customer)
    if booking.status in (BookingStatus.CANCELLED, BookingStatus.NO_SHOW):
        data["refund"] = str(booking.refunded.amount)
    notice = Notice(channel, to, template, data, now, subject_of(booking))
    return [notice, *(_reminders(booking, channel, to, data, now) if reminders else [])]


def created_notices(booking: Booking, customer: Customer, *, now: datetime) -> list[Notice]:
    """A confirmation now, and reminders 24 h and 2 h before the slot (those already past are skipped)."""
    return _notices(booking, customer, "booking_confirmation", now, reminders=True)


def rescheduled_notices(booking: Booking, customer: Customer, *, now: datetime) -> list[Notice]:
    """A notice of the new slot and reminders before it (the old slot's are withdrawn by the caller)."""
    return _notices(booking, customer, "booking_rescheduled", now, reminders=True)


def cancelled_notices(booking: Booking, customer: Customer, *, now: datetime) -> list[Notice]:
    """A cancellation notice with the refund (the reminders are withdrawn by the caller)."""
    return _notices(booking, customer, "booking_cancelled", now)


def finished_notices(booking: Booking, customer: Customer, *, now: datetime) -> list[Notice]:
    """A completion notice, or a no-show notice with the refund, once the visit is settled."""
    template = "booking_no_show" if booking.status is BookingStatus.NO_SHOW else "booking_completed"
    return _notices(booking, customer, template, now)


async def renotify(
    events: BookingEvents,
    customers: CustomerRepository,
    booking: Booking,
    notices: Callable[..., list[Notice]],
    *,
    now: datetime,
) -> None:
    """After a booking changed (cancelled, moved, finished): withdraw its waiting reminders and queue
    `notices(booking, customer, now=now)` for its customer, in the caller's unit of work."""
    await events.withdraw(reminders_of(booking))
    customer = await customers.get(booking.customer_id)
    if customer is not None:
        await events.publish(notices(booking, customer, now=now))
