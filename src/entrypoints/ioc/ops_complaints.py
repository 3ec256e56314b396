"""The ops complaint desk: its SQL read, analytics and queue adapters and its use cases (the complaint
repository comes from the complaints provider, the staff repository from the staff provider)."""

from dishka import Provider, Scope, provide, provide_all

from adapters.persistence.complaint_analytics import SqlaComplaintAnalytics
from adapters.persistence.complaint_desk import SqlaComplaintDesk, SqlaDeskQueue
from application.complaint.commands.ops_add_complaint_note import AddComplaintNoteHandler
from application.complaint.commands.ops_assign_complaint import AssignComplaintHandler
from application.complaint.commands.ops_change_complaint_status import ChangeComplaintStatusHandler
from application.complaint.commands.ops_resolve_complaint import ResolveComplaintHandler
from application.complaint.desk_actions import DeskQueue
from application.complaint.desk_ports import ComplaintAnalyticsSource, ComplaintDesk
from application.complaint.queries.ops_complaint_analytics import ComplaintAnalytics
from application.complaint.queries.ops_complaint_queue import ComplaintQueue
from application.complaint.queries.ops_export_complaint_analytics import ExportComplaintAnalytics
from application.complaint.queries.ops_get_complaint import GetDeskComplaint
from application.complaint.queries.ops_list_complaints import ListDeskComplaints


class OpsComplaintsProvider(Provider):
    scope = Scope.REQUEST

    desk = provide(SqlaComplaintDesk, provides=ComplaintDesk)
    queue = provide(SqlaDeskQueue, provides=DeskQueue)
    analytics_source = provide(SqlaComplaintAnalytics, provides=ComplaintAnalyticsSource)
    handlers = provide_all(
        ListDeskComplaints,
        GetDeskComplaint,
        ComplaintQueue,
        ComplaintAnalytics,
        ExportComplaintAnalytics,
        AssignComplaintHandler,
        ChangeComplaintStatusHandler,
        ResolveComplaintHandler,
        AddComplaintNoteHandler,
    )
