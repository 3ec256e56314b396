"""SQLAlchemy implementation of the pincode directory port (the `pincodes` table)."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence import tables
from adapters.persistence.errors import storage_errors
from application.serviceability.ports import PincodeInfo
from domain.shared.pincode import Pincode

_p = tables.pincodes.c


class SqlaPincodeDirectory:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def lookup(self, pincode: Pincode) -> PincodeInfo | None:
        stmt = select(_p.locality, _p.city, _p.state, _p.is_serviceable).where(_p.pincode == pincode.value)
        async with storage_errors():
            row = (await self._session.execute(stmt)).one_or_none()
        if row is None:
            return None
        return PincodeInfo(
            pincode=pincode,
            locality=row.locality,
            city=row.city,
            state=row.state,
            serviceable=row.is_serviceable,
        )
