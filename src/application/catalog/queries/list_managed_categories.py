"""The ops console's list of categories, inactive ones included on request."""

import msgspec

from application.catalog.admin_views import CategoryAdminPage, CategoryAdminView
from application.catalog.editing import VIEW
from application.catalog.ports import CatalogDirectory
from application.common.errors import InvalidInput
from application.staff.access import Operator, require

MAX_PAGE = 100


class ListManagedCategoriesQuery(msgspec.Struct, frozen=True):
    include_inactive: bool = False
    limit: int = 20
    offset: int = 0


class ListManagedCategories:
    """Needs catalog.view. Categories in display order, `limit` 1-100 from `offset`, straight from the
    database (never the customers' cache), so ops see their changes at once."""

    def __init__(self, directory: CatalogDirectory) -> None:
        self._directory = directory

    async def execute(self, query: ListManagedCategoriesQuery, *, actor: Operator) -> CategoryAdminPage:
        require(actor, VIEW)
        if not 1 <= query.limit <= MAX_PAGE:
            raise InvalidInput("limit", f"limit must be 1 to {MAX_PAGE}")
        if query.offset < 0:
            raise InvalidInput("offset", "offset must be 0 or more")
        categories, total = await self._directory.categories(
            include_inactive=query.include_inactive, limit=query.limit, offset=query.offset
        )
        return CategoryAdminPage(
            items=[CategoryAdminView.of(c) for c in categories],
            total=total,
            limit=query.limit,
            offset=query.offset,
        )
