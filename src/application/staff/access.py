"""Who acts on staff, and what they may do: permission checks and the role hierarchy for both members
(StaffActor) and the system (SystemActor: CLI operators, with full rights)."""

from application.identity.actors import StaffActor, SystemActor
from application.identity.errors import Forbidden
from domain.staff.entities import StaffId
from domain.staff.policy import Authority

Operator = StaffActor | SystemActor


def require(actor: Operator, permission: str) -> None:
    """Raise Forbidden(permission) unless the actor holds it (the system holds everything)."""
    if isinstance(actor, StaffActor) and not actor.can(permission):
        raise Forbidden(permission)


def authority_of(actor: Operator) -> Authority:
    if isinstance(actor, SystemActor):
        return Authority.system()
    return Authority(level=actor.level, permissions=actor.permissions, staff_id=StaffId(actor.staff_id))


def actor_id(actor: Operator) -> int | None:
    """The acting member's id for the activity log; None for the system."""
    return actor.staff_id if isinstance(actor, StaffActor) else None
