"""Refusals of the customer's own-account use cases."""

from application.common.errors import ApplicationError, NotFoundError
from application.identity.errors import Unauthenticated


class AddressNotFound(NotFoundError):
    """No live address with this id in the actor's own address book. Another customer's address gets the
    same answer, so ids leak nothing."""

    code = "address_not_found"

    def __init__(self, address_id: int) -> None:
        super().__init__("address", address_id)


class UnknownPincode(ApplicationError):
    """A well-formed pincode the directory does not know: city and state cannot be filled in."""

    code = "unknown_pincode"

    def __init__(self, pincode: str) -> None:
        super().__init__(f"pincode {pincode} is not one we know; check it, or contact support if it is right")
        self.pincode = pincode


class WrongCurrentPassword(Unauthenticated):
    """The current password given to authorise a password change is wrong (the code login failures use)."""

    code = "invalid_credentials"

    def __init__(self) -> None:
        super().__init__("the current password is wrong")
