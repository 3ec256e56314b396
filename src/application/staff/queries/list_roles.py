"""The roles staff can hold, with their levels and permissions."""

from application.staff.access import Operator, require
from application.staff.ports import StaffRepository
from application.staff.views import RoleList, RoleView


class ListRoles:
    """Needs staff.view. Highest level first."""

    def __init__(self, staff: StaffRepository) -> None:
        self._staff = staff

    async def execute(self, *, actor: Operator) -> RoleList:
        require(actor, "staff.view")
        return RoleList(items=[RoleView.of(r) for r in await self._staff.roles()])
