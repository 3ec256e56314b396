"""The staff directory of the ops console."""

import msgspec

from application.common.errors import InvalidInput
from application.staff.access import Operator, require
from application.staff.lookups import load_role
from application.staff.ports import StaffDirectory, StaffFilter, StaffRepository
from application.staff.views import StaffPage, StaffView
from domain.staff.entities import StaffStatus

MAX_PAGE = 100


class ListStaffQuery(msgspec.Struct, frozen=True):
    status: str | None = None
    role: str | None = None
    limit: int = 20
    offset: int = 0


class ListStaff:
    """Needs staff.view. Members by id, `limit` 1-100 from `offset`, optionally only one status or role
    (InvalidInput / UnknownRole for values that do not exist)."""

    def __init__(self, directory: StaffDirectory, staff: StaffRepository) -> None:
        self._directory = directory
        self._staff = staff

    async def execute(self, query: ListStaffQuery, *, actor: Operator) -> StaffPage:
        require(actor, "staff.view")
        if not 1 <= query.limit <= MAX_PAGE:
            raise InvalidInput("limit", f"limit must be 1 to {MAX_PAGE}")
        if query.offset < 0:
            raise InvalidInput("offset", "offset must be 0 or more")
        try:
            status = StaffStatus(query.status) if query.status else None
        except ValueError:
            known = ", ".join(s.value for s in StaffStatus)
            raise InvalidInput("status", f"unknown status '{query.status}'; one of: {known}") from None
        if query.role:
            await load_role(self._staff, query.role)
        members, total = await self._directory.list_staff(
            StaffFilter(status=status, role=query.role or None, limit=query.limit, offset=query.offset)
        )
        return StaffPage(
            items=[StaffView.of(m) for m in members], total=total, limit=query.limit, offset=query.offset
        )
