"""Who is calling the ops API: a staff access token turned into a StaffActor."""

from application.common.ports import Clock
from application.identity.actors import StaffActor
from application.identity.errors import Unauthenticated
from application.identity.tokens import TokenService
from application.staff.ports import StaffRepository, StaffSessions
from domain.staff.entities import StaffId


class AuthenticateStaff:
    """Every ops request. The token must be a valid, unrevoked staff access token (customer tokens never
    pass: the audience differs), its session live in the database (not revoked, not expired) and the member
    active; Unauthenticated (401) otherwise. Permissions are read afresh from the member's role, so role
    changes, suspensions and revoked sessions apply from the very next request."""

    def __init__(
        self, tokens: TokenService, staff: StaffRepository, sessions: StaffSessions, clock: Clock
    ) -> None:
        self._tokens = tokens
        self._staff = staff
        self._sessions = sessions
        self._clock = clock

    async def execute(self, token: str) -> StaffActor:
        claims = await self._tokens.authenticate(token, "staff")
        session = await self._sessions.get(claims.family)
        if (
            session is None
            or session.staff_id != claims.subject
            or not session.is_live(now=self._clock.now())
        ):
            raise Unauthenticated()
        member = await self._staff.get(StaffId(claims.subject))
        if member is None or not member.is_active:
            raise Unauthenticated()
        return StaffActor(
            staff_id=claims.subject,
            role=member.role.code,
            level=member.role.level,
            permissions=frozenset(p.code for p in member.role.permissions),
            session=claims.family,
        )
