"""Ops change a service: its texts, duration, lists, position, or whether customers see it."""

import msgspec

from application.catalog.admin_views import SubcategoryAdminView, snapshot
from application.catalog.commands.invalidate_catalog_cache import InvalidateCatalogCache
from application.catalog.editing import MANAGE, given, load_subcategory
from application.catalog.ports import CatalogRepository
from application.common.ports import UnitOfWork
from application.staff.access import Operator, actor_id, require
from application.staff.audit import Audit, Origin


class UpdateSubcategory(msgspec.Struct, frozen=True):
    subcategory_id: int
    name: str | msgspec.UnsetType = msgspec.UNSET
    description: str | msgspec.UnsetType = msgspec.UNSET
    duration_minutes: int | msgspec.UnsetType = msgspec.UNSET
    inclusions: list[str] | msgspec.UnsetType = msgspec.UNSET
    exclusions: list[str] | msgspec.UnsetType = msgspec.UNSET
    keywords: list[str] | msgspec.UnsetType = msgspec.UNSET
    sort_order: int | msgspec.UnsetType = msgspec.UNSET
    is_active: bool | msgspec.UnsetType = msgspec.UNSET
    origin: Origin = Origin()


class UpdateSubcategoryHandler:
    """Needs catalog.manage (refusals are logged). Fields left out stay as they are; lists are replaced
    whole; the slug and category never change. Deactivating hides the service and its rate cards.
    Logged with before/after in the same transaction; cached catalog reads are dropped once committed.
    Raises SubcategoryNotFound (404), InvalidCatalogValue (400)."""

    def __init__(
        self, catalog: CatalogRepository, uow: UnitOfWork, audit: Audit, invalidate: InvalidateCatalogCache
    ) -> None:
        self._catalog = catalog
        self._uow = uow
        self._audit = audit
        self._invalidate = invalidate

    async def execute(self, cmd: UpdateSubcategory, *, actor: Operator) -> SubcategoryAdminView:
        action = "catalog.subcategory.update"
        async with self._audit.refusals(
            actor, action=action, target_type="subcategory", target_id=cmd.subcategory_id, origin=cmd.origin
        ):
            require(actor, MANAGE)
            subcategory = await load_subcategory(self._catalog, cmd.subcategory_id)
        before = snapshot(SubcategoryAdminView.of(subcategory))
        subcategory.revise(
            name=given(cmd.name),
            description=given(cmd.description),
            duration_minutes=given(cmd.duration_minutes),
            inclusions=given(cmd.inclusions),
            exclusions=given(cmd.exclusions),
            keywords=given(cmd.keywords),
            sort_order=given(cmd.sort_order),
        )
        if cmd.is_active is False:
            subcategory.deactivate()
        elif cmd.is_active is True:
            subcategory.reactivate()
        await self._catalog.save(subcategory)
        view = SubcategoryAdminView.of(subcategory)
        await self._audit.record(
            by=actor_id(actor),
            action=action,
            target_type="subcategory",
            target_id=subcategory.id,
            origin=cmd.origin,
            before=before,
            after=snapshot(view),
        )
        await self._uow.commit()
        await self._invalidate.execute()
        return view
