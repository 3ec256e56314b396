"""Shared state of one seeding run: the catalog it draws on, the vocabulary, id counters and the clock."""

import json
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_data(name: str) -> dict[str, Any]:
    ref = resources.files("adapters.persistence.seed").joinpath("data", name)
    data: dict[str, Any] = json.loads(ref.read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class RateCardInfo:
    id: int
    subcategory_id: int
    name: str
    price: Decimal


@dataclass
class Catalog:
    """What the people and work generators need to know about the catalog and the pincodes."""

    category_of: dict[int, int]  # subcategory id -> category id
    subcategories_by_category: dict[int, list[int]]
    category_slug: dict[int, str]
    subcategory_name: dict[int, str]
    duration_of: dict[int, int]
    rate_cards_by_subcategory: dict[int, list[RateCardInfo]]
    offered: dict[str, set[int]]  # pincode -> rate card ids offered there
    pincodes: list[dict[str, Any]]
    serviceable_by_city: dict[str, list[str]]

    def offered_cards(self, subcategory_id: int, pincode: str) -> list[RateCardInfo]:
        here = self.offered.get(pincode, set())
        return [rc for rc in self.rate_cards_by_subcategory.get(subcategory_id, []) if rc.id in here]


@dataclass
class Counters:
    """Next id per table and the per-day sequence of booking references, carried across blocks."""

    next_id: dict[str, int] = field(default_factory=lambda: defaultdict(lambda: 1))
    reference_sequence: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def take(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value


@dataclass
class SeedContext:
    seed: int
    now: datetime
    catalog: Catalog
    vocab: dict[str, Any]
    counters: Counters
    customer_password_hash: str
    staff_ids_by_role: dict[str, int]

    def rng(self, block: int, part: str) -> random.Random:
        """A generator per (seed, block, part): adding a part never changes what the others produce."""
        return random.Random(f"{self.seed}:{block}:{part}")


def distribute(total: int, buckets: int, low: int, high: int, rng: random.Random) -> list[int]:
    """`buckets` integers in [low, high] that add up to exactly `total` (which must be reachable)."""
    if not low * buckets <= total <= high * buckets:
        raise ValueError(f"cannot split {total} into {buckets} parts of {low}..{high}")
    parts = [low] * buckets
    remaining = total - low * buckets
    while remaining:
        i = rng.randrange(buckets)
        if parts[i] < high:
            parts[i] += 1
            remaining -= 1
    return parts
