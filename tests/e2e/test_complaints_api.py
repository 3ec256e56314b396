"""Customers' complaints over HTTP (`/api/v1/complaints`), in both profiles: file -> list -> read -> write
-> reopen, and the refusals (someone else's complaint or booking, bad input, no token). Every test signs up
its own customers; bookings are copies of a demo booking given to them, so the demo data is untouched."""

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import insert, select, update

from adapters.persistence import tables
from adapters.persistence.complaint_repository import SqlaComplaintRepository
from adapters.persistence.engine import create_engine, create_session_factory
from domain.complaint.entities import ComplaintId, UpdateAuthor
from entrypoints.settings import Settings
from tests.e2e.conftest import assert_problem

Client = AsyncTestClient[Litestar]
COMPLAINTS = "/api/v1/complaints"
PASSWORD = "Mango-Lassi-42"


async def sign_up(client: Client) -> dict[str, Any]:
    email = f"complainer.{uuid.uuid4().hex[:12]}@example.in"
    response = await client.post(
        "/api/v1/auth/register", json={"name": "Kavya Iyer", "email": email, "password": PASSWORD}
    )
    assert response.status_code == 201, response.text
    body = response.json()
    return {
        "id": body["user"]["id"],
        "email": email,
        "headers": {"Authorization": f"Bearer {body['accessToken']}"},
    }


async def give_booking(settings: Settings, customer_id: int, total: str = "3200.00") -> int:
    """A copy of a demo booking, owned by this customer, with this total."""
    engine = create_engine(settings.database_url)
    try:
        async with engine.begin() as conn:
            b = tables.bookings.c
            row = dict(
                (
                    await conn.execute(
                        select(tables.bookings).where(b.status == "completed").order_by(b.id).limit(1)
                    )
                )
                .mappings()
                .one()
            )
            row.pop("id")
            row.update(user_id=customer_id, subtotal=total, discount=0, tax=0, total=total)
            row["reference"] = f"BK-20200101-{uuid.uuid4().int % 10**6:06d}"
            result = await conn.execute(insert(tables.bookings).values(**row))
            return int(result.inserted_primary_key[0])
    finally:
        await engine.dispose()


async def as_staff(settings: Settings, complaint_id: int, act: Any) -> None:
    """Do what ops would do to the complaint, through the repository (the ops desk is tested elsewhere)."""
    engine = create_engine(settings.database_url)
    try:
        async with create_session_factory(engine)() as session:
            repo = SqlaComplaintRepository(session)
            complaint = await repo.get_for_update(ComplaintId(complaint_id))
            assert complaint is not None
            act(complaint, datetime.now(UTC))
            await repo.save(complaint)
            await session.commit()
    finally:
        await engine.dispose()


async def rows(settings: Settings, statement: Any) -> list[Any]:
    engine = create_engine(settings.database_url)
    try:
        async with engine.begin() as conn:
            result = await conn.execute(statement)
            return list(result.all()) if result.returns_rows else []
    finally:
        await engine.dispose()


async def test_complaint_is_filed_scored_queued_and_acknowledged_then_listed_and_read(
    client: Client, profile_settings: Settings
) -> None:
    me = await sign_up(client)
    booking = await give_booking(profile_settings, me["id"], total="6400.00")
    body = {
        "type": "damage",
        "subject": "Cracked wash basin",
        "description": "The plumber dropped a wrench and cracked the basin. Water is leaking, urgent!",
        "bookingId": booking,
    }
    created = await client.post(COMPLAINTS, json=body, headers=me["headers"])
    assert created.status_code == 201, created.text
    complaint = created.json()
    assert (complaint["status"], complaint["type"], complaint["bookingId"]) == ("open", "damage", booking)
    assert complaint["priority"] in ("high", "critical")
    assert complaint["createdAt"].endswith("+05:30")
    opened = datetime.fromisoformat(complaint["createdAt"])
    due = datetime.fromisoformat(complaint["firstResponseDueAt"]) - opened
    assert due in (timedelta(hours=1), timedelta(hours=4))
    assert [u["message"] for u in complaint["updates"]] == ["Complaint received"]
    assert "priorityScore" not in complaint
    c, q, o = tables.complaints.c, tables.priority_queue.c, tables.outbox.c
    [(score, factors)] = await rows(
        profile_settings, select(c.priority_score, c.priority_factors).where(c.id == complaint["id"])
    )
    assert score == sum(f.points for f in factors)
    assert {f.name: f.points for f in factors}["booking_value"] == 10
    [(queued_score, status)] = await rows(
        profile_settings, select(q.score, q.status).where(q.complaint_id == complaint["id"])
    )
    assert (queued_score, status) == (score, "waiting")
    [(payload,)] = await rows(
        profile_settings, select(o.payload).where(o.subject == f"complaint:{complaint['id']}")
    )
    assert (payload["to"], payload["template"]) == (me["email"], "complaint_received")

    listed = await client.get(COMPLAINTS, headers=me["headers"])
    assert listed.status_code == 200, listed.text
    assert [i["id"] for i in listed.json()["items"]] == [complaint["id"]]
    assert listed.json()["total"] == 1
    read = await client.get(f"{COMPLAINTS}/{complaint['id']}", headers=me["headers"])
    assert read.json() == complaint
    none = await client.get(COMPLAINTS, params={"status": "resolved"}, headers=me["headers"])
    assert none.json()["items"] == []


async def test_someone_elses_complaint_is_404_for_every_customer_endpoint(client: Client) -> None:
    owner, stranger = await sign_up(client), await sign_up(client)
    created = await client.post(
        COMPLAINTS, json={"type": "billing", "subject": "Charged twice", "description": "Two debits."},
        headers=owner["headers"],
    )  # fmt: skip
    complaint_id = created.json()["id"]
    path = f"{COMPLAINTS}/{complaint_id}"
    for response in (
        await client.get(path, headers=stranger["headers"]),
        await client.get(f"{path}/updates", headers=stranger["headers"]),
        await client.post(f"{path}/updates", json={"message": "mine now"}, headers=stranger["headers"]),
        await client.post(f"{path}/reopen", json={}, headers=stranger["headers"]),
        await client.get(f"{COMPLAINTS}/99999999", headers=owner["headers"]),
    ):
        assert_problem(response, 404, "complaint_not_found")
    assert (await client.get(COMPLAINTS, headers=stranger["headers"])).json()["total"] == 0
    updates = await client.get(f"{path}/updates", headers=owner["headers"])
    assert [u["message"] for u in updates.json()["items"]] == ["Complaint received"]


async def test_complaint_about_someone_elses_or_an_unknown_booking_is_refused_and_not_stored(
    client: Client, profile_settings: Settings
) -> None:
    owner, stranger = await sign_up(client), await sign_up(client)
    booking = await give_booking(profile_settings, owner["id"])
    for booking_id in (booking, 99_999_999):
        response = await client.post(
            COMPLAINTS,
            json={
                "type": "no_show",
                "subject": "Nobody came",
                "description": "Waited all day",
                "bookingId": booking_id,
            },
            headers=stranger["headers"],
        )
        assert_problem(response, 404, "booking_not_found")
    assert (await client.get(COMPLAINTS, headers=stranger["headers"])).json()["total"] == 0


async def test_bad_input_and_missing_token_are_refused(client: Client) -> None:
    me = await sign_up(client)
    good = {"type": "other", "subject": "Question", "description": "About my invoice"}
    bad_bodies = [
        {**good, "type": "rudeness"},
        {**good, "subject": ""},
        {**good, "subject": "x" * 201},
        {**good, "description": ""},
        {**good, "bookingId": 0},
        {**good, "bookingId": 10**19},  # beyond 64 bits: refused, never sent to the database
        {**good, "priority": "critical"},
        {"type": "other"},
    ]
    for body in bad_bodies:
        response = await client.post(COMPLAINTS, json=body, headers=me["headers"])
        assert response.status_code == 400, (body, response.text)
    blank = await client.post(COMPLAINTS, json={**good, "subject": "   "}, headers=me["headers"])
    assert_problem(blank, 400, "invalid_value")
    assert (await client.get(COMPLAINTS, params={"status": "lost"}, headers=me["headers"])).status_code == 400
    assert (await client.get(COMPLAINTS, params={"limit": 0}, headers=me["headers"])).status_code == 400
    assert (await client.get(COMPLAINTS, headers=me["headers"])).json()["total"] == 0
    for response in (
        await client.get(COMPLAINTS),
        await client.post(COMPLAINTS, json=good),
        await client.get(f"{COMPLAINTS}/1", headers={"Authorization": "Bearer forged.token.here"}),
    ):
        assert response.status_code == 401, response.text


async def test_customer_timeline_shows_replies_but_never_internal_notes(
    client: Client, profile_settings: Settings
) -> None:
    me = await sign_up(client)
    created = await client.post(
        COMPLAINTS, json={"type": "behaviour", "subject": "Rude technician", "description": "He shouted."},
        headers=me["headers"],
    )  # fmt: skip
    complaint_id = created.json()["id"]
    written = await client.post(
        f"{COMPLAINTS}/{complaint_id}/updates", json={"message": "He also left a mess"}, headers=me["headers"]
    )
    assert written.status_code == 201, written.text
    assert (written.json()["author"], written.json()["kind"]) == ("you", "comment")

    def staff_work(complaint: Any, now: datetime) -> None:
        complaint.assign(1, now=now, by_staff_id=None)
        complaint.add_update(
            "Provider has 3 earlier warnings", now=now, author=UpdateAuthor.STAFF, internal=True
        )
        complaint.add_update("We are sorry; we will call you today", now=now, author=UpdateAuthor.STAFF)

    await as_staff(profile_settings, complaint_id, staff_work)
    timeline = await client.get(f"{COMPLAINTS}/{complaint_id}/updates", headers=me["headers"])
    assert timeline.status_code == 200
    messages = [u["message"] for u in timeline.json()["items"]]
    assert messages == ["Complaint received", "He also left a mess", "We are sorry; we will call you today"]
    assert timeline.json()["items"][-1]["author"] == "Nexora support"
    read = (await client.get(f"{COMPLAINTS}/{complaint_id}", headers=me["headers"])).json()
    assert "warnings" not in str(read)
    assert read["firstRespondedAt"] is not None
    blank = await client.post(
        f"{COMPLAINTS}/{complaint_id}/updates", json={"message": "   "}, headers=me["headers"]
    )
    assert_problem(blank, 422, "empty_message")


async def test_reopen_works_within_the_window_and_is_refused_otherwise(
    client: Client, profile_settings: Settings
) -> None:
    me = await sign_up(client)
    created = await client.post(
        COMPLAINTS, json={"type": "service_quality", "subject": "Dusty sofa", "description": "Still dusty."},
        headers=me["headers"],
    )  # fmt: skip
    complaint_id = created.json()["id"]
    path = f"{COMPLAINTS}/{complaint_id}/reopen"
    not_resolved = await client.post(path, json={}, headers=me["headers"])
    assert_problem(not_resolved, 422, "transition_not_allowed")
    assert not_resolved.json()["detail"] == "only a resolved complaint can be reopened; this one is open"
    await as_staff(
        profile_settings, complaint_id, lambda c, now: c.resolve("Re-cleaned", now=now, staff_id=None)
    )
    resolved = (await client.get(f"{COMPLAINTS}/{complaint_id}", headers=me["headers"])).json()
    assert resolved["status"] == "resolved"
    assert resolved["reopenUntil"] is not None
    reopened = await client.post(path, json={"reason": "Dust is back"}, headers=me["headers"])
    assert reopened.status_code == 200, reopened.text
    assert reopened.json()["status"] == "in_progress"
    assert reopened.json()["updates"][-1]["message"] == "Reopened by the customer: Dust is back"
    await as_staff(
        profile_settings, complaint_id, lambda c, now: c.resolve("Deep-cleaned", now=now, staff_id=None)
    )
    c = tables.complaints.c
    long_ago = datetime.now(UTC) - timedelta(days=8)
    await rows(
        profile_settings, update(tables.complaints).where(c.id == complaint_id).values(resolved_at=long_ago)
    )
    late = await client.post(path, headers=me["headers"])
    assert_problem(late, 422, "reopen_window_closed")
    assert (await client.get(f"{COMPLAINTS}/{complaint_id}", headers=me["headers"])).json()[
        "status"
    ] == "resolved"


@pytest.mark.parametrize("suffix", ["", "/updates", "/reopen"])
async def test_ids_beyond_64_bits_are_a_400_problem_not_a_crash(client: Client, suffix: str) -> None:
    me = await sign_up(client)
    url = f"{COMPLAINTS}/10000000000000000000{suffix}"
    get = await client.get(url, headers=me["headers"])
    post = await client.post(url, json={"message": "hello", "reason": "x"}, headers=me["headers"])
    for response in (get, post):
        if response.status_code != 405:  # GET .../reopen does not exist
            assert_problem(response, 400, "invalid_request")
