"""A customer files a complaint: scored, given SLA due times, queued for ops, acknowledged."""

import msgspec

from application.ai.ports import AIServiceError
from application.common.errors import DependencyUnavailable, InvalidInput
from application.common.ports import Clock, UnitOfWork
from application.complaint.errors import ComplaintBookingNotFound
from application.complaint.notices import customer_notice
from application.complaint.ports import ComplaintFacts, ComplaintNotifier, ComplaintRepository
from application.complaint.views import ComplaintView
from application.identity.actors import CustomerActor
from application.nlp.ports import SentimentAnalyzer
from domain.booking.entities import BookingId
from domain.complaint.entities import Complaint, ComplaintType
from domain.complaint.policy import RECENT_COMPLAINTS_WINDOW
from domain.complaint.priority import PriorityInputs, assess
from domain.customer.entities import CustomerId

RECEIVED = "complaint_received"


class FileComplaint(msgspec.Struct, frozen=True):
    type: str
    subject: str
    description: str
    booking_id: int | None = None


class FileComplaintHandler:
    """A signed-in customer files a complaint, optionally about one of their own bookings (anyone else's
    booking is ComplaintBookingNotFound). The priority comes from `domain.complaint.priority` (type, the
    description's sentiment from the SentimentAnalyzer port, the booking's value, the customer's recent
    complaints, urgency words); an unreachable sentiment service counts as neutral rather than losing the
    complaint. The complaint enters the priority queue and an acknowledgement is queued in the outbox, all in
    one transaction."""

    def __init__(
        self,
        complaints: ComplaintRepository,
        facts: ComplaintFacts,
        sentiment: SentimentAnalyzer,
        notifier: ComplaintNotifier,
        uow: UnitOfWork,
        clock: Clock,
    ) -> None:
        self._complaints, self._facts, self._sentiment = complaints, facts, sentiment
        self._notifier, self._uow, self._clock = notifier, uow, clock

    async def execute(self, cmd: FileComplaint, *, actor: CustomerActor) -> ComplaintView:
        try:
            kind = ComplaintType(cmd.type)
        except ValueError:
            allowed = ", ".join(t.value for t in ComplaintType)
            raise InvalidInput("type", f"unknown complaint type {cmd.type!r}; one of: {allowed}") from None
        customer = CustomerId(actor.customer_id)
        now = self._clock.now()
        value = None
        if cmd.booking_id is not None:
            value = await self._facts.booking_value(customer, cmd.booking_id)
            if value is None:
                raise ComplaintBookingNotFound(cmd.booking_id)
        text = f"{cmd.subject.strip()}. {cmd.description.strip()}"
        try:
            sentiment: float | None = max(-1.0, min(1.0, await self._sentiment.sentiment(text)))
        except (DependencyUnavailable, AIServiceError):
            sentiment = None
        recent = await self._complaints.count_recent(customer, since=now - RECENT_COMPLAINTS_WINDOW)
        assessment = assess(
            PriorityInputs(
                type=kind, text=text, sentiment=sentiment, booking_value=value, recent_complaints=recent
            )
        )
        complaint = Complaint.file(
            customer_id=customer,
            booking_id=BookingId(cmd.booking_id) if cmd.booking_id is not None else None,
            type=kind,
            subject=cmd.subject,
            description=cmd.description,
            priority=assessment.level,
            priority_score=assessment.score,
            priority_factors=assessment.factors,
            sentiment=sentiment,
            now=now,
        )
        await self._complaints.add(complaint)
        await self._complaints.enqueue(
            complaint, reason=f"new {kind.value.replace('_', ' ')} complaint", now=now
        )
        contact = await self._facts.contact(customer)
        await self._notifier.publish(customer_notice(complaint, contact, RECEIVED, now=now))
        await self._uow.commit()
        return ComplaintView.of(complaint)
