"""What other contexts may ask about pincodes: where one is and whether it is served."""

from dataclasses import dataclass
from typing import Protocol

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
