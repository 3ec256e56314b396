"""Tell a customer whether their pincode is served, and which kinds of service they can book there."""

import msgspec

from application.serviceability.errors import PincodeNotFound
from application.serviceability.ports import PincodeDirectory, ServiceCoverage
from domain.shared.pincode import Pincode


class GetPincodeQuery(msgspec.Struct, frozen=True):
    pincode: str


class CategoryRef(msgspec.Struct, frozen=True):
    id: int
    slug: str
    name: str


class PincodeView(msgspec.Struct, frozen=True):
    pincode: str
    locality: str
    city: str
    state: str
    serviceable: bool
    categories: list[CategoryRef]


class GetPincode:
    """Anyone may look a pincode up: where it is, whether it is served, and the active categories with at
    least one active rate card offered there, in display order (none when it is not served).

    Raises InvalidPincode for a malformed pincode and PincodeNotFound for one the directory does not know.
    """

    def __init__(self, directory: PincodeDirectory, coverage: ServiceCoverage) -> None:
        self._directory = directory
        self._coverage = coverage

    async def execute(self, query: GetPincodeQuery) -> PincodeView:
        pincode = Pincode.parse(query.pincode)
        info = await self._directory.lookup(pincode)
        if info is None:
            raise PincodeNotFound(pincode.value)
        categories = await self._coverage.categories_offered_at(pincode) if info.serviceable else []
        return PincodeView(
            pincode=pincode.value,
            locality=info.locality,
            city=info.city,
            state=info.state,
            serviceable=info.serviceable,
            categories=[CategoryRef(id=c.id, slug=c.slug, name=c.name) for c in categories],
        )
