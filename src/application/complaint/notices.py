"""The notifications a complaint's life produces, queued through the transactional outbox."""

from datetime import datetime

from application.booking.events import Notice
from application.complaint.ports import ComplaintContact
from application.outbox.ports import Channel
from domain.complaint.entities import Complaint


def _channel(contact: ComplaintContact | None) -> tuple[Channel, str] | None:
    if contact is None:
        return None
    if contact.email:
        return "email", contact.email
    if contact.phone:
        return "sms", contact.phone
    return None


def customer_notice(
    complaint: Complaint, contact: ComplaintContact | None, template: str, *, now: datetime
) -> list[Notice]:
    """One notice to the customer about their complaint (none when they have no contact on file)."""
    found = _channel(contact)
    if found is None or contact is None or complaint.id is None:
        return []
    channel, to = found
    data = {
        "name": contact.name,
        "complaint_id": str(complaint.id),
        "subject": complaint.subject,
        "status": complaint.status.value,
        "priority": complaint.priority.value,
    }
    return [
        Notice(
            channel,
            to,
            template,
            data,
            now,
            subject=f"complaint:{complaint.id}",
        )
    ]


def staff_notice(complaint: Complaint, *, to_email: str, template: str, reason: str, now: datetime) -> Notice:
    """A notice to the staff member who now holds the complaint."""
    return Notice(
        "email",
        to_email,
        template,
        {
            "complaint_id": str(complaint.id),
            "subject": complaint.subject,
            "priority": complaint.priority.value,
            "reason": reason,
        },
        now,
        subject=f"complaint:{complaint.id}",
    )
