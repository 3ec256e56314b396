"""Loads the provider sample data (tests/provider_fakes.py) into a migrated database, for the contract
suites of the provider reader and service coverage ports."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.persistence import tables
from adapters.persistence.engine import create_session_factory
from domain.booking.entities import BookingStatus
from tests.provider_fakes import FakeBooking, ProviderData

ZERO = Decimal("0.00")


def _booking_row(n: int, booking: FakeBooking) -> dict[str, Any]:
    start, end = booking.slot.start, booking.slot.end
    row: dict[str, Any] = {
        "id": n,
        "reference": f"BK-20261120-{n:04d}",
        "user_id": 1,
        "address_id": 1,
        "pincode": "560034",
        "provider_id": booking.provider_id,
        "status": booking.status,
        "slot_start": start,
        "slot_end": end,
        "subtotal": Decimal("100.00"),
        "discount": ZERO,
        "tax": Decimal("18.00"),
        "total": Decimal("118.00"),
        "payment_method": "upi",
        "payment_status": "paid",
        "notes": "",
        **dict.fromkeys(("cancelled_at", "refund_amount", "refund_currency", "started_at", "completed_at")),
    }
    if booking.status in (BookingStatus.CANCELLED, BookingStatus.NO_SHOW):
        row.update(cancelled_at=start - timedelta(hours=1), refund_amount=ZERO, refund_currency="INR")
    if booking.status is BookingStatus.COMPLETED:
        row.update(started_at=start, completed_at=end)
    return row


async def load_provider_data(engine: AsyncEngine, data: ProviderData) -> None:
    catalog = data.catalog
    async with engine.begin() as conn:
        await conn.execute(
            insert(tables.pincodes),
            [
                {"pincode": p, "locality": "L", "city": "C", "state": "S", "is_serviceable": ok}
                for p, ok in catalog.serviceable.items()
            ],
        )
    async with create_session_factory(engine)() as session:
        session.add_all(catalog.categories)
        await session.flush()
        session.add_all(catalog.subcategories)
        await session.flush()
        session.add_all(catalog.rate_cards)
        session.add_all(data.providers)
        await session.commit()
    async with engine.begin() as conn:
        await conn.execute(
            insert(tables.rate_card_pincodes),
            [{"rate_card_id": rc, "pincode": p} for rc, pins in catalog.offers.items() for p in pins],
        )
        await conn.execute(
            insert(tables.provider_skills),
            [{"provider_id": p, "subcategory_id": s} for p, subs in data.skills.items() for s in subs],
        )
        await conn.execute(
            insert(tables.provider_pincodes),
            [{"provider_id": p, "pincode": pin} for p, pins in data.areas.items() for pin in pins],
        )
        await conn.execute(
            insert(tables.users),
            [{"id": 1, "name": "Customer", "phone": "+919800000001", "password_hash": "x"}],
        )
        await conn.execute(
            insert(tables.addresses),
            [
                {
                    "id": 1,
                    "user_id": 1,
                    "label": "Home",
                    "line1": "1 Road",
                    "city": "C",
                    "state": "S",
                    "pincode": "560034",
                }
            ],
        )
        await conn.execute(
            insert(tables.bookings), [_booking_row(n, b) for n, b in enumerate(data.bookings, start=1)]
        )
