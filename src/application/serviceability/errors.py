"""Pincode lookups that found nothing."""

from application.common.errors import NotFoundError


class PincodeNotFound(NotFoundError):
    code = "pincode_not_found"

    def __init__(self, pincode: str) -> None:
        super().__init__("pincode", pincode)
