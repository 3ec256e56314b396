"""The rules of a customer's address book: how many addresses, which one is the default, what a line holds."""

from dataclasses import dataclass

from domain.shared.errors import DomainError, InvalidValue
from domain.shared.pincode import Pincode

MAX_ADDRESSES = 10
LABEL_MAX = 40
LINE_MAX = 200
LANDMARK_MAX = 120


@dataclass(frozen=True, slots=True)
class Location:
    """Where a pincode is. Taken from the pincode directory, never typed by the customer."""

    pincode: Pincode
    locality: str
    city: str
    state: str


class InvalidAddressText(InvalidValue):
    code = "invalid_address"

    def __init__(self, field: str, max_length: int, *, required: bool) -> None:
        need = f"1 to {max_length}" if required else f"at most {max_length}"
        super().__init__(field, f"{field} must be {need} characters")
        self.max_length = max_length


class TooManyAddresses(DomainError):
    """An account keeps at most MAX_ADDRESSES live addresses."""

    code = "too_many_addresses"

    def __init__(self, limit: int) -> None:
        super().__init__(f"an account keeps at most {limit} addresses; remove one before adding another")
        self.limit = limit


class DefaultAddressRequired(DomainError):
    """While any address is live, exactly one of them is the default: it cannot simply be cleared."""

    code = "default_address_required"

    def __init__(self) -> None:
        super().__init__("one address is always the default: make another address the default instead")


class UnknownAddress(DomainError):
    """The id names no live address of this customer."""

    code = "unknown_address"

    def __init__(self, address_id: int | None) -> None:
        super().__init__(f"address {address_id} is not in this address book")
        self.address_id = address_id


def address_text(field: str, value: str, max_length: int, *, required: bool = True) -> str:
    """Collapse runs of white space; refuse empty required text and text longer than `max_length`."""
    cleaned = " ".join(value.split())
    if (required and not cleaned) or len(cleaned) > max_length:
        raise InvalidAddressText(field, max_length, required=required)
    return cleaned


def optional_text(field: str, value: str | None, max_length: int, *, required: bool = True) -> str | None:
    """`address_text` for a change that may leave the field alone (None)."""
    return None if value is None else address_text(field, value, max_length, required=required)
