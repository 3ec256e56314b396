"""Working complaints from the ops desk over HTTP, in both profiles: assign, move along the status table,
resolve, internal notes and replies, with the refusals. Each test works on complaints that a seeded
customer files in the test through the customer API; demo complaints are never changed."""

import random
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest

from tests.e2e.conftest import assert_problem
from tests.e2e.ops_support import OPS, PROFILES, Ops, bearer, ops_app

COMPLAINTS = f"{OPS}/complaints"
ROHIT = 5  # the demo support agent
UNKNOWN = 987654321


@dataclass
class Desk:
    ops: Ops
    manager: str  # ops_manager
    senior: str  # senior_agent: may escalate
    agent: str  # support_agent: no assign, no escalate
    customer: dict[str, str]

    async def post(self, path: str, token: str, body: dict[str, Any]) -> Any:
        return await self.ops.client.post(path, json=body, headers=bearer(token))

    async def file(self, kind: str = "service_quality") -> int:
        body = {"type": kind, "subject": "Tap still leaking", "description": "The plumber left it dripping."}
        response = await self.ops.client.post("/api/v1/complaints", json=body, headers=self.customer)
        assert response.status_code == 201, response.text
        return int(response.json()["id"])

    async def seen_by_customer(self, complaint_id: int) -> str:
        one = await self.ops.client.get(f"/api/v1/complaints/{complaint_id}", headers=self.customer)
        timeline = await self.ops.client.get(
            f"/api/v1/complaints/{complaint_id}/updates", headers=self.customer
        )
        assert one.status_code == 200, one.text
        assert timeline.status_code == 200, timeline.text
        return one.text + timeline.text


@pytest.fixture(scope="module", params=PROFILES)
async def desk(request: pytest.FixtureRequest) -> AsyncIterator[Desk]:
    async with ops_app(request) as ops:
        customer = bearer(await ops.customer_token(random.randint(30, 90)))
        yield Desk(
            ops,
            await ops.demo_token("ops_manager"),
            await ops.demo_token("senior_agent"),
            await ops.demo_token("support_agent"),
            customer,
        )


async def test_manager_assigns_a_complaint_and_the_queue_and_log_follow_when_the_member_works_complaints(
    desk: Desk,
) -> None:
    complaint_id = await desk.file()

    assigned = await desk.post(f"{COMPLAINTS}/{complaint_id}/assign", desk.manager, {"staffId": ROHIT})

    assert assigned.status_code == 200, assigned.text
    body = assigned.json()
    assert (body["assignedStaffId"], body["assigneeName"]) == (ROHIT, "Rohit Sharma")
    entry = body["timeline"][-1]
    assert (entry["kind"], entry["isInternal"], entry["authorName"]) == ("assignment", True, "Imran Qureshi")
    queue = (
        await desk.ops.client.get(
            f"{OPS}/queue", params={"status": "claimed", "limit": 100}, headers=bearer(desk.agent)
        )
    ).json()
    mine = [i for i in queue["items"] if i["complaintId"] == complaint_id]
    assert [i["claimedByStaffId"] for i in mine] == [ROHIT]
    log = await desk.ops.activity(desk.manager, action="complaints.assign", targetId=str(complaint_id))
    assert log[0]["before"]["assigned_staff_id"] is None
    assert log[0]["after"]["assigned_staff_id"] == ROHIT
    assert "Assigned" not in await desk.seen_by_customer(complaint_id)


async def test_assignment_is_refused_when_the_member_cannot_work_complaints_or_is_unknown(desk: Desk) -> None:
    complaint_id = await desk.file()
    analyst = await desk.ops.member("analyst")

    cannot = await desk.post(f"{COMPLAINTS}/{complaint_id}/assign", desk.manager, {"staffId": analyst.id})
    unknown_member = await desk.post(
        f"{COMPLAINTS}/{complaint_id}/assign", desk.manager, {"staffId": UNKNOWN}
    )
    unknown = await desk.post(f"{COMPLAINTS}/{UNKNOWN}/assign", desk.manager, {"staffId": ROHIT})
    forbidden = await desk.post(f"{COMPLAINTS}/{complaint_id}/assign", desk.agent, {"staffId": ROHIT})
    malformed = await desk.post(f"{COMPLAINTS}/{complaint_id}/assign", desk.manager, {"staffId": "five"})

    assert_problem(cannot, 422, "assignee_cannot_work_complaints")
    assert_problem(unknown_member, 404, "not_found")
    assert_problem(unknown, 404, "complaint_not_found")
    assert assert_problem(forbidden, 403, "forbidden")["permission"] == "complaints.assign"
    assert_problem(malformed, 400, "invalid_request")
    log = await desk.ops.activity(desk.manager, action="complaints.assign", targetId=str(complaint_id))
    assert [e["succeeded"] for e in log] == [False]


async def test_status_moves_follow_the_table_and_each_target_needs_its_permission(desk: Desk) -> None:
    complaint_id = await desk.file()
    path = f"{COMPLAINTS}/{complaint_id}/status"

    started = await desk.post(path, desk.agent, {"status": "in_progress", "note": "Looking into it"})
    not_yours = await desk.post(path, desk.agent, {"status": "escalated"})
    escalated = await desk.post(path, desk.senior, {"status": "escalated", "note": "Customer very upset"})
    illegal = await desk.post(path, desk.manager, {"status": "closed"})
    unknown_status = await desk.post(path, desk.manager, {"status": "open"})

    assert started.status_code == 200, started.text
    assert started.json()["status"] == "in_progress"
    assert assert_problem(not_yours, 403, "forbidden")["permission"] == "complaints.escalate"
    assert escalated.status_code == 200, escalated.text
    before, after = started.json(), escalated.json()
    assert (after["status"], after["escalationLevel"]) == ("escalated", before["escalationLevel"] + 1)
    levels = ["low", "medium", "high", "critical"]
    assert levels.index(after["priority"]) == min(levels.index(before["priority"]) + 1, 3)
    assert_problem(illegal, 422, "transition_not_allowed")
    assert_problem(unknown_status, 400, "invalid_request")
    assert_problem(
        await desk.post(f"{COMPLAINTS}/{UNKNOWN}/status", desk.manager, {"status": "in_progress"}),
        404,
        "complaint_not_found",
    )


async def test_resolve_needs_a_note_and_then_the_customer_sees_the_resolution(desk: Desk) -> None:
    complaint_id = await desk.file()
    path = f"{COMPLAINTS}/{complaint_id}/resolve"

    blank = await desk.post(path, desk.agent, {"note": "   "})
    missing = await desk.post(path, desk.agent, {})
    resolved = await desk.post(path, desk.agent, {"note": "Plumber revisited and fixed the tap"})
    again = await desk.post(path, desk.agent, {"note": "Twice"})
    closed = await desk.post(f"{COMPLAINTS}/{complaint_id}/status", desk.agent, {"status": "closed"})

    assert_problem(blank, 422, "resolution_note_required")
    assert_problem(missing, 400, "invalid_request")
    assert resolved.status_code == 200, resolved.text
    body = resolved.json()
    assert (body["status"], body["resolution"]) == ("resolved", "Plumber revisited and fixed the tap")
    assert body["firstRespondedAt"] is not None
    assert_problem(again, 422, "transition_not_allowed")
    assert closed.json()["status"] == "closed"
    assert "Plumber revisited and fixed the tap" in await desk.seen_by_customer(complaint_id)
    log = await desk.ops.activity(desk.manager, action="complaints.resolve", targetId=str(complaint_id))
    assert [e["succeeded"] for e in log] == [True]


async def test_internal_notes_never_reach_the_customer_but_replies_do_when_written(desk: Desk) -> None:
    complaint_id = await desk.file()
    path = f"{COMPLAINTS}/{complaint_id}/notes"
    secret = f"Provider has two earlier strikes {random.randint(1000, 9999)}"

    note = await desk.post(path, desk.agent, {"message": secret})
    reply = await desk.post(
        path, desk.agent, {"message": "We are sending someone tomorrow", "internal": False}
    )
    blank = await desk.post(path, desk.agent, {"message": "  "})

    assert note.status_code == 201, note.text
    assert any(e["message"] == secret and e["isInternal"] for e in note.json()["timeline"])
    assert reply.status_code == 201, reply.text
    assert reply.json()["firstRespondedAt"] is not None
    seen = await desk.seen_by_customer(complaint_id)
    assert secret not in seen
    assert "We are sending someone tomorrow" in seen
    assert_problem(blank, 422, "empty_message")
    log = await desk.ops.activity(desk.manager, action="complaints.note", targetId=str(complaint_id))
    assert log[0]["after"] == {"internal": True, "length": len(secret)}
    assert secret not in str(log)


async def test_notes_are_refused_on_a_closed_complaint_and_for_a_customer_token(desk: Desk) -> None:
    complaint_id = await desk.file()
    await desk.post(f"{COMPLAINTS}/{complaint_id}/resolve", desk.agent, {"note": "Done"})
    await desk.post(f"{COMPLAINTS}/{complaint_id}/status", desk.agent, {"status": "closed"})

    closed = await desk.post(f"{COMPLAINTS}/{complaint_id}/notes", desk.agent, {"message": "late note"})
    as_customer = await desk.ops.client.post(
        f"{COMPLAINTS}/{complaint_id}/notes", json={"message": "hi"}, headers=desk.customer
    )

    assert_problem(closed, 422, "complaint_closed")
    assert_problem(as_customer, 401, "unauthenticated")


async def test_a_staff_status_note_is_never_shown_to_the_customer(desk: Desk) -> None:
    complaint_id = await desk.file()

    started = await desk.post(
        f"{COMPLAINTS}/{complaint_id}/status", desk.senior, {"status": "in_progress", "note": "INTERNAL: vip"}
    )
    escalated = await desk.post(
        f"{COMPLAINTS}/{complaint_id}/status",
        desk.senior,
        {"status": "escalated", "note": "INTERNAL: fraud suspected"},
    )

    assert started.status_code == 200, started.text
    assert escalated.status_code == 200, escalated.text
    notes = [e["message"] for e in escalated.json()["timeline"] if e["isInternal"]]
    assert "INTERNAL: vip" in notes
    assert "INTERNAL: fraud suspected" in notes
    seen = await desk.seen_by_customer(complaint_id)
    assert "INTERNAL" not in seen
    assert "Escalated to a senior team member" in seen


async def test_escalating_by_hand_reassigns_to_a_senior_member_and_answers_masked(desk: Desk) -> None:
    complaint_id = await desk.file()

    escalated = await desk.post(f"{COMPLAINTS}/{complaint_id}/status", desk.manager, {"status": "escalated"})

    assert escalated.status_code == 200, escalated.text
    body = escalated.json()
    assert body["status"] == "escalated"
    assert body["assignedStaffId"] not in (None, ROHIT)  # above the support agents' level
    assert (
        body["customer"]["contactMasked"] is True
    )  # the manager may see PII, but only a logged read shows it
    log = await desk.ops.activity(desk.manager, action="complaints.view_pii", targetId=str(complaint_id))
    assert log == []


@pytest.mark.parametrize("path", ["", "/assign", "/status", "/resolve", "/notes"])
async def test_ids_beyond_64_bits_are_refused_not_crashed(desk: Desk, path: str) -> None:
    huge = 10**19
    url = f"{COMPLAINTS}/{huge}{path}"
    if path:
        response = await desk.post(
            url, desk.manager, {"staffId": ROHIT, "status": "closed", "note": "x", "message": "x"}
        )
    else:
        response = await desk.ops.client.get(url, headers=bearer(desk.manager))
    assert_problem(response, 400, "invalid_request")
    assigned = await desk.post(f"{COMPLAINTS}/{UNKNOWN}/assign", desk.manager, {"staffId": huge})
    assert_problem(assigned, 400, "invalid_request")
