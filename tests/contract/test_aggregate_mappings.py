"""The pure domain aggregates load from and save to both databases through the imperative mappings."""

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.persistence.engine import create_engine
from domain.booking.entities import Booking, BookingStatus, CancelledBy
from domain.booking.reference import BookingReference
from domain.complaint.entities import Complaint, ComplaintStatus
from domain.customer.entities import Customer
from domain.provider.entities import Provider
from domain.shared.money import Money
from domain.shared.pincode import Pincode
from domain.shared.time_slot import TimeSlot
from domain.staff.entities import Staff
from tests.conftest import SEED_NOW


@pytest.fixture
async def session(request: pytest.FixtureRequest, backend: str) -> AsyncIterator[AsyncSession]:
    url = request.getfixturevalue("seeded_sqlite_url" if backend == "sqlite" else "seeded_mariadb_url")
    engine = create_engine(url)
    async with engine.connect() as conn:
        transaction = await conn.begin()
        async with AsyncSession(bind=conn, expire_on_commit=False) as s:
            yield s
        await transaction.rollback()
    await engine.dispose()


async def test_booking_loads_with_its_items_and_value_objects_when_read(session: AsyncSession) -> None:
    booking = (
        await session.scalars(select(Booking).where(Booking.status == BookingStatus.COMPLETED).limit(1))
    ).one()
    assert isinstance(booking.reference, BookingReference)
    assert isinstance(booking.slot, TimeSlot)
    assert isinstance(booking.pincode, Pincode)
    assert booking.status is BookingStatus.COMPLETED
    assert booking.items
    assert booking.subtotal == sum((i.line_total for i in booking.items), Money.zero())
    assert booking.total == booking.subtotal - booking.discount + booking.tax


async def test_cancelling_a_booking_is_saved_with_its_refund_when_committed(session: AsyncSession) -> None:
    booking = (
        await session.scalars(select(Booking).where(Booking.status == BookingStatus.CONFIRMED).limit(1))
    ).one()
    when = booking.slot.start - timedelta(hours=12)
    booking.cancel(
        now=when, by=CancelledBy.CUSTOMER, reason="Plans changed", refund=booking.total, rule="test"
    )
    await session.flush()
    session.expunge_all()
    again = (await session.scalars(select(Booking).where(Booking.id == booking.id))).one()
    assert again.status is BookingStatus.CANCELLED
    assert again.refund_amount == booking.total
    assert again.cancelled_at == when


async def test_complaint_loads_with_its_timeline_in_order_when_read(session: AsyncSession) -> None:
    complaint = (
        await session.scalars(select(Complaint).where(Complaint.status == ComplaintStatus.CLOSED).limit(1))
    ).one()
    assert complaint.status is ComplaintStatus.CLOSED
    assert complaint.resolution
    times = [u.created_at for u in complaint.updates]
    assert times == sorted(times)
    assert {u.new_status for u in complaint.updates} >= {ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED}


async def test_resolving_a_complaint_appends_to_its_timeline_when_committed(session: AsyncSession) -> None:
    complaint = (
        await session.scalars(
            select(Complaint).where(Complaint.status == ComplaintStatus.IN_PROGRESS).limit(1)
        )
    ).one()
    before = len(complaint.updates)
    complaint.move_to(ComplaintStatus.RESOLVED, now=SEED_NOW, staff_id=5, note="Refund issued")
    await session.flush()
    session.expunge_all()
    again = (await session.scalars(select(Complaint).where(Complaint.id == complaint.id))).one()
    assert again.status is ComplaintStatus.RESOLVED
    assert len(again.updates) == before + 1
    assert again.updates[-1].message == "Refund issued"


async def test_staff_loads_with_role_and_permissions_when_read(session: AsyncSession) -> None:
    members = (await session.scalars(select(Staff).order_by(Staff.id))).all()
    admin, agent = members[0], members[-1]
    assert admin.role.code == "super_admin"
    assert len(admin.role.permissions) == 30
    assert admin.can("settings.manage")
    assert agent.role.code == "support_agent"
    assert not agent.can("customers.view_pii")
    assert admin.outranks(agent.role)
    assert not agent.outranks(admin.role)


async def test_customer_and_provider_load_with_their_value_objects_when_read(session: AsyncSession) -> None:
    customer = (await session.scalars(select(Customer).limit(1))).one()
    assert customer.addresses
    assert all(isinstance(a.pincode, Pincode) for a in customer.addresses)
    provider = (await session.scalars(select(Provider).limit(1))).one()
    assert provider.phone.value.startswith("+91")
    assert provider.hours.start_minute < provider.hours.end_minute
