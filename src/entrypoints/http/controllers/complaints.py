"""The signed-in customer's complaints: file one, list and read them, talk on the timeline, reopen."""

from typing import Annotated

from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, get, post
from litestar.params import Body, FromPath, FromQuery, Parameter

from application.complaint.commands.add_customer_update import AddCustomerUpdate, AddCustomerUpdateHandler
from application.complaint.commands.file_complaint import FileComplaint, FileComplaintHandler
from application.complaint.commands.reopen_complaint import ReopenComplaint, ReopenComplaintHandler
from application.complaint.queries.get_my_complaint import GetMyComplaint
from application.complaint.queries.list_my_complaint_updates import ListMyComplaintUpdates
from application.complaint.queries.list_my_complaints import (
    MAX_LIMIT,
    ListMyComplaints,
    ListMyComplaintsHandler,
)
from application.identity.actors import CustomerActor
from entrypoints.http.controllers.complaint_schemas import (
    MAX_ID,
    ComplaintIn,
    ComplaintOut,
    ComplaintPageOut,
    ReopenIn,
    UpdateIn,
    UpdateOut,
    UpdatePageOut,
)
from entrypoints.http.controllers.users import signed_in
from entrypoints.http.schemas import to_schema

ComplaintIdPath = FromPath[Annotated[int, Parameter(le=MAX_ID, description="Complaint id")]]


class ComplaintsController(Controller):
    path = "/api/v1/complaints"
    tags = ["complaints"]
    guards = [signed_in]

    @post("/", summary="Complain about a visit or anything else", status_code=201)
    @inject
    async def file(
        self,
        data: Annotated[ComplaintIn, Body()],
        actor: FromDishka[CustomerActor],
        handler: FromDishka[FileComplaintHandler],
    ) -> ComplaintOut:
        cmd = FileComplaint(
            type=data.type, subject=data.subject, description=data.description, booking_id=data.booking_id
        )
        return to_schema(await handler.execute(cmd, actor=actor), ComplaintOut)

    @get("/", summary="Your complaints, newest first")
    @inject
    async def list_complaints(
        self,
        actor: FromDishka[CustomerActor],
        handler: FromDishka[ListMyComplaintsHandler],
        status: FromQuery[Annotated[str | None, Parameter(description="open, in_progress, ...")]] = None,
        limit: FromQuery[Annotated[int, Parameter(ge=1, le=MAX_LIMIT)]] = 20,
        offset: FromQuery[Annotated[int, Parameter(ge=0)]] = 0,
    ) -> ComplaintPageOut:
        query = ListMyComplaints(status=status, limit=limit, offset=offset)
        return to_schema(await handler.execute(query, actor=actor), ComplaintPageOut)

    @get("/{complaint_id:int}", summary="One of your complaints with its timeline")
    @inject
    async def get_complaint(
        self,
        complaint_id: ComplaintIdPath,
        actor: FromDishka[CustomerActor],
        handler: FromDishka[GetMyComplaint],
    ) -> ComplaintOut:
        return to_schema(await handler.execute(complaint_id, actor=actor), ComplaintOut)

    @get("/{complaint_id:int}/updates", summary="Your complaint's timeline (what you can see)")
    @inject
    async def list_updates(
        self,
        complaint_id: ComplaintIdPath,
        actor: FromDishka[CustomerActor],
        handler: FromDishka[ListMyComplaintUpdates],
    ) -> UpdatePageOut:
        return to_schema(await handler.execute(complaint_id, actor=actor), UpdatePageOut)

    @post("/{complaint_id:int}/updates", summary="Write on your complaint's timeline", status_code=201)
    @inject
    async def add_update(
        self,
        complaint_id: ComplaintIdPath,
        data: Annotated[UpdateIn, Body()],
        actor: FromDishka[CustomerActor],
        handler: FromDishka[AddCustomerUpdateHandler],
    ) -> UpdateOut:
        cmd = AddCustomerUpdate(complaint_id=complaint_id, message=data.message)
        return to_schema(await handler.execute(cmd, actor=actor), UpdateOut)

    @post("/{complaint_id:int}/reopen", summary="Reopen your resolved complaint", status_code=200)
    @inject
    async def reopen(
        self,
        complaint_id: ComplaintIdPath,
        actor: FromDishka[CustomerActor],
        handler: FromDishka[ReopenComplaintHandler],
        data: Annotated[ReopenIn | None, Body()] = None,
    ) -> ComplaintOut:
        cmd = ReopenComplaint(complaint_id=complaint_id, reason=data.reason if data else "")
        return to_schema(await handler.execute(cmd, actor=actor), ComplaintOut)
