"""The permissions roles are made of."""

from application.staff.access import Operator, require
from application.staff.ports import StaffDirectory
from application.staff.views import PermissionList, PermissionView


class ListPermissions:
    """Needs staff.view. By module, then code."""

    def __init__(self, directory: StaffDirectory) -> None:
        self._directory = directory

    async def execute(self, *, actor: Operator) -> PermissionList:
        require(actor, "staff.view")
        return PermissionList(items=[PermissionView.of(p) for p in await self._directory.permissions()])
