"""Complaints: the aggregate's repository, the facts behind the priority score, escalation staff, the
outbox notifier, the customer's use cases and the SLA monitor."""

from dishka import Provider, Scope, provide, provide_all

from adapters.persistence.booking_outbox import SqlaBookingOutbox
from adapters.persistence.complaint_message_queue import SqlaMessageQueue
from adapters.persistence.complaint_repository import (
    SqlaComplaintFacts,
    SqlaComplaintRepository,
    SqlaEscalationStaff,
)
from application.complaint.commands.add_customer_update import AddCustomerUpdateHandler
from application.complaint.commands.escalate_breached import EscalateBreachedComplaints
from application.complaint.commands.file_complaint import FileComplaintHandler
from application.complaint.commands.queue_flagged_message import QueueFlaggedMessageHandler
from application.complaint.commands.reopen_complaint import ReopenComplaintHandler
from application.complaint.escalation import Escalator
from application.complaint.ports import (
    ComplaintFacts,
    ComplaintNotifier,
    ComplaintRepository,
    EscalationStaff,
    MessageQueue,
)
from application.complaint.queries.get_my_complaint import GetMyComplaint
from application.complaint.queries.list_my_complaint_updates import ListMyComplaintUpdates
from application.complaint.queries.list_my_complaints import ListMyComplaintsHandler


class ComplaintsProvider(Provider):
    scope = Scope.REQUEST

    repository = provide(SqlaComplaintRepository, provides=ComplaintRepository)
    facts = provide(SqlaComplaintFacts, provides=ComplaintFacts)
    staff = provide(SqlaEscalationStaff, provides=EscalationStaff)
    notifier = provide(SqlaBookingOutbox, provides=ComplaintNotifier)
    message_queue = provide(SqlaMessageQueue, provides=MessageQueue)
    handlers = provide_all(
        Escalator,
        FileComplaintHandler,
        AddCustomerUpdateHandler,
        ReopenComplaintHandler,
        ListMyComplaintsHandler,
        GetMyComplaint,
        ListMyComplaintUpdates,
        EscalateBreachedComplaints,
        QueueFlaggedMessageHandler,
    )
