"""Complaints that cannot be found or filed."""

from application.common.errors import NotFoundError


class ComplaintNotFound(NotFoundError):
    """Unknown complaint, or one the actor may not see (someone else's): the two look the same."""

    code = "complaint_not_found"

    def __init__(self, key: object) -> None:
        super().__init__("complaint", key)


class ComplaintBookingNotFound(NotFoundError):
    """The booking named in a complaint is unknown or not the customer's own."""

    code = "booking_not_found"

    def __init__(self, key: object) -> None:
        super().__init__("booking", key)
