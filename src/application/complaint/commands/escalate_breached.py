"""The SLA monitor: escalate every complaint whose first-response or resolution clock ran out."""

from datetime import datetime

import msgspec

from application.common.ports import Clock, UnitOfWork
from application.complaint.notices import customer_notice, staff_notice
from application.complaint.ports import (
    ComplaintFacts,
    ComplaintNotifier,
    ComplaintRepository,
    EscalationStaff,
)
from application.identity.actors import StaffActor, SystemActor
from application.identity.errors import Forbidden
from domain.complaint.entities import Breach, Complaint
from domain.complaint.policy import MONITOR_BATCH

PERMISSION = "complaints.escalate"
ESCALATED = "complaint_escalated"
ASSIGNED = "complaint_escalated_to_you"


class Escalation(msgspec.Struct, frozen=True):
    complaint_id: int
    breach: str
    priority: str
    assigned_staff_id: int | None


class EscalationReport(msgspec.Struct, frozen=True):
    """`breached`: complaints found with an unescalated breach; `escalations`: what this run did (a
    complaint another worker escalated first is skipped)."""

    breached: int
    escalations: list[Escalation]


class EscalateBreachedComplaints:
    """Run by the worker every MONITOR_INTERVAL (the system actor), or by staff with complaints.escalate
    (the CLI's `nexora complaints escalate`; Forbidden otherwise). Each active complaint whose first response
    or resolution is overdue escalates exactly once per breach: status escalated, priority one level up,
    reassigned to an active staff member of a higher role level than its assignee (kept when nobody
    qualifies), a timeline entry, and notices to the customer and the new assignee. Each complaint is
    handled in its own transaction under its row lock and re-checked there, so two monitors running at
    once never escalate one breach twice."""

    def __init__(
        self,
        complaints: ComplaintRepository,
        staff: EscalationStaff,
        facts: ComplaintFacts,
        notifier: ComplaintNotifier,
        uow: UnitOfWork,
        clock: Clock,
    ) -> None:
        self._complaints, self._staff, self._facts = complaints, staff, facts
        self._notifier, self._uow, self._clock = notifier, uow, clock

    async def execute(
        self, *, actor: SystemActor | StaffActor, limit: int = MONITOR_BATCH
    ) -> EscalationReport:
        if isinstance(actor, StaffActor) and not actor.can(PERMISSION):
            raise Forbidden(PERMISSION)
        now = self._clock.now()
        candidates = await self._complaints.breached(now, limit=limit)
        await self._uow.rollback()  # a fresh transaction per complaint from here on
        done: list[Escalation] = []
        for complaint_id in candidates:
            complaint = await self._complaints.get_for_update(complaint_id)
            breaches = complaint.breaches(now) if complaint is not None else []
            if complaint is None or not breaches:
                await self._uow.rollback()
                continue
            done.extend([await self._escalate(complaint, breach, now=now) for breach in breaches])
            await self._complaints.save(complaint)
            await self._uow.commit()
        return EscalationReport(breached=len(candidates), escalations=done)

    async def _escalate(self, complaint: Complaint, breach: Breach, *, now: datetime) -> Escalation:
        assert complaint.id is not None
        current = complaint.assigned_staff_id
        level = (await self._staff.level_of(current) or 0) if current is not None else 0
        target = await self._staff.pick_above(level)
        label = "first response overdue" if breach is Breach.FIRST_RESPONSE else "resolution overdue"
        complaint.escalate(
            now=now,
            reason=label,
            to_staff_id=target.id if target is not None else None,
            breach=breach,
        )
        contact = await self._facts.contact(complaint.customer_id)
        notices = customer_notice(complaint, contact, ESCALATED, now=now)
        if target is not None:
            notices.append(
                staff_notice(complaint, to_email=target.email, template=ASSIGNED, reason=label, now=now)
            )
        await self._notifier.publish(notices)
        return Escalation(
            complaint_id=complaint.id,
            breach=breach.value,
            priority=complaint.priority.value,
            assigned_staff_id=complaint.assigned_staff_id,
        )
