"""The staff activity log: who did what, when, from where, and whether it was allowed."""

import msgspec

from application.common.errors import InvalidInput
from application.staff.access import Operator, require
from application.staff.ports import ActivityFilter, StaffDirectory
from application.staff.views import ActivityPage, ActivityView

MAX_PAGE = 100


class ListActivityQuery(msgspec.Struct, frozen=True):
    staff_id: int | None = None
    action: str | None = None
    target_type: str | None = None
    target_id: str | None = None
    limit: int = 50
    offset: int = 0


class ListActivity:
    """Needs audit.view. Newest first, `limit` 1-100 from `offset`, optionally only one acting member,
    action or target."""

    def __init__(self, directory: StaffDirectory) -> None:
        self._directory = directory

    async def execute(self, query: ListActivityQuery, *, actor: Operator) -> ActivityPage:
        require(actor, "audit.view")
        if not 1 <= query.limit <= MAX_PAGE:
            raise InvalidInput("limit", f"limit must be 1 to {MAX_PAGE}")
        if query.offset < 0:
            raise InvalidInput("offset", "offset must be 0 or more")
        entries, total = await self._directory.activity(
            ActivityFilter(
                staff_id=query.staff_id,
                action=query.action or None,
                target_type=query.target_type or None,
                target_id=query.target_id or None,
                limit=query.limit,
                offset=query.offset,
            )
        )
        return ActivityPage(
            items=[ActivityView.of(e) for e in entries], total=total, limit=query.limit, offset=query.offset
        )
