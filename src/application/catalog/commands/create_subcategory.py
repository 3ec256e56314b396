"""Ops add a bookable service to a category."""

import msgspec

from application.catalog.admin_views import SubcategoryAdminView, snapshot
from application.catalog.commands.invalidate_catalog_cache import InvalidateCatalogCache
from application.catalog.editing import MANAGE, load_category
from application.catalog.ports import CatalogRepository
from application.common.ports import UnitOfWork
from application.staff.access import Operator, actor_id, require
from application.staff.audit import Audit, Origin
from domain.catalog.drafts import NewSubcategory


class CreateSubcategory(msgspec.Struct, frozen=True):
    category_id: int
    slug: str
    name: str
    duration_minutes: int
    description: str = ""
    inclusions: list[str] = []
    exclusions: list[str] = []
    keywords: list[str] = []
    sort_order: int = 0
    is_active: bool = True
    origin: Origin = Origin()


class CreateSubcategoryHandler:
    """Needs catalog.manage (refusals are logged). The category must exist, active or not (a new category
    can be filled before it is shown). Logged in the same transaction; cached catalog reads are dropped once
    committed. Raises CategoryNotFound (404), InvalidCatalogValue (400), SlugTaken (409)."""

    def __init__(
        self, catalog: CatalogRepository, uow: UnitOfWork, audit: Audit, invalidate: InvalidateCatalogCache
    ) -> None:
        self._catalog = catalog
        self._uow = uow
        self._audit = audit
        self._invalidate = invalidate

    async def execute(self, cmd: CreateSubcategory, *, actor: Operator) -> SubcategoryAdminView:
        action = "catalog.subcategory.create"
        async with self._audit.refusals(
            actor, action=action, target_type="subcategory", target_id=None, origin=cmd.origin
        ):
            require(actor, MANAGE)
        category = await load_category(self._catalog, cmd.category_id)
        new = NewSubcategory(
            category_id=category.id,
            slug=cmd.slug,
            name=cmd.name,
            duration_minutes=cmd.duration_minutes,
            description=cmd.description,
            inclusions=list(cmd.inclusions),
            exclusions=list(cmd.exclusions),
            keywords=list(cmd.keywords),
            sort_order=cmd.sort_order,
            is_active=cmd.is_active,
        )
        view = SubcategoryAdminView.of(await self._catalog.add_subcategory(new))
        await self._audit.record(
            by=actor_id(actor),
            action=action,
            target_type="subcategory",
            target_id=view.id,
            origin=cmd.origin,
            after=snapshot(view),
        )
        await self._uow.commit()
        await self._invalidate.execute()
        return view
