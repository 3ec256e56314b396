"""Storage of staff members, their sessions and the activity log, and the reads of the ops console."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from domain.shared.email import Email
from domain.staff.entities import Permission, Role, Staff, StaffId, StaffStatus
from domain.staff.session import StaffSession

Json = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ActivityEntry:
    """One line of the staff activity log: who (`staff_id`, None for the system) did what to which target."""

    action: str
    target_type: str
    target_id: str | None
    staff_id: int | None
    created_at: datetime
    before: Json | None = None
    after: Json | None = None
    ip: str = ""
    request_id: str = ""
    succeeded: bool = True
    id: int | None = None


@dataclass(frozen=True, slots=True)
class StaffFilter:
    status: StaffStatus | None = None
    role: str | None = None
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True, slots=True)
class ActivityFilter:
    staff_id: int | None = None
    action: str | None = None
    target_type: str | None = None
    target_id: str | None = None
    limit: int = 50
    offset: int = 0


class StaffRepository(Protocol):
    """Loads and saves the Staff aggregate (with its role and the role's permissions) and the roles.

    Raises StorageUnavailable when the store cannot be reached.
    """

    async def get(self, staff_id: StaffId) -> Staff | None: ...

    async def find_by_email(self, email: Email) -> Staff | None: ...

    async def add(self, member: Staff) -> Staff:
        """Persist a new member and give it an id; raises StaffEmailTaken when the email is in use."""
        ...

    async def role(self, code: str) -> Role | None: ...

    async def roles(self) -> Sequence[Role]:
        """Every role, highest level first."""
        ...


class StaffSessions(Protocol):
    """Signed-in staff sessions. Changes join the current transaction (they land on commit)."""

    async def add(self, session: StaffSession) -> None: ...

    async def get(self, session_id: str) -> StaffSession | None: ...

    async def of_staff(self, staff_id: StaffId, *, limit: int = 50) -> Sequence[StaffSession]:
        """The member's sessions, newest first."""
        ...

    async def live_of(self, staff_id: StaffId, *, now: datetime) -> Sequence[StaffSession]:
        """The member's sessions that are neither revoked nor expired at `now`."""
        ...

    async def save(self, session: StaffSession) -> None:
        """Write the session's revocation and last-seen time."""
        ...


class ActivityLog(Protocol):
    """The append-only staff activity log. `record` joins the current transaction: the line is written when
    the use case commits, together with the change it describes, and never without it."""

    async def record(self, entry: ActivityEntry) -> None: ...


class StaffDirectory(Protocol):
    """Reads for the ops console: filtered, paginated lists."""

    async def list_staff(self, criteria: StaffFilter) -> tuple[Sequence[Staff], int]:
        """A page of members (by id) and the total matching `criteria`."""
        ...

    async def permissions(self) -> Sequence[Permission]:
        """Every permission, by module then code."""
        ...

    async def activity(self, criteria: ActivityFilter) -> tuple[Sequence[ActivityEntry], int]:
        """A page of log lines, newest first, and the total matching `criteria`."""
        ...
