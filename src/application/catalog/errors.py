"""Catalog lookups that found nothing, and searches that cannot be run."""

from application.common.errors import ApplicationError, Conflict, InvalidInput, NotFoundError


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


class RateCardNotFound(NotFoundError):
    code = "rate_card_not_found"

    def __init__(self, rate_card_id: int) -> None:
        super().__init__("rate card", rate_card_id)


class SlugTaken(Conflict):
    """Category and subcategory slugs are unique across the catalog, active or not."""

    code = "slug_taken"

    def __init__(self, kind: str, slug: str) -> None:
        super().__init__(f"a {kind} with the slug '{slug}' already exists; choose another slug")
        self.kind = kind
        self.slug = slug


class RateCardCodeTaken(Conflict):
    """Rate card codes are unique across the catalog, active or not."""

    code = "rate_card_code_taken"

    def __init__(self, rate_card_code: str) -> None:
        super().__init__(f"a rate card with the code '{rate_card_code}' already exists; choose another code")
        self.rate_card_code = rate_card_code


class UnknownPincodes(ApplicationError):
    """A rate card can only be offered at pincodes the product knows; `problem_extra` lists the others."""

    code = "unknown_pincodes"

    def __init__(self, pincodes: list[str]) -> None:
        super().__init__(f"these pincodes are not known: {', '.join(pincodes)}")
        self.pincodes = pincodes
        self.problem_extra = {"pincodes": pincodes}
