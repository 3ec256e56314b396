"""Quotes that cannot be made."""

from application.common.errors import NotFoundError
from domain.shared.errors import DomainError


class RateCardNotFound(NotFoundError):
    code = "rate_card_not_found"

    def __init__(self, rate_card_id: int) -> None:
        super().__init__("rate card", rate_card_id)


class NotOfferedAtPincode(DomainError):
    """A rate card exists but is not sold at the customer's pincode."""

    code = "not_offered_at_pincode"

    def __init__(self, rate_card_ids: list[int], pincode: str) -> None:
        ids = ", ".join(str(i) for i in rate_card_ids)
        super().__init__(f"rate card(s) {ids} are not offered at pincode {pincode}")
        self.rate_card_ids = rate_card_ids
        self.pincode = pincode
