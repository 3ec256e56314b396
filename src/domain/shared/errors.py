"""Base of every rule violation the domain reports."""


class DomainError(Exception):
    """A domain rule refused an operation or a value.

    Subclasses are named after the rule they protect and carry the data a client needs.
    """

    code = "domain_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidValue(DomainError):
    """A value object was given a value it cannot hold."""

    code = "invalid_value"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
