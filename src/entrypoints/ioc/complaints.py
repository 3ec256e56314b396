"""Complaints: the aggregate's repository, the facts behind the priority score, escalation staff, the
outbox notifier, the customer's use cases and the SLA monitor."""

from dishka import Provider, Scope, provide, provide_all

from adapters.persistence.booking_outbox import SqlaBookingOutbox
from adapters.persistence.complaint_repository import (
    SqlaComplaintFacts,
    SqlaComplaintRepository,
    SqlaEscalationStaff,
)
from application.complaint.commands.add_customer_update import AddCustomerUpdateHandler
from application.complaint.commands.escalate_breached import EscalateBreachedComplaints
from application.complaint.commands.file_complaint import FileComplaintHandler
from application.complaint.commands.reopen_complaint import ReopenComplaintHandler
from application.complaint.ports import (
    ComplaintFacts,
    ComplaintNotifier,
    ComplaintRepository,
    EscalationStaff,
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
    handlers = provide_all(
        FileComplaintHandler,
        AddCustomerUpdateHandler,
        ReopenComplaintHandler,
        ListMyComplaintsHandler,
        GetMyComplaint,
        ListMyComplaintUpdates,
        EscalateBreachedComplaints,
    )
