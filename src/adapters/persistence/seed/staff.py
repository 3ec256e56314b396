"""The operations team of the demo: one member per main role, with known demo passwords."""

import hashlib
from datetime import datetime, timedelta
from typing import Any

from argon2.low_level import Type, hash_secret

DEMO_STAFF_PASSWORD = "Nexora@Ops2026"  # noqa: S105 - demo data, printed in the README
DEMO_CUSTOMER_PASSWORD = "Nexora@Demo2026"  # noqa: S105 - demo data, printed in the README

# (role code, name, email)
DEMO_STAFF = [
    ("super_admin", "Aarav Mehta", "aarav.mehta@nexora.in"),
    ("admin", "Priya Raghavan", "priya.raghavan@nexora.in"),
    ("ops_manager", "Imran Qureshi", "imran.qureshi@nexora.in"),
    ("senior_agent", "Sneha Kulkarni", "sneha.kulkarni@nexora.in"),
    ("support_agent", "Rohit Sharma", "rohit.sharma@nexora.in"),
]


def demo_hash(password: str, seed: int) -> str:
    """argon2id with a salt derived from the seed, so the same seed writes the same rows."""
    salt = hashlib.sha256(f"nexora-demo-{seed}".encode()).digest()[:16]
    return hash_secret(
        password.encode(), salt, time_cost=3, memory_cost=65536, parallelism=4, hash_len=32, type=Type.ID
    ).decode()


def staff_rows(seed: int, now: datetime, role_ids: dict[str, int]) -> list[dict[str, Any]]:
    password_hash = demo_hash(DEMO_STAFF_PASSWORD, seed)
    rows = []
    for i, (role, name, email) in enumerate(DEMO_STAFF, start=1):
        joined = now - timedelta(days=400 - i * 30)
        rows.append(
            {
                "id": i,
                "name": name,
                "email": email,
                "phone": f"+9198450{10000 + i * 1111:05d}",
                "password_hash": password_hash,
                "role_id": role_ids[role],
                "status": "active",
                "approved_by_id": None if i == 1 else 1,
                "last_login_at": now - timedelta(hours=i * 3),
                "created_at": joined,
                "updated_at": joined,
            }
        )
    return rows
