"""Ops add a priced variant to a service."""

import msgspec

from application.catalog.admin_views import RateCardAdminView, snapshot
from application.catalog.commands.invalidate_catalog_cache import InvalidateCatalogCache
from application.catalog.editing import MANAGE, load_subcategory
from application.catalog.ports import CatalogRepository
from application.common.ports import UnitOfWork
from application.staff.access import Operator, actor_id, require
from application.staff.audit import Audit, Origin
from domain.catalog.drafts import NewRateCard
from domain.shared.money import Money


class CreateRateCard(msgspec.Struct, frozen=True):
    subcategory_id: int
    code: str
    name: str
    price: str
    strike_price: str | None = None
    description: str = ""
    unit: str = ""
    is_active: bool = True
    origin: Origin = Origin()


class CreateRateCardHandler:
    """Needs catalog.manage (refusals are logged). Prices are INR amounts such as "499.00"; the RateCard's
    rules apply (price not negative, strike price above it). The new card is offered nowhere until its
    pincodes are set. Logged in the same transaction; cached catalog reads are dropped once committed.
    Raises SubcategoryNotFound (404), InvalidMoney / InvalidCatalogValue (400), InvalidRateCard (422),
    RateCardCodeTaken (409)."""

    def __init__(
        self, catalog: CatalogRepository, uow: UnitOfWork, audit: Audit, invalidate: InvalidateCatalogCache
    ) -> None:
        self._catalog = catalog
        self._uow = uow
        self._audit = audit
        self._invalidate = invalidate

    async def execute(self, cmd: CreateRateCard, *, actor: Operator) -> RateCardAdminView:
        action = "catalog.rate_card.create"
        async with self._audit.refusals(
            actor, action=action, target_type="rate_card", target_id=None, origin=cmd.origin
        ):
            require(actor, MANAGE)
        subcategory = await load_subcategory(self._catalog, cmd.subcategory_id)
        new = NewRateCard(
            subcategory_id=subcategory.id,
            code=cmd.code,
            name=cmd.name,
            price=Money.of(cmd.price),
            strike_price=Money.of(cmd.strike_price) if cmd.strike_price is not None else None,
            description=cmd.description,
            unit=cmd.unit,
            is_active=cmd.is_active,
        )
        view = RateCardAdminView.of(await self._catalog.add_rate_card(new))
        await self._audit.record(
            by=actor_id(actor),
            action=action,
            target_type="rate_card",
            target_id=view.id,
            origin=cmd.origin,
            after=snapshot(view),
        )
        await self._uow.commit()
        await self._invalidate.execute()
        return view
