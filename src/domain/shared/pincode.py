"""Indian postal index number (PIN code)."""

from dataclasses import dataclass

from domain.shared.errors import InvalidValue


class InvalidPincode(InvalidValue):
    """A pincode must be six digits and cannot start with 0."""

    code = "invalid_pincode"

    def __init__(self, value: str) -> None:
        super().__init__("pincode", f"'{value}' is not a valid pincode: expected 6 digits, the first 1-9")
        self.value = value


@dataclass(frozen=True, slots=True)
class Pincode:
    """A 6-digit Indian pincode whose first digit is 1-9 (e.g. 560034)."""

    value: str

    def __post_init__(self) -> None:
        v = self.value
        if not (isinstance(v, str) and len(v) == 6 and v.isascii() and v.isdigit() and v[0] != "0"):
            raise InvalidPincode(str(v))

    @classmethod
    def parse(cls, raw: str) -> "Pincode":
        """Build a pincode from user text, tolerating surrounding spaces and one inner space (560 034)."""
        compact = raw.strip()
        if len(compact) == 7 and compact[3] == " ":
            compact = compact.replace(" ", "")
        return cls(compact)

    @property
    def region(self) -> int:
        """The postal region: the first digit (1-2 north, 3-4 west, 5-6 south, 7-8 east, 9 army)."""
        return int(self.value[0])

    def __str__(self) -> str:
        return self.value
