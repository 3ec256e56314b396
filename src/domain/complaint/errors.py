"""Rules of the Complaint aggregate, named after what they protect."""

from datetime import datetime

from domain.shared.errors import DomainError
from domain.shared.status_machine import TransitionNotAllowed


class ResolutionNoteRequired(DomainError):
    """Resolving a complaint needs a note saying how it was resolved."""

    code = "resolution_note_required"

    def __init__(self) -> None:
        super().__init__("resolving a complaint needs a resolution note")
        self.field = "note"


class ReopenWindowClosed(DomainError):
    """A resolved complaint can be reopened only within the reopen window after its resolution."""

    code = "reopen_window_closed"

    def __init__(self, resolved_at: datetime, closes_at: datetime) -> None:
        super().__init__(
            f"this complaint was resolved at {resolved_at.isoformat()}; reopening closed at "
            f"{closes_at.isoformat()}"
        )
        self.resolved_at = resolved_at
        self.closes_at = closes_at
        self.problem_extra = {"closesAt": closes_at.isoformat()}


class ComplaintClosed(DomainError):
    """A closed complaint takes no more messages."""

    code = "complaint_closed"

    def __init__(self) -> None:
        super().__init__("this complaint is closed and takes no more messages")


class EmptyMessage(DomainError):
    """A timeline message needs some text."""

    code = "empty_message"

    def __init__(self) -> None:
        super().__init__("the message is empty")
        self.field = "message"


class InternalNoteByCustomer(DomainError):
    """Only staff write internal notes."""

    code = "internal_note_not_allowed"

    def __init__(self) -> None:
        super().__init__("only staff can write internal notes")


class NotReopenable(TransitionNotAllowed):
    """Only a resolved complaint can be reopened (same code as any refused transition)."""

    def __init__(self, current: str) -> None:
        super().__init__("complaint", current, "reopened", [])
        self.message = f"only a resolved complaint can be reopened; this one is {current}"
        self.args = (self.message,)
