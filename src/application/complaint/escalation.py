"""One way to escalate a complaint, used by the SLA monitor and by staff escalating by hand: reassign to a
more senior member, raise the priority, record it, and tell the customer and the new assignee."""

from collections.abc import Sequence
from datetime import datetime

from application.complaint.notices import customer_notice, staff_notice
from application.complaint.ports import ComplaintFacts, ComplaintNotifier, EscalationStaff
from domain.complaint.entities import Breach, Complaint

ESCALATED = "complaint_escalated"
ASSIGNED = "complaint_escalated_to_you"


class Escalator:
    """Escalates a loaded (locked) complaint in the caller's unit of work (the caller saves and commits).

    The new assignee is an active member who may work complaints with a role level strictly above both the
    current assignee's level and the base complaint-working level (the lowest role level that may work
    complaints), so an unassigned complaint also goes to a senior member. When nobody qualifies the
    assignee is kept. Raises what Complaint.escalate raises (TransitionNotAllowed) and StorageUnavailable."""

    def __init__(self, staff: EscalationStaff, facts: ComplaintFacts, notifier: ComplaintNotifier) -> None:
        self._staff, self._facts, self._notifier = staff, facts, notifier
        self._floor: int | None = None  # the lowest level that works complaints: asked once per scope

    async def escalate(
        self,
        complaint: Complaint,
        *,
        now: datetime,
        breaches: Sequence[Breach] = (),
        reason: str = "",
        note: str = "",
        by_staff_id: int | None = None,
    ) -> bool:
        """Escalate once (all `breaches` recorded by this one escalation); False when every breach was
        escalated already (nothing changed, nothing sent)."""
        if self._floor is None:
            self._floor = await self._staff.base_level()
        floor = self._floor
        current = complaint.assigned_staff_id
        level = (await self._staff.level_of(current) or 0) if current is not None else 0
        target = await self._staff.pick_above(max(level, floor))
        if not complaint.escalate(
            now=now,
            reason=reason,
            to_staff_id=target.id if target is not None else None,
            breaches=breaches,
            by_staff_id=by_staff_id,
            note=note,
        ):
            return False
        contact = await self._facts.contact(complaint.customer_id)
        notices = customer_notice(complaint, contact, ESCALATED, now=now)
        if target is not None:
            why = reason or "escalated by staff"
            notices.append(
                staff_notice(complaint, to_email=target.email, template=ASSIGNED, reason=why, now=now)
            )
        await self._notifier.publish(notices)
        return True
