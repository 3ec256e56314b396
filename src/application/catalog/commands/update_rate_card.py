"""Ops change a rate card: its texts, its prices, or whether it is offered at all."""

import msgspec

from application.catalog.admin_views import RateCardAdminView, snapshot
from application.catalog.commands.invalidate_catalog_cache import InvalidateCatalogCache
from application.catalog.editing import MANAGE, given, load_rate_card
from application.catalog.ports import CatalogRepository
from application.common.ports import UnitOfWork
from application.staff.access import Operator, actor_id, require
from application.staff.audit import Audit, Origin
from domain.catalog.entities import RateCard
from domain.shared.money import Money


class UpdateRateCard(msgspec.Struct, frozen=True):
    rate_card_id: int
    name: str | msgspec.UnsetType = msgspec.UNSET
    description: str | msgspec.UnsetType = msgspec.UNSET
    unit: str | msgspec.UnsetType = msgspec.UNSET
    price: str | msgspec.UnsetType = msgspec.UNSET
    strike_price: str | msgspec.UnsetType | None = msgspec.UNSET  # None removes the strike price
    is_active: bool | msgspec.UnsetType = msgspec.UNSET
    origin: Origin = Origin()


class UpdateRateCardHandler:
    """Needs catalog.manage (refusals are logged). Fields left out stay as they are; the code never changes.
    A new price is checked against the strike price that will apply (the new one, or the current one when
    left out). Logged with before/after in the same transaction; cached catalog reads are dropped once
    committed. Raises RateCardNotFound (404), InvalidMoney / InvalidCatalogValue (400), InvalidRateCard
    (422)."""

    def __init__(
        self, catalog: CatalogRepository, uow: UnitOfWork, audit: Audit, invalidate: InvalidateCatalogCache
    ) -> None:
        self._catalog = catalog
        self._uow = uow
        self._audit = audit
        self._invalidate = invalidate

    async def execute(self, cmd: UpdateRateCard, *, actor: Operator) -> RateCardAdminView:
        action = "catalog.rate_card.update"
        async with self._audit.refusals(
            actor, action=action, target_type="rate_card", target_id=cmd.rate_card_id, origin=cmd.origin
        ):
            require(actor, MANAGE)
            card = await load_rate_card(self._catalog, cmd.rate_card_id)
        before = snapshot(RateCardAdminView.of(card))
        card.revise(name=given(cmd.name), description=given(cmd.description), unit=given(cmd.unit))
        if cmd.price is not msgspec.UNSET or cmd.strike_price is not msgspec.UNSET:
            card.reprice(price=_price(cmd, card), strike_price=_strike_price(cmd, card))
        if cmd.is_active is False:
            card.deactivate()
        elif cmd.is_active is True:
            card.reactivate()
        await self._catalog.save(card)
        view = RateCardAdminView.of(card)
        await self._audit.record(
            by=actor_id(actor),
            action=action,
            target_type="rate_card",
            target_id=card.id,
            origin=cmd.origin,
            before=before,
            after=snapshot(view),
        )
        await self._uow.commit()
        await self._invalidate.execute()
        return view


def _price(cmd: UpdateRateCard, card: RateCard) -> Money:
    return card.price if isinstance(cmd.price, msgspec.UnsetType) else Money.of(cmd.price)


def _strike_price(cmd: UpdateRateCard, card: RateCard) -> Money | None:
    if isinstance(cmd.strike_price, msgspec.UnsetType):
        return card.strike_price
    return None if cmd.strike_price is None else Money.of(cmd.strike_price)
