"""A member's sessions: when and where they signed in, and which are still live."""

import msgspec

from application.common.ports import Clock
from application.identity.actors import StaffActor
from application.staff.access import Operator, require
from application.staff.lookups import load_member
from application.staff.ports import StaffRepository, StaffSessions
from application.staff.views import SessionList, SessionView


class ListStaffSessionsQuery(msgspec.Struct, frozen=True):
    staff_id: int


class ListStaffSessions:
    """One's own sessions, or anyone's with staff.view (Forbidden otherwise, whether or not the id exists).
    Newest first, at most 50; `current` marks the session of the request. StaffNotFound (404)."""

    def __init__(self, staff: StaffRepository, sessions: StaffSessions, clock: Clock) -> None:
        self._staff = staff
        self._sessions = sessions
        self._clock = clock

    async def execute(self, query: ListStaffSessionsQuery, *, actor: Operator) -> SessionList:
        own = isinstance(actor, StaffActor) and actor.staff_id == query.staff_id
        if not own:
            require(actor, "staff.view")
        member = await load_member(self._staff, query.staff_id)
        assert member.id is not None
        now = self._clock.now()
        current = actor.session if isinstance(actor, StaffActor) else ""
        sessions = await self._sessions.of_staff(member.id)
        return SessionList(
            staff_id=member.id, items=[SessionView.of(s, now=now, current=current) for s in sessions]
        )
