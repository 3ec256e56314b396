"""Ops change a category: its texts, its position, or whether customers see it at all."""

import msgspec

from application.catalog.admin_views import CategoryAdminView, snapshot
from application.catalog.commands.invalidate_catalog_cache import InvalidateCatalogCache
from application.catalog.editing import MANAGE, given, load_category
from application.catalog.ports import CatalogRepository
from application.common.ports import UnitOfWork
from application.staff.access import Operator, actor_id, require
from application.staff.audit import Audit, Origin


class UpdateCategory(msgspec.Struct, frozen=True):
    category_id: int
    name: str | msgspec.UnsetType = msgspec.UNSET
    description: str | msgspec.UnsetType = msgspec.UNSET
    icon: str | msgspec.UnsetType = msgspec.UNSET
    sort_order: int | msgspec.UnsetType = msgspec.UNSET
    is_active: bool | msgspec.UnsetType = msgspec.UNSET
    origin: Origin = Origin()


class UpdateCategoryHandler:
    """Needs catalog.manage (refusals are logged). Fields left out stay as they are; the slug never changes.
    Deactivating hides the category and all its services from customers; reactivating shows them again.
    Logged with before/after in the same transaction; cached catalog reads are dropped once committed.
    Raises CategoryNotFound (404), InvalidCatalogValue (400)."""

    def __init__(
        self, catalog: CatalogRepository, uow: UnitOfWork, audit: Audit, invalidate: InvalidateCatalogCache
    ) -> None:
        self._catalog = catalog
        self._uow = uow
        self._audit = audit
        self._invalidate = invalidate

    async def execute(self, cmd: UpdateCategory, *, actor: Operator) -> CategoryAdminView:
        action = "catalog.category.update"
        async with self._audit.refusals(
            actor, action=action, target_type="category", target_id=cmd.category_id, origin=cmd.origin
        ):
            require(actor, MANAGE)
            category = await load_category(self._catalog, cmd.category_id)
        before = snapshot(CategoryAdminView.of(category))
        category.revise(
            name=given(cmd.name),
            description=given(cmd.description),
            icon=given(cmd.icon),
            sort_order=given(cmd.sort_order),
        )
        if cmd.is_active is False:
            category.deactivate()
        elif cmd.is_active is True:
            category.reactivate()
        await self._catalog.save(category)
        view = CategoryAdminView.of(category)
        await self._audit.record(
            by=actor_id(actor),
            action=action,
            target_type="category",
            target_id=category.id,
            origin=cmd.origin,
            before=before,
            after=snapshot(view),
        )
        await self._uow.commit()
        await self._invalidate.execute()
        return view
