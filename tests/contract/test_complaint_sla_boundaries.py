"""SLA figures at their exact boundaries on SQLite and MariaDB: answered or resolved exactly at the due
time is met (a second later is breached), and a clock is at risk only once strictly less than the at-risk
share (AT_RISK_FRACTION) of its window is left, as Complaint.sla_state says."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.persistence.complaint_analytics import SqlaComplaintAnalytics
from adapters.persistence.complaint_desk import SqlaComplaintDesk
from adapters.persistence.complaint_repository import SqlaComplaintRepository
from adapters.persistence.engine import create_session_factory
from application.complaint.desk_ports import AnalyticsWindow, DeskFilter
from application.complaint.desk_ports import SlaState as DeskSla
from domain.complaint.entities import Breach, Complaint, ComplaintStatus, ComplaintType, Priority, SlaState
from domain.complaint.policy import AT_RISK_FRACTION, SERVICE_LEVELS
from domain.customer.entities import CustomerId
from tests.complaint_sql import (
    add_customer,
    complaint_mariadb_url,
    complaint_sqlite_url,
    empty_complaints_engine,
)

__all__ = ["complaint_mariadb_url", "complaint_sqlite_url"]

OPENED = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
MEDIUM = SERVICE_LEVELS[Priority.MEDIUM]
SECOND = timedelta(seconds=1)


@pytest.fixture(params=["sqlite", pytest.param("mariadb", marks=pytest.mark.mariadb)])
async def engine(request: pytest.FixtureRequest) -> AsyncIterator[AsyncEngine]:
    url = request.getfixturevalue(f"complaint_{request.param}_url")
    async for found in empty_complaints_engine(url):
        yield found


def medium(customer: CustomerId, subject: str, **values: object) -> Complaint:
    complaint = Complaint(
        customer_id=customer, type=ComplaintType.BILLING, subject=subject, description="Charged twice",
        priority=Priority.MEDIUM, priority_score=40, first_response_due_at=OPENED + MEDIUM.first_response,
        resolution_due_at=OPENED + MEDIUM.resolution, created_at=OPENED,
    )  # fmt: skip
    for name, value in values.items():
        setattr(complaint, name, value)
    return complaint


async def store(engine: AsyncEngine, complaints: list[Complaint]) -> dict[str, int]:
    async with create_session_factory(engine)() as session:
        repo = SqlaComplaintRepository(session)
        for complaint in complaints:
            await repo.add(complaint)
        await session.commit()
    return {c.subject: int(c.id or 0) for c in complaints}


async def test_answered_and_resolved_exactly_at_the_due_time_is_met(engine: AsyncEngine) -> None:
    customer = CustomerId(await add_customer(engine, OPENED))
    first_due, resolution_due = OPENED + MEDIUM.first_response, OPENED + MEDIUM.resolution
    done = {"status": ComplaintStatus.RESOLVED, "resolution": "Refunded"}
    on_time = medium(customer, "on time", first_responded_at=first_due, resolved_at=resolution_due, **done)
    late = medium(
        customer, "late", first_responded_at=first_due + SECOND, resolved_at=resolution_due + SECOND, **done
    )
    assert on_time.sla_state(Breach.FIRST_RESPONSE, resolution_due) is SlaState.MET
    assert late.sla_state(Breach.RESOLUTION, resolution_due) is SlaState.BREACHED
    await store(engine, [on_time, late])

    async with create_session_factory(engine)() as session:
        window = AnalyticsWindow(
            OPENED - timedelta(days=1), OPENED + timedelta(days=1), OPENED + timedelta(days=9)
        )
        figures = await SqlaComplaintAnalytics(session).figures(window)

    assert (figures.first_response.met, figures.first_response.breached) == (1, 1)
    assert (figures.resolution.met, figures.resolution.breached) == (1, 1)


async def test_a_clock_is_at_risk_only_with_less_than_the_at_risk_share_left(engine: AsyncEngine) -> None:
    assert AT_RISK_FRACTION == 0.25
    customer = CustomerId(await add_customer(engine, OPENED))
    share = MEDIUM.first_response * AT_RISK_FRACTION  # 6 h of the 24 h first-response window
    now = OPENED + MEDIUM.first_response - share
    ids = await store(
        engine,
        [
            medium(customer, "exactly a quarter left"),
            medium(customer, "a second less", first_response_due_at=OPENED + MEDIUM.first_response - SECOND),
            medium(customer, "a second more", first_response_due_at=OPENED + MEDIUM.first_response + SECOND),
        ],
    )
    async with create_session_factory(engine)() as session:
        rows, total = await SqlaComplaintDesk(session).search(DeskFilter(now=now, sla=DeskSla.AT_RISK))

    assert ([r.id for r in rows], total) == ([ids["a second less"]], 1)
    exact = medium(customer, "x")
    assert exact.sla_state(Breach.FIRST_RESPONSE, now) is SlaState.ON_TRACK
    assert exact.sla_state(Breach.FIRST_RESPONSE, now + SECOND) is SlaState.AT_RISK
