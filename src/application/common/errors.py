"""Errors the use cases raise; entrypoints map them to responses (HTTP problem details, CLI messages)."""


class ApplicationError(Exception):
    """Base of errors raised by use cases and ports."""

    code = "application_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(ApplicationError):
    """The thing asked for does not exist, or the actor may not see it (the two are indistinguishable)."""

    code = "not_found"

    def __init__(self, resource: str, key: object) -> None:
        super().__init__(f"{resource} {key} was not found")
        self.resource = resource
        self.key = key


class InvalidInput(ApplicationError):
    """A request is malformed in a way the schema could not catch."""

    code = "invalid_input"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class Conflict(ApplicationError):
    """The change collides with the current state (a unique slug or code already in use)."""

    code = "conflict"


class DependencyUnavailable(ApplicationError):
    """A service the use case needs (database, cache, queue, model) cannot be reached right now."""

    code = "dependency_unavailable"

    def __init__(self, dependency: str, detail: str = "", *, retry_after_seconds: int = 5) -> None:
        super().__init__(f"{dependency} is unavailable" + (f": {detail}" if detail else ""))
        self.dependency = dependency
        self.retry_after_seconds = retry_after_seconds


class StorageUnavailable(DependencyUnavailable):
    """The database cannot be reached or refused the operation for an operational reason."""

    code = "storage_unavailable"

    def __init__(self, detail: str = "") -> None:
        super().__init__("database", detail)
