"""A staff member's signed-in session: one per login, backing one refresh-token family."""

from dataclasses import dataclass
from datetime import datetime

from domain.staff.entities import StaffId


@dataclass(eq=False, kw_only=True)
class StaffSession:
    """Live from login until it expires or is revoked (logout, an administrator, deactivation)."""

    id: str
    staff_id: StaffId
    created_at: datetime
    expires_at: datetime
    ip: str = ""
    user_agent: str = ""
    last_seen_at: datetime | None = None
    revoked_at: datetime | None = None
    revoked_by_id: StaffId | None = None

    def is_live(self, *, now: datetime) -> bool:
        return self.revoked_at is None and now < self.expires_at

    def revoke(self, *, now: datetime, by: StaffId | None) -> None:
        """Idempotent: a session revoked earlier keeps its first revocation."""
        if self.revoked_at is None:
            self.revoked_at = now
            self.revoked_by_id = by

    def seen(self, *, now: datetime) -> None:
        self.last_seen_at = now
