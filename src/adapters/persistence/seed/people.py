"""Customers with addresses, and providers with skills, served pincodes and working hours."""

import random
import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from adapters.persistence.seed.context import SeedContext, distribute

CUSTOMERS_PER_BLOCK = 100
ADDRESSES_PER_BLOCK = 198
PROVIDERS_PER_BLOCK = 120


@dataclass
class People:
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    addresses: list[tuple[int, int, str]] = field(default_factory=list)  # (address id, customer id, pincode)
    providers_at: dict[str, list[int]] = field(default_factory=dict)  # pincode -> provider ids
    skills: dict[int, list[int]] = field(default_factory=dict)  # provider id -> subcategory ids
    customers: list[int] = field(default_factory=list)


def mobile(ctx: SeedContext, kind: int, number: int, rng: random.Random) -> str:
    """A plausible, unique Indian mobile: a real-looking prefix and 8 digits injective in `number`."""
    prefix = rng.choice(ctx.vocab["mobile_prefixes"])
    digits = (number * 7919 + kind * 1_000_003) % 100_000_000
    return f"+91{prefix}{digits:08d}"


def email_for(ctx: SeedContext, local: str, rng: random.Random) -> str:
    """A valid address from a person's name: lower case, only letters, digits and dots in the local part."""
    return f"{re.sub(r'[^a-z0-9.]', '', local.lower())}@{rng.choice(ctx.vocab['email_domains'])}"


def _name(ctx: SeedContext, rng: random.Random) -> tuple[str, str]:
    gender = rng.choice(("male", "female"))
    return rng.choice(ctx.vocab["first_names"][gender]), rng.choice(ctx.vocab["last_names"])


def _street(ctx: SeedContext, rng: random.Random) -> str:
    pattern: str = rng.choice(ctx.vocab["address"]["street_patterns"])
    while "{n}" in pattern:
        pattern = pattern.replace("{n}", str(rng.randint(1, 28)), 1)
    return pattern


def generate_people(ctx: SeedContext, block: int) -> People:
    people = People()
    _providers(ctx, block, people)
    _customers(ctx, block, people)
    return people


def _providers(ctx: SeedContext, block: int, people: People) -> None:
    rng = ctx.rng(block, "providers")
    vocab = ctx.vocab
    cities = sorted(ctx.catalog.serviceable_by_city)
    weights = [len(ctx.catalog.serviceable_by_city[c]) for c in cities]
    categories = sorted(ctx.catalog.subcategories_by_category)
    rows: list[dict[str, Any]] = []
    skill_rows: list[dict[str, Any]] = []
    area_rows: list[dict[str, Any]] = []
    for i in range(PROVIDERS_PER_BLOCK):
        pid = ctx.counters.take("providers")
        first, last = _name(ctx, rng)
        category = categories[(block * PROVIDERS_PER_BLOCK + i) % len(categories)]
        subs = ctx.catalog.subcategories_by_category[category]
        skills = sorted(rng.sample(subs, k=rng.randint(min(2, len(subs)), min(6, len(subs)))))
        city = rng.choices(cities, weights=weights)[0]
        city_pins = ctx.catalog.serviceable_by_city[city]
        served = sorted(rng.sample(city_pins, k=rng.randint(1, min(8, len(city_pins)))))
        start = rng.choice((7, 8, 9, 10)) * 60
        years = rng.randint(1, 18)
        skill_name = ctx.catalog.subcategory_name[skills[0]].lower()
        bio = rng.choice(vocab["provider"]["bio_templates"]).replace("{years}", str(years))
        rows.append(
            {
                "id": pid,
                "name": f"{first} {last}",
                "business_name": f"{last} {rng.choice(vocab['provider']['business_suffixes'])}"
                if rng.random() < 0.4
                else "",
                "phone": mobile(ctx, 2, pid, rng),
                "email": email_for(ctx, f"{first}.{last}.p{pid}", rng),
                "bio": bio.replace("{skill}", skill_name),
                "experience_years": years,
                "work_start_minute": start,
                "work_end_minute": start + rng.choice((8, 9, 10, 11)) * 60,
                "working_days": rng.choice(("1111110", "1111110", "1111111", "0111111", "1111101")),
                "rating_average": 0,
                "rating_count": 0,
                "rating_total": 0,
                "jobs_completed": 0,
                "is_verified": rng.random() < 0.85,
                "is_active": rng.random() < 0.96,
                "created_at": ctx.now - timedelta(days=rng.randint(60, 900)),
            }
        )
        rows[-1]["updated_at"] = rows[-1]["created_at"]
        people.skills[pid] = skills
        skill_rows.extend({"provider_id": pid, "subcategory_id": s} for s in skills)
        area_rows.extend({"provider_id": pid, "pincode": p} for p in served)
        if rows[-1]["is_active"]:
            for pin in served:
                people.providers_at.setdefault(pin, []).append(pid)
    people.rows.update(providers=rows, provider_skills=skill_rows, provider_pincodes=area_rows)


def _customers(ctx: SeedContext, block: int, people: People) -> None:
    rng = ctx.rng(block, "customers")
    vocab = ctx.vocab
    served = sorted(people.providers_at)
    by_pincode = {p["pincode"]: p for p in ctx.catalog.pincodes}
    all_pins = sorted(by_pincode)
    counts = distribute(ADDRESSES_PER_BLOCK, CUSTOMERS_PER_BLOCK, 1, 4, rng)
    users: list[dict[str, Any]] = []
    addresses: list[dict[str, Any]] = []
    for n_addresses in counts:
        cid = ctx.counters.take("users")
        first, last = _name(ctx, rng)
        joined = ctx.now - timedelta(days=rng.randint(1, 700), minutes=rng.randint(0, 1439))
        has_email = rng.random() < 0.9
        has_phone = not has_email or rng.random() < 0.85
        users.append(
            {
                "id": cid,
                "name": f"{first} {last}",
                "email": email_for(ctx, f"{first}.{last}{cid}", rng) if has_email else None,
                "phone": mobile(ctx, 1, cid, rng) if has_phone else None,
                "password_hash": ctx.customer_password_hash,
                "email_verified": has_email and rng.random() < 0.8,
                "phone_verified": has_phone and rng.random() < 0.9,
                "is_active": True,
                "deleted_at": None,
                "last_login_at": ctx.now - timedelta(hours=rng.randint(1, 24 * 60)),
                "created_at": joined,
                "updated_at": joined,
            }
        )
        people.customers.append(cid)
        home_pin = rng.choice(served) if served and rng.random() < 0.92 else rng.choice(all_pins)
        for k in range(n_addresses):
            aid = ctx.counters.take("addresses")
            pin = home_pin if k == 0 else (rng.choice(served) if served else home_pin)
            place = by_pincode[pin]
            kinds, names = vocab["address"]["building_kinds"], vocab["address"]["building_names"]
            building = f"{rng.choice(names)} {rng.choice(kinds)}"
            addresses.append(
                {
                    "id": aid,
                    "user_id": cid,
                    "label": vocab["address"]["labels"][min(k, len(vocab["address"]["labels"]) - 1)],
                    "line1": f"Flat {rng.randint(1, 24)}{rng.randint(1, 20):02d}, {building}",
                    "line2": _street(ctx, rng),
                    "landmark": rng.choice(vocab["address"]["landmarks"]),
                    "locality": place["locality"],
                    "city": place["city"],
                    "state": place["state"],
                    "pincode": pin,
                    "is_default": k == 0,
                    "deleted_at": None,
                    "created_at": joined,
                    "updated_at": joined,
                }
            )
            people.addresses.append((aid, cid, pin))
    people.rows.update(users=users, addresses=addresses)
