"""Indian mobile numbers."""

import re
from dataclasses import dataclass

from domain.shared.errors import InvalidValue

NORMALISED = re.compile(r"\+91[6-9][0-9]{9}", re.ASCII)
# An optional +91 country code, then ASCII digits separated by at most one space or hyphen.
WRITTEN = re.compile(r"(?:(?:\(\+91\)|\+91)[ -]?)?[0-9](?:[ -]?[0-9])*", re.ASCII)
MOBILE = re.compile(r"[6-9][0-9]{9}", re.ASCII)


class InvalidPhoneNumber(InvalidValue):
    """A phone number must be an Indian mobile: ten digits, the first 6-9, with an optional +91, 91 or 0."""

    code = "invalid_phone_number"

    def __init__(self, value: str) -> None:
        super().__init__("phone", f"'{value}' is not a valid Indian mobile number")
        self.value = value


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    """An Indian mobile number in E.164 form, "+91" then ten digits starting 6-9 (e.g. +919876543210).

    Landlines, other countries and numbers with non-ASCII digits are refused. Build one from user text
    with `parse`; the constructor takes the normalised form only.
    """

    value: str

    def __post_init__(self) -> None:
        v = self.value
        if not (isinstance(v, str) and NORMALISED.fullmatch(v)):
            raise InvalidPhoneNumber(str(v))

    @classmethod
    def parse(cls, raw: str) -> "PhoneNumber":
        """Read a mobile number as people write it; raises InvalidPhoneNumber on anything else.

        Accepted: the ten national digits, optionally preceded by "+91", "(+91)", "91" or the trunk "0",
        with single spaces or hyphens between groups and spaces around the whole
        ("+91 98765 43210", "(+91) 98765-43210", "09876543210", "919876543210").
        """
        text = raw.strip()
        if not WRITTEN.fullmatch(text):
            raise InvalidPhoneNumber(raw)
        digits = re.sub(r"[^0-9]", "", text)
        if text.startswith(("+91", "(+91)")) or (len(digits) == 12 and digits.startswith("91")):
            national = digits[2:]
        elif len(digits) == 11 and digits.startswith("0"):
            national = digits[1:]
        else:
            national = digits
        if not MOBILE.fullmatch(national):
            raise InvalidPhoneNumber(raw)
        return cls(f"+91{national}")

    @property
    def national(self) -> str:
        """The ten digits dialled within India (9876543210)."""
        return self.value[3:]

    @property
    def masked(self) -> str:
        """The last four digits only (******3210), for logs and staff without permission to see PII."""
        return f"******{self.value[-4:]}"

    def __str__(self) -> str:
        return self.value
