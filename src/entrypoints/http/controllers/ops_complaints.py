"""The ops complaint desk: list, read and work any complaint (assign, move, resolve, notes), the priority
queue, and the analytics."""

from datetime import date
from typing import Annotated, Any

from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, Request, Response, get, post
from litestar.params import Body, FromPath, FromQuery, Parameter, QueryParameter

from application.complaint.commands.ops_add_complaint_note import AddComplaintNote, AddComplaintNoteHandler
from application.complaint.commands.ops_assign_complaint import AssignComplaint, AssignComplaintHandler
from application.complaint.commands.ops_change_complaint_status import (
    ChangeComplaintStatus,
    ChangeComplaintStatusHandler,
)
from application.complaint.commands.ops_resolve_complaint import ResolveComplaint, ResolveComplaintHandler
from application.complaint.desk_rules import MAX_PAGE
from application.complaint.queries.ops_complaint_analytics import ComplaintAnalytics, ComplaintAnalyticsQuery
from application.complaint.queries.ops_complaint_queue import ComplaintQueue, ComplaintQueueQuery
from application.complaint.queries.ops_export_complaint_analytics import ExportComplaintAnalytics
from application.complaint.queries.ops_get_complaint import GetDeskComplaint, GetDeskComplaintQuery
from application.complaint.queries.ops_list_complaints import ListDeskComplaints, ListDeskComplaintsQuery
from application.identity.actors import StaffActor
from entrypoints.http.controllers.complaint_schemas import MAX_ID
from entrypoints.http.controllers.ops_common import origin_of
from entrypoints.http.controllers.ops_complaint_schemas import (
    AssignIn,
    ComplaintAnalyticsOut,
    ComplaintStatusIn,
    DeskComplaintDetailOut,
    DeskComplaintPageOut,
    NoteIn,
    QueuePageOut,
    ResolveIn,
)
from entrypoints.http.schemas import to_schema

ComplaintIdParam = FromPath[Annotated[int, Parameter(le=MAX_ID, description="Complaint id")]]
Limit = FromQuery[Annotated[int, Parameter(ge=1, le=MAX_PAGE)]]
Offset = FromQuery[Annotated[int, Parameter(ge=0)]]
Text = FromQuery[Annotated[str | None, Parameter(max_length=40)]]
DayFrom = FromQuery[
    Annotated[date | None, QueryParameter(name="from", description="First India day (inclusive)")]
]
DayTo = FromQuery[Annotated[date | None, QueryParameter(name="to", description="Last India day (inclusive)")]]


class OpsComplaintsController(Controller):
    path = "/"
    tags = ["ops: complaints"]

    @get("/complaints", summary="Any customer's complaints, newest first (complaints.view)")
    @inject
    async def list_complaints(
        self,
        request: Request[Any, Any, Any],
        actor: FromDishka[StaffActor],
        handler: FromDishka[ListDeskComplaints],
        status: Text = None,
        type: Text = None,
        priority: Text = None,
        assignee: FromQuery[
            Annotated[str | None, Parameter(max_length=20, description="A staff id, `me` or `none`")]
        ] = None,
        sla: FromQuery[Annotated[str | None, Parameter(description="`breached` or `at_risk`")]] = None,
        date_from: DayFrom = None,
        date_to: DayTo = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> DeskComplaintPageOut:
        query = ListDeskComplaintsQuery(
            status=status,
            type=type,
            priority=priority,
            assignee=assignee,
            sla=sla,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
            offset=offset,
            origin=origin_of(request),
        )
        return to_schema(await handler.execute(query, actor=actor), DeskComplaintPageOut)

    @get(
        "/complaints/{complaint_id:int}",
        summary="One complaint with its customer, booking and whole timeline (complaints.view; contact "
        "details need customers.view_pii)",
    )
    @inject
    async def get_complaint(
        self,
        request: Request[Any, Any, Any],
        complaint_id: ComplaintIdParam,
        actor: FromDishka[StaffActor],
        handler: FromDishka[GetDeskComplaint],
    ) -> DeskComplaintDetailOut:
        query = GetDeskComplaintQuery(complaint_id=complaint_id, origin=origin_of(request))
        return to_schema(await handler.execute(query, actor=actor), DeskComplaintDetailOut)

    @get("/queue", summary="The priority queue: highest score, then earliest due, first (complaints.view)")
    @inject
    async def queue(
        self,
        request: Request[Any, Any, Any],
        actor: FromDishka[StaffActor],
        handler: FromDishka[ComplaintQueue],
        status: FromQuery[Annotated[str | None, Parameter(description="waiting, claimed or done")]] = None,
        item_type: FromQuery[
            Annotated[str | None, QueryParameter(name="itemType", description="complaint or message")]
        ] = None,
        level: Text = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> QueuePageOut:
        query = ComplaintQueueQuery(
            status=status,
            item_type=item_type,
            level=level,
            limit=limit,
            offset=offset,
            origin=origin_of(request),
        )
        return to_schema(await handler.execute(query, actor=actor), QueuePageOut)

    @get("/complaints/analytics", summary="Complaint figures for a range of India days (analytics.view)")
    @inject
    async def analytics(
        self,
        request: Request[Any, Any, Any],
        actor: FromDishka[StaffActor],
        handler: FromDishka[ComplaintAnalytics],
        date_from: DayFrom = None,
        date_to: DayTo = None,
    ) -> ComplaintAnalyticsOut:
        query = ComplaintAnalyticsQuery(date_from=date_from, date_to=date_to, origin=origin_of(request))
        return to_schema(await handler.execute(query, actor=actor), ComplaintAnalyticsOut)

    @get(
        "/complaints/analytics.csv",
        summary="The same figures as CSV rows: section, key, metric, value (analytics.export)",
        media_type="text/csv",
    )
    @inject
    async def analytics_csv(
        self,
        request: Request[Any, Any, Any],
        actor: FromDishka[StaffActor],
        handler: FromDishka[ExportComplaintAnalytics],
        date_from: DayFrom = None,
        date_to: DayTo = None,
    ) -> Response[str]:
        query = ComplaintAnalyticsQuery(date_from=date_from, date_to=date_to, origin=origin_of(request))
        body = await handler.execute(query, actor=actor)
        return Response(
            body,
            media_type="text/csv",
            headers={"Content-Disposition": 'attachment; filename="complaint-analytics.csv"'},
        )

    @post(
        "/complaints/{complaint_id:int}/assign",
        summary="Give a complaint to a member who may work complaints (complaints.assign)",
        status_code=200,
    )
    @inject
    async def assign(
        self,
        request: Request[Any, Any, Any],
        complaint_id: ComplaintIdParam,
        data: Annotated[AssignIn, Body()],
        actor: FromDishka[StaffActor],
        handler: FromDishka[AssignComplaintHandler],
    ) -> DeskComplaintDetailOut:
        cmd = AssignComplaint(complaint_id=complaint_id, staff_id=data.staff_id, origin=origin_of(request))
        return to_schema(await handler.execute(cmd, actor=actor), DeskComplaintDetailOut)

    @post(
        "/complaints/{complaint_id:int}/status",
        summary="Move a complaint along its status table (complaints.manage; escalated: complaints.escalate; "
        "resolved, closed: complaints.resolve)",
        status_code=200,
    )
    @inject
    async def change_status(
        self,
        request: Request[Any, Any, Any],
        complaint_id: ComplaintIdParam,
        data: Annotated[ComplaintStatusIn, Body()],
        actor: FromDishka[StaffActor],
        handler: FromDishka[ChangeComplaintStatusHandler],
    ) -> DeskComplaintDetailOut:
        cmd = ChangeComplaintStatus(
            complaint_id=complaint_id, status=data.status, note=data.note, origin=origin_of(request)
        )
        return to_schema(await handler.execute(cmd, actor=actor), DeskComplaintDetailOut)

    @post(
        "/complaints/{complaint_id:int}/resolve",
        summary="Resolve a complaint with a resolution note (complaints.resolve)",
        status_code=200,
    )
    @inject
    async def resolve(
        self,
        request: Request[Any, Any, Any],
        complaint_id: ComplaintIdParam,
        data: Annotated[ResolveIn, Body()],
        actor: FromDishka[StaffActor],
        handler: FromDishka[ResolveComplaintHandler],
    ) -> DeskComplaintDetailOut:
        cmd = ResolveComplaint(complaint_id=complaint_id, note=data.note, origin=origin_of(request))
        return to_schema(await handler.execute(cmd, actor=actor), DeskComplaintDetailOut)

    @post(
        "/complaints/{complaint_id:int}/notes",
        summary="Add an internal note, or a reply the customer sees with internal=false (complaints.manage)",
        status_code=201,
    )
    @inject
    async def add_note(
        self,
        request: Request[Any, Any, Any],
        complaint_id: ComplaintIdParam,
        data: Annotated[NoteIn, Body()],
        actor: FromDishka[StaffActor],
        handler: FromDishka[AddComplaintNoteHandler],
    ) -> DeskComplaintDetailOut:
        cmd = AddComplaintNote(
            complaint_id=complaint_id, message=data.message, internal=data.internal, origin=origin_of(request)
        )
        return to_schema(await handler.execute(cmd, actor=actor), DeskComplaintDetailOut)
