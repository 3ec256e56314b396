"""Catalog rows from the bundled catalog and pincode lists, and which rate card is offered where."""

import random
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from adapters.persistence.seed.context import Catalog, RateCardInfo, load_data

# Share of (rate card, city) pairs offered outside the metros; metros get the full catalog.
OFFER_RATE_OUTSIDE_METROS = 0.8
METROS = frozenset({"Bengaluru", "Mumbai", "Delhi", "Hyderabad", "Chennai", "Pune", "Gurugram", "Noida"})

Rows = dict[str, list[dict[str, Any]]]


def catalog_rows(seed: int, now: datetime) -> tuple[Rows, Catalog]:
    """The catalog, pincodes and offers; stamped a year before `now` so the rows depend only on the inputs."""
    categories: list[dict[str, Any]] = []
    subcategories: list[dict[str, Any]] = []
    rate_cards: list[dict[str, Any]] = []
    for c_order, cat in enumerate(load_data("catalog.json")["categories"], start=1):
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
    pincodes = load_data("pincodes.json")["pincodes"]
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
    offers = _offers(rate_cards, pincodes, random.Random(seed))
    stamp = {"created_at": now - timedelta(days=365), "updated_at": now - timedelta(days=365)}
    for row in (*categories, *subcategories, *rate_cards, *pincode_rows):
        row.update(stamp)
    rows: Rows = {
        "categories": categories,
        "subcategories": subcategories,
        "rate_cards": rate_cards,
        "pincodes": pincode_rows,
        "rate_card_pincodes": offers,
    }
    return rows, _catalog_view(rows, pincodes)


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


def _catalog_view(rows: Rows, pincodes: list[dict[str, Any]]) -> Catalog:
    by_category: dict[int, list[int]] = {}
    for s in rows["subcategories"]:
        by_category.setdefault(s["category_id"], []).append(s["id"])
    cards: dict[int, list[RateCardInfo]] = {}
    for rc in rows["rate_cards"]:
        cards.setdefault(rc["subcategory_id"], []).append(
            RateCardInfo(id=rc["id"], subcategory_id=rc["subcategory_id"], name=rc["name"], price=rc["price"])
        )
    offered: dict[str, set[int]] = {}
    for offer in rows["rate_card_pincodes"]:
        offered.setdefault(offer["pincode"], set()).add(offer["rate_card_id"])
    serviceable: dict[str, list[str]] = {}
    for p in pincodes:
        if p["serviceable"]:
            serviceable.setdefault(p["city"], []).append(p["pincode"])
    return Catalog(
        category_of={s["id"]: s["category_id"] for s in rows["subcategories"]},
        subcategories_by_category=by_category,
        category_slug={c["id"]: c["slug"] for c in rows["categories"]},
        subcategory_name={s["id"]: s["name"] for s in rows["subcategories"]},
        duration_of={s["id"]: s["duration_minutes"] for s in rows["subcategories"]},
        rate_cards_by_subcategory=cards,
        offered=offered,
        pincodes=pincodes,
        serviceable_by_city=serviceable,
    )
