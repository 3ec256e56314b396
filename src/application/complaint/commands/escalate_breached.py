"""The SLA monitor: escalate every complaint whose first-response or resolution clock ran out."""

import msgspec

from application.common.ports import Clock, UnitOfWork
from application.complaint.escalation import ASSIGNED, ESCALATED, Escalator
from application.complaint.ports import ComplaintRepository
from application.identity.actors import StaffActor, SystemActor
from application.identity.errors import Forbidden
from domain.complaint.entities import Breach
from domain.complaint.policy import MONITOR_BATCH

__all__ = ["ASSIGNED", "ESCALATED", "EscalateBreachedComplaints", "Escalation", "EscalationReport"]

PERMISSION = "complaints.escalate"
LABELS = {Breach.FIRST_RESPONSE: "first response overdue", Breach.RESOLUTION: "resolution overdue"}


class Escalation(msgspec.Struct, frozen=True):
    """One escalation of one complaint; `breaches` are the SLA clocks it answers (both when both ran out
    by the same run)."""

    complaint_id: int
    breaches: list[str]
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
    or resolution is overdue escalates exactly once per breach, and once per run: breaches found together
    make one escalation (status escalated, priority one level up, reassigned by the Escalator to a more
    senior member, one timeline entry, one notice to the customer and one to the new assignee). Each
    complaint is handled in its own transaction under its row lock and re-checked there, so two monitors
    running at once never escalate one breach twice."""

    def __init__(
        self, complaints: ComplaintRepository, escalator: Escalator, uow: UnitOfWork, clock: Clock
    ) -> None:
        self._complaints, self._escalator, self._uow, self._clock = complaints, escalator, uow, clock

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
            reason = " and ".join(LABELS[b] for b in breaches)
            await self._escalator.escalate(complaint, now=now, breaches=breaches, reason=reason)
            await self._complaints.save(complaint)
            await self._uow.commit()
            done.append(
                Escalation(
                    complaint_id=complaint_id,
                    breaches=[b.value for b in breaches],
                    priority=complaint.priority.value,
                    assigned_staff_id=complaint.assigned_staff_id,
                )
            )
        return EscalationReport(breached=len(candidates), escalations=done)
