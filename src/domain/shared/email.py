"""Email addresses."""

import re
from dataclasses import dataclass

from domain.shared.errors import InvalidValue

MAX_LENGTH = 254
MAX_LOCAL_LENGTH = 64
LOCAL = re.compile(r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*", re.ASCII)
DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}", re.ASCII)


class InvalidEmail(InvalidValue):
    """An email address must follow the product's pragmatic rule (see Email)."""

    code = "invalid_email"

    def __init__(self, value: str, reason: str) -> None:
        super().__init__("email", f"'{value}' is not a valid email address: {reason}")
        self.value = value
        self.reason = reason


def _problem(address: str) -> str | None:
    if len(address) > MAX_LENGTH:
        return f"longer than {MAX_LENGTH} characters"
    if address != address.lower():
        return "not in lower case (use Email.parse)"
    if address.count("@") != 1:
        return "expected exactly one '@'"
    local, domain = address.split("@")
    if len(local) > MAX_LOCAL_LENGTH or not LOCAL.fullmatch(local):
        return f"the part before '@' must be 1 to {MAX_LOCAL_LENGTH} letters, digits or symbols, no edge dots"
    if not DOMAIN.fullmatch(domain):
        return "the domain must be dot-separated labels of a-z, 0-9 and inner hyphens, then a 2-24 letter TLD"
    return None


@dataclass(frozen=True, slots=True)
class Email:
    """An email address, held in lower case: addresses are compared case-insensitively in this product.

    The rule is pragmatic rather than full RFC 5322: exactly one "@"; a local part of 1-64 ASCII letters,
    digits and !#$%&'*+/=?^_`{|}~- in dot-separated runs (no quotes, spaces or control characters); a domain
    of at least two dot-separated labels of a-z, 0-9 and hyphens (not first or last in a label, at most 63
    characters) whose last label, the TLD, is 2-24 letters; at most 254 characters in all. Build one from
    user text with `parse`; the constructor takes the normalised form only.
    """

    value: str

    def __post_init__(self) -> None:
        v = self.value
        if not isinstance(v, str):
            raise InvalidEmail(str(v), "not text")
        problem = _problem(v)
        if problem is not None:
            raise InvalidEmail(v, problem)

    @classmethod
    def parse(cls, raw: str) -> "Email":
        """Read an address as typed: surrounding spaces are dropped and the whole address is lower-cased."""
        address = raw.strip().lower()
        problem = _problem(address)
        if problem is not None:
            raise InvalidEmail(raw, problem)
        return cls(address)

    @property
    def masked(self) -> str:
        """The local part's first character only (r***@gmail.com), for logs and staff without PII access."""
        local, domain = self.value.split("@")
        return f"{local[0]}***@{domain}"

    def __str__(self) -> str:
        return self.value
