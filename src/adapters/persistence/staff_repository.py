"""SQLAlchemy repository of the Staff aggregate (with its role and permissions) and of the roles."""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence import tables
from adapters.persistence.errors import storage_errors
from application.staff.errors import StaffEmailTaken
from domain.shared.email import Email
from domain.staff.entities import Role, Staff, StaffId

_s = tables.staff.c
_r = tables.roles.c


def is_staff_email_conflict(exc: IntegrityError) -> bool:
    text = str(exc.orig).lower()
    return "uq_staff_email" in text or "staff.email" in text


class SqlaStaffRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def _one(self, *criteria: object) -> Staff | None:
        stmt = select(Staff).where(*criteria)  # type: ignore[arg-type]
        async with storage_errors():
            return (await self._session.scalars(stmt)).one_or_none()

    async def get(self, staff_id: StaffId) -> Staff | None:
        return await self._one(_s.id == staff_id)

    async def find_by_email(self, email: Email) -> Staff | None:
        return await self._one(_s.email == email.value)

    async def add(self, member: Staff) -> Staff:
        self._session.add(member)
        try:
            async with storage_errors():
                await self._session.flush()
        except IntegrityError as exc:
            await self._session.rollback()
            if is_staff_email_conflict(exc):
                raise StaffEmailTaken() from exc
            raise
        return member

    async def role(self, code: str) -> Role | None:
        async with storage_errors():
            return (await self._session.scalars(select(Role).where(_r.code == code))).one_or_none()

    async def roles(self) -> Sequence[Role]:
        async with storage_errors():
            return (await self._session.scalars(select(Role).order_by(_r.level.desc(), _r.code))).all()
