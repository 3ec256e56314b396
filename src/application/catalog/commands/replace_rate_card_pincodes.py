"""Ops set the pincodes where a rate card is offered, replacing the current set."""

import msgspec

from application.catalog.admin_views import RateCardPincodesView
from application.catalog.commands.invalidate_catalog_cache import InvalidateCatalogCache
from application.catalog.editing import MANAGE, load_rate_card, parse_pincodes, require_known
from application.catalog.ports import CatalogRepository
from application.common.ports import UnitOfWork
from application.staff.access import Operator, actor_id, require
from application.staff.audit import Audit, Origin


class ReplaceRateCardPincodes(msgspec.Struct, frozen=True):
    rate_card_id: int
    pincodes: list[str]
    origin: Origin = Origin()


class ReplaceRateCardPincodesHandler:
    """Needs catalog.manage (refusals are logged). At most 500 pincodes, every one known to the pincode
    directory (served or not); an empty list stops offering the card anywhere. Logged (what was added and
    removed) in the same transaction; cached catalog reads are dropped once committed. Raises
    RateCardNotFound (404), InvalidPincode / InvalidInput (400), UnknownPincodes (422, listing them)."""

    def __init__(
        self, catalog: CatalogRepository, uow: UnitOfWork, audit: Audit, invalidate: InvalidateCatalogCache
    ) -> None:
        self._catalog = catalog
        self._uow = uow
        self._audit = audit
        self._invalidate = invalidate

    async def execute(self, cmd: ReplaceRateCardPincodes, *, actor: Operator) -> RateCardPincodesView:
        action = "catalog.rate_card.pincodes_replace"
        async with self._audit.refusals(
            actor, action=action, target_type="rate_card", target_id=cmd.rate_card_id, origin=cmd.origin
        ):
            require(actor, MANAGE)
            card = await load_rate_card(self._catalog, cmd.rate_card_id)
        wanted = parse_pincodes(cmd.pincodes, field="pincodes")
        await require_known(self._catalog, wanted)
        current = await self._catalog.pincodes_of(card.id)
        await self._catalog.offer_at(card.id, wanted)
        view = RateCardPincodesView(
            rate_card_id=card.id,
            pincodes=sorted(p.value for p in wanted),
            added=sorted(p.value for p in wanted - current),
            removed=sorted(p.value for p in current - wanted),
        )
        await self._audit.record(
            by=actor_id(actor),
            action=action,
            target_type="rate_card",
            target_id=card.id,
            origin=cmd.origin,
            before={"pincode_count": len(current)},
            after={"pincode_count": len(wanted), "added": view.added, "removed": view.removed},
        )
        await self._uow.commit()
        await self._invalidate.execute()
        return view
