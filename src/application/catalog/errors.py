"""Catalog lookups that found nothing, and searches that cannot be run."""

from application.common.errors import InvalidInput, NotFoundError


class CategoryNotFound(NotFoundError):
    code = "category_not_found"

    def __init__(self, category_id: int) -> None:
        super().__init__("category", category_id)


class SubcategoryNotFound(NotFoundError):
    code = "subcategory_not_found"

    def __init__(self, subcategory_id: int) -> None:
        super().__init__("subcategory", subcategory_id)


class InvalidSearchQuery(InvalidInput):
    """Search text must hold something besides spaces and stay within MAX_QUERY_LENGTH characters."""

    code = "invalid_search_query"

    def __init__(self, message: str) -> None:
        super().__init__("q", message)
