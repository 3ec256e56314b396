"""Ops add a category to the catalog."""

import msgspec

from application.catalog.admin_views import CategoryAdminView, snapshot
from application.catalog.commands.invalidate_catalog_cache import InvalidateCatalogCache
from application.catalog.editing import MANAGE
from application.catalog.ports import CatalogRepository
from application.common.ports import UnitOfWork
from application.staff.access import Operator, actor_id, require
from application.staff.audit import Audit, Origin
from domain.catalog.drafts import NewCategory


class CreateCategory(msgspec.Struct, frozen=True):
    slug: str
    name: str
    description: str = ""
    icon: str = ""
    sort_order: int = 0
    is_active: bool = True
    origin: Origin = Origin()


class CreateCategoryHandler:
    """Needs catalog.manage (refusals are logged). Adds the category, logs it in the same transaction and,
    once committed, drops the cached catalog reads so customers see it at once. Raises InvalidCatalogValue
    (400), SlugTaken (409)."""

    def __init__(
        self, catalog: CatalogRepository, uow: UnitOfWork, audit: Audit, invalidate: InvalidateCatalogCache
    ) -> None:
        self._catalog = catalog
        self._uow = uow
        self._audit = audit
        self._invalidate = invalidate

    async def execute(self, cmd: CreateCategory, *, actor: Operator) -> CategoryAdminView:
        action = "catalog.category.create"
        async with self._audit.refusals(
            actor, action=action, target_type="category", target_id=None, origin=cmd.origin
        ):
            require(actor, MANAGE)
        new = NewCategory(
            slug=cmd.slug,
            name=cmd.name,
            description=cmd.description,
            icon=cmd.icon,
            sort_order=cmd.sort_order,
            is_active=cmd.is_active,
        )
        view = CategoryAdminView.of(await self._catalog.add_category(new))
        await self._audit.record(
            by=actor_id(actor),
            action=action,
            target_type="category",
            target_id=view.id,
            origin=cmd.origin,
            after=snapshot(view),
        )
        await self._uow.commit()
        await self._invalidate.execute()
        return view
