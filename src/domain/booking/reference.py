"""References that customers and staff quote for a booking."""

import re
from dataclasses import dataclass
from datetime import date

from domain.shared.errors import InvalidValue

FORMAT = re.compile(r"BK-([0-9]{4})([0-9]{2})([0-9]{2})-([0-9]{4,6})", re.ASCII)


class InvalidBookingReference(InvalidValue):
    """A booking reference reads BK-YYYYMMDD-NNNN: a real date, then the day's sequence number from 0001."""

    code = "invalid_booking_reference"

    def __init__(self, value: str) -> None:
        super().__init__(
            "booking_reference", f"'{value}' is not a valid booking reference: expected BK-YYYYMMDD-NNNN"
        )
        self.value = value


def _is_reference(text: str) -> bool:
    match = FORMAT.fullmatch(text)
    if match is None:
        return False
    year, month, day, sequence = match.groups()
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return False
    return sequence == f"{int(sequence):04d}" and int(sequence) >= 1


@dataclass(frozen=True, slots=True)
class BookingReference:
    """A booking's public reference, BK-YYYYMMDD-NNNN (e.g. BK-20250314-0042).

    YYYYMMDD is a real calendar date, the day the booking was made; NNNN is that day's sequence number,
    1 to 999999, zero-padded to four digits (BK-20250314-0042) and written without leading zeros beyond
    that (BK-20250314-12345), so each day and sequence has exactly one reference. Build one with `build`,
    read one from user text with `parse`; the constructor takes the normalised form only.
    """

    value: str

    def __post_init__(self) -> None:
        v = self.value
        if not (isinstance(v, str) and _is_reference(v)):
            raise InvalidBookingReference(str(v))

    @classmethod
    def build(cls, day: date, sequence: int) -> "BookingReference":
        """The reference of the `sequence`-th booking of `day`; the sequence runs from 1 to 999999."""
        prefix = f"BK-{day.year:04d}{day.month:02d}{day.day:02d}"
        if isinstance(sequence, bool) or not isinstance(sequence, int):
            raise InvalidBookingReference(f"{prefix}-{sequence!r}")
        return cls(f"{prefix}-{sequence:04d}")

    @classmethod
    def parse(cls, raw: str) -> "BookingReference":
        """Read a reference as typed, tolerating lower case and surrounding spaces (" bk-20250314-0042 ")."""
        normalised = raw.strip().upper()
        if not _is_reference(normalised):
            raise InvalidBookingReference(raw)
        return cls(normalised)

    @property
    def day(self) -> date:
        return date(int(self.value[3:7]), int(self.value[7:9]), int(self.value[9:11]))

    @property
    def sequence(self) -> int:
        return int(self.value[12:])

    def __str__(self) -> str:
        return self.value
