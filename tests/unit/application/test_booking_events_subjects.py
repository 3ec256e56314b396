"""The reminder subject and slot labels are written in one place and read back by outbox delivery."""

from datetime import UTC, datetime

from application.booking.events import reminded_booking, slot_labels


def test_a_reminder_subject_names_its_booking_and_other_subjects_name_none() -> None:
    assert reminded_booking("booking:42:reminders") == 42
    assert reminded_booking("booking:42") is None
    assert reminded_booking("booking:x:reminders") is None
    assert reminded_booking(None) is None


def test_slot_labels_are_the_day_and_time_in_india() -> None:
    assert slot_labels(datetime(2026, 11, 25, 20, 0, tzinfo=UTC)) == {"date": "2026-11-26", "time": "01:30"}
