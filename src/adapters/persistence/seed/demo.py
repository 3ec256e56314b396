"""The demo marketplace: a real Indian home-services catalog and real pincodes, written with Core inserts."""

import json
import random
from decimal import Decimal
from importlib import resources
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.persistence import tables
from adapters.persistence.errors import storage_errors
from application.demo.ports import SeedReport

BATCH = 1000
# Share of (rate card, city) pairs offered outside the metros; metros get the full catalog.
OFFER_RATE_OUTSIDE_METROS = 0.8
METROS = frozenset({"Bengaluru", "Mumbai", "Delhi", "Hyderabad", "Chennai", "Pune", "Gurugram", "Noida"})


def load_data(name: str) -> dict[str, Any]:
    ref = resources.files("adapters.persistence.seed").joinpath("data", name)
    data: dict[str, Any] = json.loads(ref.read_text(encoding="utf-8"))
    return data


class SqlaDemoDataSeeder:
    """Seeds the catalog and serviceability tables; later contexts extend it with their own rows."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def has_data(self) -> bool:
        async with storage_errors(), self._engine.connect() as conn:
            count = await conn.scalar(select(func.count()).select_from(tables.categories))
        return bool(count)

    async def seed(self, seed: int) -> SeedReport:
        rng = random.Random(seed)
        catalog = load_data("catalog.json")["categories"]
        pincodes = load_data("pincodes.json")["pincodes"]
        rows = _catalog_rows(catalog)
        pincode_rows = [
            {
                "pincode": p["pincode"],
                "locality": p["locality"],
                "city": p["city"],
                "state": p["state"],
                "is_serviceable": p["serviceable"],
            }
            for p in pincodes
        ]
        offers = _offers(rows["rate_cards"], pincodes, rng)
        async with storage_errors(), self._engine.begin() as conn:
            for table, batch_rows in (
                (tables.categories, rows["categories"]),
                (tables.subcategories, rows["subcategories"]),
                (tables.rate_cards, rows["rate_cards"]),
                (tables.pincodes, pincode_rows),
                (tables.rate_card_pincodes, offers),
            ):
                for start in range(0, len(batch_rows), BATCH):
                    await conn.execute(insert(table), batch_rows[start : start + BATCH])
        counts = {
            "categories": len(rows["categories"]),
            "subcategories": len(rows["subcategories"]),
            "rate_cards": len(rows["rate_cards"]),
            "pincodes": len(pincode_rows),
            "rate_card_pincodes": len(offers),
        }
        return SeedReport(seed=seed, counts=counts)


def _catalog_rows(catalog: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    categories: list[dict[str, Any]] = []
    subcategories: list[dict[str, Any]] = []
    rate_cards: list[dict[str, Any]] = []
    for c_order, cat in enumerate(catalog, start=1):
        categories.append(
            {
                "id": c_order,
                "slug": cat["slug"],
                "name": cat["name"],
                "description": cat["description"],
                "icon": cat.get("icon", ""),
                "sort_order": c_order,
                "is_active": True,
            }
        )
        for s_order, sub in enumerate(cat["subcategories"], start=1):
            sub_id = len(subcategories) + 1
            subcategories.append(
                {
                    "id": sub_id,
                    "category_id": c_order,
                    "slug": sub["slug"],
                    "name": sub["name"],
                    "description": sub["description"],
                    "duration_minutes": sub["duration_minutes"],
                    "inclusions": sub.get("inclusions", []),
                    "exclusions": sub.get("exclusions", []),
                    "keywords": sub.get("keywords", []),
                    "sort_order": s_order,
                    "is_active": True,
                }
            )
            for rc in sub["rate_cards"]:
                strike = rc.get("strike_price")
                rate_cards.append(
                    {
                        "id": len(rate_cards) + 1,
                        "subcategory_id": sub_id,
                        "code": rc["code"],
                        "name": rc["name"],
                        "description": rc.get("description", ""),
                        "price": Decimal(rc["price"]),
                        "strike_price": Decimal(strike) if strike else None,
                        "currency": "INR",
                        "strike_currency": "INR" if strike else None,
                        "unit": rc.get("unit", ""),
                        "is_active": True,
                    }
                )
    return {"categories": categories, "subcategories": subcategories, "rate_cards": rate_cards}


def _offers(
    rate_cards: list[dict[str, Any]], pincodes: list[dict[str, Any]], rng: random.Random
) -> list[dict[str, Any]]:
    """Which rate card is offered at which serviceable pincode: everything in metros, most elsewhere."""
    by_city: dict[str, list[str]] = {}
    for p in pincodes:
        if p["serviceable"]:
            by_city.setdefault(p["city"], []).append(p["pincode"])
    offers: list[dict[str, Any]] = []
    for rc in rate_cards:
        for city in sorted(by_city):
            if city in METROS or rng.random() < OFFER_RATE_OUTSIDE_METROS:
                offers.extend({"rate_card_id": rc["id"], "pincode": pin} for pin in by_city[city])
    return offers
