"""SQLAlchemy repository of the Customer aggregate, and the session-backed unit of work."""

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from adapters.persistence import tables
from adapters.persistence.errors import storage_errors
from adapters.persistence.locking import hold_write_lock
from application.identity.errors import AccountExists
from domain.customer.entities import Customer, CustomerId
from domain.shared.email import Email
from domain.shared.phone import PhoneNumber

_u = tables.users.c


class SqlaUnitOfWork:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def commit(self) -> None:
        try:
            async with storage_errors():
                await self._session.commit()
        except IntegrityError as exc:
            await self._session.rollback()
            raise _translate(exc) from exc

    async def rollback(self) -> None:
        await self._session.rollback()


def _translate(exc: IntegrityError) -> Exception:
    text = str(exc.orig).lower()
    if "users" in text and ("email" in text or "phone" in text):
        return AccountExists()
    return exc


class SqlaCustomerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def _one(self, *criteria: object) -> Customer | None:
        stmt = select(Customer).where(_u.deleted_at.is_(None), *criteria)  # type: ignore[arg-type]
        async with storage_errors():
            return (await self._session.scalars(stmt)).one_or_none()

    async def get(self, customer_id: CustomerId) -> Customer | None:
        return await self._one(_u.id == customer_id)

    async def get_for_update(self, customer_id: CustomerId) -> Customer | None:
        """One locking read for the account and its addresses: it sees the latest committed rows even when
        the transaction's REPEATABLE READ snapshot is older than the lock."""
        await hold_write_lock(self._session)
        stmt = (
            select(Customer)
            .options(joinedload(Customer.addresses))  # type: ignore[arg-type]
            .where(_u.deleted_at.is_(None), _u.id == customer_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        async with storage_errors():
            return (await self._session.scalars(stmt)).unique().one_or_none()

    async def find_by_email(self, email: Email) -> Customer | None:
        return await self._one(_u.email == email.value)

    async def find_by_phone(self, phone: PhoneNumber) -> Customer | None:
        return await self._one(_u.phone == phone.value)

    async def add(self, customer: Customer) -> Customer:
        self._session.add(customer)
        await self.flush()
        return customer

    async def flush(self) -> None:
        try:
            async with storage_errors():
                await self._session.flush()
        except IntegrityError as exc:
            await self._session.rollback()
            raise _translate(exc) from exc
