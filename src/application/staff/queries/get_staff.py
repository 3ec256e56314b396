"""One staff member, with the permissions their role grants."""

import msgspec

from application.staff.access import Operator, require
from application.staff.lookups import load_member
from application.staff.ports import StaffRepository
from application.staff.views import StaffDetail


class GetStaffQuery(msgspec.Struct, frozen=True):
    staff_id: int


class GetStaff:
    """Needs staff.view. StaffNotFound (404) for unknown ids."""

    def __init__(self, staff: StaffRepository) -> None:
        self._staff = staff

    async def execute(self, query: GetStaffQuery, *, actor: Operator) -> StaffDetail:
        require(actor, "staff.view")
        return StaffDetail.of(await load_member(self._staff, query.staff_id))
