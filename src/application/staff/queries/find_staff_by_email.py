"""Look a staff member up by email (operators at the CLI name members by email)."""

import msgspec

from application.staff.access import Operator, require
from application.staff.errors import StaffNotFound
from application.staff.ports import StaffRepository
from application.staff.views import StaffDetail
from domain.shared.email import Email


class FindStaffByEmailQuery(msgspec.Struct, frozen=True):
    email: str


class FindStaffByEmail:
    """Needs staff.view. InvalidValue for a malformed address, StaffNotFound (404) for an unknown one."""

    def __init__(self, staff: StaffRepository) -> None:
        self._staff = staff

    async def execute(self, query: FindStaffByEmailQuery, *, actor: Operator) -> StaffDetail:
        require(actor, "staff.view")
        email = Email.parse(query.email)
        member = await self._staff.find_by_email(email)
        if member is None:
            raise StaffNotFound(email.value)
        return StaffDetail.of(member)
