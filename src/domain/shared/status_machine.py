"""Explicit status transition tables shared by the aggregates that have a lifecycle."""

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from domain.shared.errors import DomainError

S = TypeVar("S", bound=StrEnum)


class TransitionNotAllowed(DomainError):
    """The aggregate's status table has no arrow from the current status to the requested one."""

    code = "transition_not_allowed"

    def __init__(self, entity: str, current: str, requested: str, allowed: list[str]) -> None:
        allowed_text = ", ".join(allowed) or "none (final status)"
        super().__init__(f"{entity} cannot go from {current} to {requested}; allowed: {allowed_text}")
        self.entity = entity
        self.current = current
        self.requested = requested
        self.allowed = allowed


def check_transition(entity: str, table: Mapping[S, frozenset[S]], current: S, requested: S) -> None:
    """Raise TransitionNotAllowed unless `table` has the arrow current -> requested."""
    allowed = table.get(current, frozenset())
    if requested not in allowed:
        raise TransitionNotAllowed(entity, current.value, requested.value, sorted(s.value for s in allowed))
