"""DeliverOutbox with fakes: messages are sent once, retried with backoff, given up after N, never lost."""

from datetime import UTC, datetime, timedelta
from typing import Any

from application.identity.actors import SystemActor
from application.outbox.commands.deliver_outbox import (
    DeliverOutbox,
    DeliverOutboxCommand,
    DeliveryPolicy,
)
from application.outbox.ports import BookingState
from tests.fakes import FakeClock
from tests.outbox_fakes import InMemoryOutboxStore, RecordingSender

SYSTEM = SystemActor()


def _reset_payload(to: str = "asha@example.com") -> dict[str, Any]:
    return {"to": to, "template": "password_reset", "data": {"token": "123456"}}


def _setup(failures: int = 0) -> tuple[InMemoryOutboxStore, RecordingSender, FakeClock, DeliverOutbox]:
    store, sender, clock = InMemoryOutboxStore(), RecordingSender(failures=failures), FakeClock()
    return store, sender, clock, DeliverOutbox(store, sender, clock)


async def test_due_message_is_sent_once_and_marked_sent_when_delivered() -> None:
    store, sender, clock, deliver = _setup()
    row_id = store.add("notify.email", _reset_payload(), clock.now())
    result = await deliver.execute(actor=SYSTEM)
    again = await deliver.execute(actor=SYSTEM)
    assert (result.sent, again.sent) == (1, 0)
    assert sender.keys == [f"outbox-{row_id}"]
    assert sender.sent[0].channel == "email"
    assert sender.sent[0].data == {"token": "123456"}
    row = store.rows[row_id]
    assert (row.status, row.sent_at, row.lease_token) == ("sent", clock.now(), None)


async def test_future_and_foreign_messages_are_left_alone_when_delivering() -> None:
    store, _sender, clock, deliver = _setup()
    later = store.add("notify.sms", _reset_payload("+919876543210"), clock.now() + timedelta(minutes=5))
    foreign = store.add("booking.confirmed", {"booking_id": 1}, clock.now())
    assert (await deliver.execute(actor=SYSTEM)).sent == 0
    assert store.rows[later].status == store.rows[foreign].status == "pending"


async def test_failed_send_is_retried_with_exponential_backoff_when_the_provider_is_down() -> None:
    store, sender, clock, deliver = _setup(failures=2)
    row_id = store.add("notify.email", _reset_payload(), clock.now())
    start = clock.now()
    assert (await deliver.execute(actor=SYSTEM)).retried == 1
    row = store.rows[row_id]
    assert (row.status, row.attempts, row.available_at) == ("pending", 1, start + timedelta(seconds=30))
    assert row.last_error == "ConnectionError: provider unreachable"
    clock.advance(timedelta(seconds=29))
    assert (await deliver.execute(actor=SYSTEM)).retried == 0
    clock.advance(timedelta(seconds=1))
    assert (await deliver.execute(actor=SYSTEM)).retried == 1
    assert row.available_at == clock.now() + timedelta(seconds=60)
    clock.advance(timedelta(seconds=60))
    assert (await deliver.execute(actor=SYSTEM)).sent == 1
    assert (row.status, row.attempts, sender.keys) == ("sent", 2, [f"outbox-{row_id}"])


async def test_message_is_marked_failed_when_every_attempt_fails() -> None:
    store, sender, clock, deliver = _setup(failures=100)
    row_id = store.add("notify.sms", _reset_payload("+919876543210"), clock.now())
    for _ in range(8):
        await deliver.execute(actor=SYSTEM)
        clock.advance(timedelta(hours=1))
    row = store.rows[row_id]
    assert (row.status, row.attempts, sender.sent) == ("failed", 8, [])
    assert row.last_error is not None
    assert row.payload == _reset_payload("+919876543210")


def test_backoff_doubles_and_is_capped_at_one_hour_when_failures_pile_up() -> None:
    policy = DeliveryPolicy()
    delays = [policy.backoff(n) for n in (1, 2, 3, 8, 20)]
    assert delays[:3] == [timedelta(seconds=30), timedelta(seconds=60), timedelta(seconds=120)]
    assert delays[3:] == [timedelta(hours=1), timedelta(hours=1)]


async def test_sender_exception_never_loses_the_message_when_it_is_unexpected() -> None:
    store, _, clock, _ = _setup()

    class Exploding:
        async def send(self, message: object) -> None:
            raise KeyError("bug in the provider adapter")

    row_id = store.add("notify.email", _reset_payload(), clock.now())
    result = await DeliverOutbox(store, Exploding(), clock).execute(actor=SYSTEM)
    assert result.retried == 1
    assert store.rows[row_id].status == "pending"
    assert store.rows[row_id].payload == _reset_payload()


async def test_malformed_message_is_failed_without_sending_when_it_has_no_destination() -> None:
    store, sender, clock, deliver = _setup()
    row_id = store.add("notify.email", {"template": "welcome"}, clock.now())
    assert (await deliver.execute(actor=SYSTEM)).failed == 1
    assert (store.rows[row_id].status, sender.sent) == ("failed", [])


async def test_delivery_drains_several_batches_when_many_messages_are_due() -> None:
    store, sender, clock, deliver = _setup()
    for n in range(25):
        store.add("notify.email", _reset_payload(f"user{n}@example.com"), clock.now())
    result = await deliver.execute(DeliverOutboxCommand(batch_size=10), actor=SYSTEM)
    assert result.sent == 25
    assert len(set(sender.keys)) == 25


async def test_settling_is_refused_when_another_worker_took_over_an_expired_lease() -> None:
    store, sender, clock, _ = _setup()
    row_id = store.add("notify.email", _reset_payload(), clock.now())
    policy = DeliveryPolicy()
    (stale,) = await store.claim_due(limit=1, now=clock.now(), lease=policy.lease, topics=["notify.email"])
    clock.advance(policy.lease)
    assert (await DeliverOutbox(store, sender, clock).execute(actor=SYSTEM)).sent == 1
    assert await store.mark_sent(stale, now=clock.now()) is False
    assert store.rows[row_id].status == "sent"


class FakeBookingStates:
    def __init__(self, **states: BookingState) -> None:
        self.states = {int(k.removeprefix("b")): v for k, v in states.items()}

    async def state(self, booking_id: int) -> BookingState | None:
        return self.states.get(booking_id)


def _reminder(day: str = "2026-12-03", at: str = "10:00") -> dict[str, Any]:
    return {"to": "meera@example.in", "template": "booking_reminder", "data": {"date": day, "time": at}}


SLOT = datetime(2026, 12, 3, 4, 30, tzinfo=UTC)  # 10:00 in Asia/Kolkata


async def test_a_reminder_goes_out_only_while_its_booking_is_still_coming_at_that_slot() -> None:
    store, sender, clock = InMemoryOutboxStore(), RecordingSender(), FakeClock()
    states = FakeBookingStates(
        b1=BookingState("confirmed", SLOT),
        b2=BookingState("cancelled", SLOT),
        b3=BookingState("pending", SLOT + timedelta(days=1)),
        b5=BookingState("completed", SLOT),
    )
    due = clock.now()
    kept = store.add("notify.email", _reminder(), due, subject="booking:1:reminders")
    cancelled = store.add("notify.email", _reminder(), due, subject="booking:2:reminders")
    moved = store.add("notify.email", _reminder(), due, subject="booking:3:reminders")
    gone = store.add("notify.email", _reminder(), due, subject="booking:4:reminders")
    finished = store.add("notify.email", _reminder(), due, subject="booking:5:reminders")
    other = store.add("notify.email", _reset_payload(), due, subject="booking:2")
    result = await DeliverOutbox(store, sender, clock, bookings=states).execute(actor=SYSTEM)
    assert (result.sent, result.withdrawn) == (2, 4)
    assert sender.keys == [f"outbox-{kept}", f"outbox-{other}"]
    assert {i: store.rows[i].status for i in (cancelled, moved, gone, finished)} == dict.fromkeys(
        (cancelled, moved, gone, finished), "withdrawn"
    )
    assert store.rows[cancelled].last_error == "withdrawn: the booking is cancelled"
    assert store.rows[moved].last_error == "withdrawn: the booking moved to another slot"
    assert store.rows[gone].last_error == "withdrawn: the booking no longer exists"


async def test_a_reminder_is_kept_for_later_when_its_booking_cannot_be_read() -> None:
    class Down:
        async def state(self, booking_id: int) -> BookingState | None:
            raise ConnectionError("database unreachable")

    store, sender, clock = InMemoryOutboxStore(), RecordingSender(), FakeClock()
    row_id = store.add("notify.email", _reminder(), clock.now(), subject="booking:1:reminders")
    result = await DeliverOutbox(store, sender, clock, bookings=Down()).execute(actor=SYSTEM)
    assert (result.sent, result.retried, sender.sent) == (0, 1, [])
    assert store.rows[row_id].status == "pending"
