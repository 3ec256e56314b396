"""What other contexts may ask about pincodes: where one is and whether it is served."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from domain.catalog.entities import Category
from domain.shared.pincode import Pincode


@dataclass(frozen=True, slots=True)
class PincodeInfo:
    pincode: Pincode
    locality: str
    city: str
    state: str
    serviceable: bool


class PincodeDirectory(Protocol):
    """The pincodes the product knows (the `pincodes` table). Raises StorageUnavailable when the store
    cannot be reached."""

    async def lookup(self, pincode: Pincode) -> PincodeInfo | None:
        """Where the pincode is, served or not; None when the directory does not know it."""
        ...


class ServiceCoverage(Protocol):
    """What can be booked where. Raises StorageUnavailable when the store cannot be reached."""

    async def categories_offered_at(self, pincode: Pincode) -> Sequence[Category]:
        """Active categories, in display order, with at least one active rate card of an active subcategory
        offered at the pincode; none when the pincode is unknown or not serviceable."""
        ...
