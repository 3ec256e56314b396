"""Ops start or stop offering a rate card at some pincodes, leaving the others as they are."""

import msgspec

from application.catalog.admin_views import RateCardPincodesView
from application.catalog.commands.invalidate_catalog_cache import InvalidateCatalogCache
from application.catalog.editing import MANAGE, load_rate_card, parse_pincodes, require_known
from application.catalog.ports import CatalogRepository
from application.common.errors import InvalidInput
from application.common.ports import UnitOfWork
from application.staff.access import Operator, actor_id, require
from application.staff.audit import Audit, Origin


class ChangeRateCardPincodes(msgspec.Struct, frozen=True):
    rate_card_id: int
    add: list[str] = []
    remove: list[str] = []
    origin: Origin = Origin()


class ChangeRateCardPincodesHandler:
    """Needs catalog.manage (refusals are logged). At most 500 pincodes in each list, none in both
    (InvalidInput), all known to the pincode directory; adding an offered pincode or removing one that is
    not offered changes nothing. Logged (what was actually added and removed) in the same transaction;
    cached catalog reads are dropped once committed. Raises RateCardNotFound (404), InvalidPincode /
    InvalidInput (400), UnknownPincodes (422, listing them)."""

    def __init__(
        self, catalog: CatalogRepository, uow: UnitOfWork, audit: Audit, invalidate: InvalidateCatalogCache
    ) -> None:
        self._catalog = catalog
        self._uow = uow
        self._audit = audit
        self._invalidate = invalidate

    async def execute(self, cmd: ChangeRateCardPincodes, *, actor: Operator) -> RateCardPincodesView:
        action = "catalog.rate_card.pincodes_change"
        async with self._audit.refusals(
            actor, action=action, target_type="rate_card", target_id=cmd.rate_card_id, origin=cmd.origin
        ):
            require(actor, MANAGE)
            card = await load_rate_card(self._catalog, cmd.rate_card_id)
        add = parse_pincodes(cmd.add, field="add")
        remove = parse_pincodes(cmd.remove, field="remove")
        if both := sorted(p.value for p in add & remove):
            raise InvalidInput("remove", f"pincodes cannot be both added and removed: {', '.join(both)}")
        await require_known(self._catalog, add | remove)
        current = await self._catalog.pincodes_of(card.id)
        wanted = (current | add) - remove
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
