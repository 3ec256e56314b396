"""Loading what staff use cases act on, with the errors clients see when it is missing."""

from datetime import datetime

from application.identity.tokens import TokenService
from application.staff.errors import StaffNotFound, UnknownRole
from application.staff.ports import StaffRepository, StaffSessions
from domain.staff.entities import Role, Staff, StaffId


async def load_member(staff: StaffRepository, staff_id: int) -> Staff:
    """Raises StaffNotFound (404)."""
    member = await staff.get(StaffId(staff_id))
    if member is None:
        raise StaffNotFound(staff_id)
    return member


async def load_role(staff: StaffRepository, code: str) -> Role:
    """Raises UnknownRole (400) naming the roles that exist."""
    role = await staff.role(code)
    if role is None:
        raise UnknownRole(code, [r.code for r in await staff.roles()])
    return role


async def end_sessions(sessions: StaffSessions, member: Staff, *, now: datetime, by: int | None) -> list[str]:
    """Mark every live session of `member` revoked (in the current transaction); returns their ids, to
    revoke in the token store with `forget_sessions` once committed."""
    assert member.id is not None
    ended = []
    for session in await sessions.live_of(member.id, now=now):
        session.revoke(now=now, by=StaffId(by) if by is not None else None)
        await sessions.save(session)
        ended.append(session.id)
    return ended


async def forget_sessions(tokens: TokenService, member: Staff, session_ids: list[str]) -> None:
    """After commit: every token of the member stops working at once, on every API process."""
    assert member.id is not None
    for session_id in session_ids:
        await tokens.revoke_family(session_id)
    await tokens.revoke_everything_of(member.id, "staff")
