"""Ops read one complaint in full: its customer, booking and whole timeline, internal notes included."""

from datetime import datetime

import msgspec

from application.common.ports import Clock, UnitOfWork
from application.complaint.desk_ports import ComplaintDesk, CustomerContact, DeskDetail
from application.complaint.desk_rules import sla_breached
from application.complaint.desk_views import (
    DeskBookingView,
    DeskComplaintDetail,
    DeskCustomerView,
    PriorityFactorView,
    TimelineEntryView,
)
from application.complaint.errors import ComplaintNotFound
from application.identity.actors import StaffActor
from application.staff.access import Operator, actor_id, require
from application.staff.audit import Audit, Origin
from domain.shared.email import Email
from domain.shared.errors import InvalidValue
from domain.shared.phone import PhoneNumber

PII_PERMISSION = "customers.view_pii"


class GetDeskComplaintQuery(msgspec.Struct, frozen=True):
    complaint_id: int
    origin: Origin = Origin()


def may_see_pii(actor: Operator) -> bool:
    return not isinstance(actor, StaffActor) or actor.can(PII_PERMISSION)


def masked_contact(contact: CustomerContact, *, reveal: bool) -> DeskCustomerView:
    """The customer's email and phone in full, or masked (r***@gmail.com, ******3210)."""
    if reveal:
        return DeskCustomerView(contact.id, contact.name, contact.email, contact.phone, contact_masked=False)
    email = phone = None
    if contact.email:
        try:
            email = Email(contact.email).masked
        except InvalidValue:
            email = "***"
    if contact.phone:
        try:
            phone = PhoneNumber(contact.phone).masked
        except InvalidValue:
            phone = "******"
    return DeskCustomerView(contact.id, contact.name, email, phone, contact_masked=True)


def detail_view(found: DeskDetail, *, reveal: bool, now: datetime) -> DeskComplaintDetail:
    c, names = found.complaint, found.staff_names
    assert c.id is not None
    b = found.booking
    return DeskComplaintDetail(
        id=c.id,
        type=c.type.value,
        subject=c.subject,
        description=c.description,
        priority=c.priority.value,
        priority_score=c.priority_score,
        priority_factors=[
            PriorityFactorView(name=f.name, detail=f.detail, points=f.points)
            for f in c.priority_factors or ()
        ],
        sentiment=c.sentiment,
        status=c.status.value,
        assigned_staff_id=c.assigned_staff_id,
        assignee_name=names.get(c.assigned_staff_id) if c.assigned_staff_id else None,
        first_response_due_at=c.first_response_due_at,
        resolution_due_at=c.resolution_due_at,
        first_responded_at=c.first_responded_at,
        resolved_at=c.resolved_at,
        closed_at=c.closed_at,
        resolution=c.resolution,
        escalation_level=c.escalation_level,
        created_at=c.created_at,
        sla_breached=sla_breached(
            c.status,
            first_response_due_at=c.first_response_due_at,
            resolution_due_at=c.resolution_due_at,
            first_responded_at=c.first_responded_at,
            now=now,
        ),
        customer=masked_contact(found.customer, reveal=reveal),
        booking=(
            DeskBookingView(
                b.id,
                b.reference,
                b.status,
                b.slot_start,
                b.slot_end,
                b.total,
                b.currency,
                b.provider_id,
                b.provider_name,
            )
            if b is not None
            else None
        ),
        timeline=[
            TimelineEntryView(
                id=u.id,
                author=u.author.value,
                author_staff_id=u.author_staff_id,
                author_name=names.get(u.author_staff_id) if u.author_staff_id else None,
                kind=u.kind.value,
                message=u.message,
                is_internal=u.is_internal,
                old_status=u.old_status.value if u.old_status else None,
                new_status=u.new_status.value if u.new_status else None,
                created_at=u.created_at,
            )
            for u in sorted(c.updates, key=lambda u: (u.created_at, u.id or 0))
        ],
    )


class GetDeskComplaint:
    """Needs complaints.view (refusals are logged). The customer's email and phone are masked unless the
    actor holds customers.view_pii; each unmasked view is written to the activity log
    (`complaints.view_pii`). ComplaintNotFound (404) for unknown ids."""

    def __init__(self, desk: ComplaintDesk, audit: Audit, uow: UnitOfWork, clock: Clock) -> None:
        self._desk, self._audit, self._uow, self._clock = desk, audit, uow, clock

    async def execute(self, query: GetDeskComplaintQuery, *, actor: Operator) -> DeskComplaintDetail:
        target = query.complaint_id
        async with self._audit.refusals(
            actor, action="complaints.view", target_type="complaint", target_id=target, origin=query.origin
        ):
            require(actor, "complaints.view")
        found = await self._desk.detail(target)
        if found is None:
            raise ComplaintNotFound(target)
        reveal = may_see_pii(actor)
        if reveal:
            await self._audit.record(
                by=actor_id(actor),
                action="complaints.view_pii",
                target_type="complaint",
                target_id=target,
                origin=query.origin,
                after={"customer_id": found.customer.id},
            )
            await self._uow.commit()
        return detail_view(found, reveal=reveal, now=self._clock.now())
