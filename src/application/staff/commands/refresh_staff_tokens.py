"""Trade a staff refresh token for a new pair (the refresh token rotates)."""

import msgspec

from application.common.ports import Clock, UnitOfWork
from application.identity.errors import Unauthenticated
from application.identity.tokens import TokenService
from application.staff.ports import StaffRepository, StaffSessions
from application.staff.views import StaffAuthResult
from domain.staff.entities import StaffId


class RefreshStaffTokens(msgspec.Struct, frozen=True):
    refresh_token: str


class RefreshStaffTokensHandler:
    """Anyone holding a current staff refresh token whose session is live (not revoked, not expired) and
    whose account is active; Unauthenticated otherwise, and the session's family is revoked. A reused
    refresh token signs out its whole session."""

    def __init__(
        self,
        tokens: TokenService,
        staff: StaffRepository,
        sessions: StaffSessions,
        uow: UnitOfWork,
        clock: Clock,
    ) -> None:
        self._tokens = tokens
        self._staff = staff
        self._sessions = sessions
        self._uow = uow
        self._clock = clock

    async def execute(self, cmd: RefreshStaffTokens) -> StaffAuthResult:
        pair = await self._tokens.refresh(cmd.refresh_token, "staff")
        claims = await self._tokens.authenticate(pair.access_token, "staff")
        now = self._clock.now()
        session = await self._sessions.get(claims.family)
        member = await self._staff.get(StaffId(claims.subject))
        if (
            session is None
            or session.staff_id != claims.subject
            or not session.is_live(now=now)
            or member is None
            or not member.is_active
        ):
            await self._tokens.revoke_family(pair.family)
            raise Unauthenticated()
        session.seen(now=now)
        await self._sessions.save(session)
        await self._uow.commit()
        return StaffAuthResult.of(pair, member)
