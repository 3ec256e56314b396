"""Catalog lookups that found nothing."""

from application.common.errors import NotFoundError


class CategoryNotFound(NotFoundError):
    code = "category_not_found"

    def __init__(self, category_id: int) -> None:
        super().__init__("category", category_id)


class SubcategoryNotFound(NotFoundError):
    code = "subcategory_not_found"

    def __init__(self, subcategory_id: int) -> None:
        super().__init__("subcategory", subcategory_id)
