"""Ops booking changes that a business rule refuses."""

from domain.shared.errors import DomainError


class NoProviderAssigned(DomainError):
    code = "no_provider_assigned"

    def __init__(self) -> None:
        super().__init__("assign a provider before confirming this booking")


class ProviderCannotTakeBooking(DomainError):
    """The provider lacks a needed skill, does not serve the pincode, or is not free for the slot."""

    code = "provider_cannot_take_booking"

    def __init__(self, provider_id: int, reason: str) -> None:
        super().__init__(f"provider {provider_id} cannot take this booking: {reason}")
        self.provider_id = provider_id
        self.reason = reason
