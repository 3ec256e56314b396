"""Who is acting. Every use case receives its actor explicitly, so HTTP, CLI, worker and the assistant's
tools share the same rules."""

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class CustomerActor:
    customer_id: int
    session: str  # the refresh-token family this access token belongs to


@dataclass(frozen=True, slots=True)
class StaffActor:
    staff_id: int
    role: str
    level: int
    permissions: frozenset[str] = field(default_factory=frozenset)
    session: str = ""

    def can(self, permission: str) -> bool:
        return permission in self.permissions


@dataclass(frozen=True, slots=True)
class SystemActor:
    """The system itself (workers, the seed, the CLI acting as an operator with full rights)."""

    name: str = "system"


Actor = CustomerActor | StaffActor | SystemActor
