"""Provider lookups that found nothing, and provider searches that cannot be run."""

from application.common.errors import InvalidInput, NotFoundError


class ProviderNotFound(NotFoundError):
    code = "provider_not_found"

    def __init__(self, provider_id: int) -> None:
        super().__init__("provider", provider_id)


class InvalidCursor(InvalidInput):
    """A page cursor must be one this API returned."""

    code = "invalid_cursor"

    def __init__(self) -> None:
        super().__init__("cursor", "the cursor is not one this API returned; start again without it")
