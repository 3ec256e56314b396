"""Bookings that cannot be made or shown."""

from application.common.errors import Conflict, NotFoundError
from domain.shared.errors import DomainError


class BookingNotFound(NotFoundError):
    code = "booking_not_found"

    def __init__(self, key: object) -> None:
        super().__init__("booking", key)


class AddressNotFound(NotFoundError):
    code = "address_not_found"

    def __init__(self, address_id: int) -> None:
        super().__init__("address", address_id)


class SlotUnavailable(Conflict):
    """No professional with the needed skills who serves the pincode is free for the slot."""

    code = "slot_unavailable"

    def __init__(self, start: str) -> None:
        super().__init__(f"no professional is free for the slot starting {start}; pick another time")
        self.start = start


class ReferenceTaken(Conflict):
    """A concurrent booking took the day's next reference first; the caller retries with the next one."""

    code = "reference_taken"

    def __init__(self) -> None:
        super().__init__("the booking reference was taken concurrently")


class IdempotencyKeyReused(DomainError):
    code = "idempotency_key_reused"

    def __init__(self) -> None:
        super().__init__("this Idempotency-Key was already used for a different request")


class RequestInProgress(Conflict):
    code = "request_in_progress"

    def __init__(self) -> None:
        super().__init__("a request with this Idempotency-Key is still being processed; retry shortly")
