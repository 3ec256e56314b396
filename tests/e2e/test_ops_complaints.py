"""The ops complaint desk over HTTP (`/api/v1/ops/complaints`, `/api/v1/ops/queue`), in both profiles, over
the seeded demo data (read only): filters, paging, the detail with masked or shown contact details, the
queue order, analytics and its CSV, and the refusals."""

import csv
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest

from entrypoints.settings import Settings
from tests.e2e.conftest import assert_problem, make_settings
from tests.e2e.ops_support import OPS, PROFILES, Ops, bearer, ops_app
from tests.e2e.test_bookings_api import sql

COMPLAINTS = f"{OPS}/complaints"


@dataclass
class Desk:
    ops: Ops
    settings: Settings
    manager: str  # ops_manager: customers.view_pii, analytics.view and analytics.export
    agent: str  # support_agent: complaints.view only, no PII, no analytics
    quality: str  # quality: analytics.view, no export, no PII

    async def get(self, path: str, token: str, **params: Any) -> Any:
        return await self.ops.client.get(path, params=params, headers=bearer(token))


@pytest.fixture(scope="module", params=PROFILES)
async def desk(request: pytest.FixtureRequest) -> AsyncIterator[Desk]:
    name = "seeded_sqlite_url" if request.param == "embedded" else "seeded_mariadb_url"
    settings = make_settings(database_url=request.getfixturevalue(name))
    async with ops_app(request) as ops:
        quality = await ops.member("quality")
        yield Desk(
            ops,
            settings,
            await ops.demo_token("ops_manager"),
            await ops.demo_token("support_agent"),
            await ops.token(quality.email),
        )


async def test_filters_narrow_the_list_and_each_item_matches_them_when_combined(desk: Desk) -> None:
    everything = (await desk.get(COMPLAINTS, desk.agent, limit=100)).json()
    by_status = [
        (await desk.get(COMPLAINTS, desk.agent, status=s, limit=100)).json()
        for s in ("open", "in_progress", "escalated", "resolved", "closed")
    ]
    narrowed = await desk.get(COMPLAINTS, desk.agent, status="open", type="safety", priority="critical")

    assert everything["total"] >= 120
    assert sum(page["total"] for page in by_status) == everything["total"]
    for status, page in zip(
        ("open", "in_progress", "escalated", "resolved", "closed"), by_status, strict=True
    ):
        assert {item["status"] for item in page["items"]} <= {status}
    created = [item["createdAt"] for item in everything["items"]]
    assert created == sorted(created, reverse=True)
    assert narrowed.status_code == 200, narrowed.text
    for item in narrowed.json()["items"]:
        assert (item["status"], item["type"], item["priority"]) == ("open", "safety", "critical")


async def test_sla_and_assignee_filters_return_only_matching_complaints_when_asked(desk: Desk) -> None:
    breached = (await desk.get(COMPLAINTS, desk.agent, sla="breached", limit=100)).json()
    at_risk = (await desk.get(COMPLAINTS, desk.agent, sla="at_risk", limit=100)).json()
    unassigned = (await desk.get(COMPLAINTS, desk.agent, assignee="none", limit=100)).json()
    rohit = (await desk.get(COMPLAINTS, desk.agent, assignee="5", limit=100)).json()
    mine = (await desk.get(COMPLAINTS, desk.agent, assignee="me", limit=100)).json()

    assert breached["total"] > 0  # the demo data is laid out around yesterday: active ones are late
    assert all(
        i["slaBreached"] and i["status"] in ("open", "in_progress", "escalated") for i in breached["items"]
    )
    assert not any(i["slaBreached"] for i in at_risk["items"])
    assert unassigned["total"] > 0
    assert all(i["assignedStaffId"] is None for i in unassigned["items"])
    assert rohit["total"] > 0
    assert all(i["assignedStaffId"] == 5 and i["assigneeName"] for i in rohit["items"])
    assert mine["total"] == rohit["total"]  # the support agent token is Rohit's (id 5)


async def test_date_range_and_paging_cover_the_list_without_overlap_when_walked(desk: Desk) -> None:
    first = (await desk.get(COMPLAINTS, desk.agent, limit=7)).json()
    second = (await desk.get(COMPLAINTS, desk.agent, limit=7, offset=first["nextOffset"])).json()
    day = first["items"][0]["createdAt"][:10]
    empty = (await desk.get(COMPLAINTS, desk.agent, **{"from": "2020-01-01", "to": "2020-01-31"})).json()

    assert first["nextOffset"] == 7
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
    assert empty == {"items": [], "total": 0, "limit": 20, "offset": 0, "nextOffset": None}
    ranged = (await desk.get(COMPLAINTS, desk.agent, **{"from": "2020-01-01", "to": day})).json()
    assert ranged["total"] > 0


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "lost"}, "status"),
        ({"type": "noise"}, "type"),
        ({"priority": "urgent"}, "priority"),
        ({"sla": "late"}, "sla"),
        ({"assignee": "rohit"}, "assignee"),
        ({"from": "2026-11-20", "to": "2026-11-01"}, "from"),
    ],
)
async def test_bad_filter_is_refused_with_its_field_when_the_value_is_unknown(
    desk: Desk, params: dict[str, str], field: str
) -> None:
    problem = assert_problem(await desk.get(COMPLAINTS, desk.agent, **params), 400, "invalid_input")
    assert problem["field"] == field


async def test_malformed_paging_or_date_is_refused_when_the_schema_says_so(desk: Desk) -> None:
    assert_problem(await desk.get(COMPLAINTS, desk.agent, limit=0), 400, "invalid_request")
    assert_problem(await desk.get(COMPLAINTS, desk.agent, limit=101), 400, "invalid_request")
    assert_problem(await desk.get(COMPLAINTS, desk.agent, **{"from": "yesterday"}), 400, "invalid_request")
    assert_problem(await desk.get(f"{OPS}/queue", desk.agent, status="lost"), 400, "invalid_input")


async def _with_contact_and_note(desk: Desk) -> tuple[int, str, str]:
    rows = await sql(
        desk.settings,
        "SELECT c.id, u.email, u.phone FROM complaints c JOIN users u ON u.id = c.user_id"
        " WHERE u.email IS NOT NULL AND u.phone IS NOT NULL AND EXISTS (SELECT 1 FROM complaint_updates n"
        " WHERE n.complaint_id = c.id AND n.is_internal = 1) AND c.booking_id IS NOT NULL ORDER BY c.id",
    )
    complaint_id, email, phone = rows[0]
    return int(complaint_id), str(email), str(phone)


async def test_detail_masks_contact_details_when_the_member_lacks_customer_pii(desk: Desk) -> None:
    complaint_id, email, phone = await _with_contact_and_note(desk)

    shown = await desk.get(f"{COMPLAINTS}/{complaint_id}", desk.manager)
    masked = await desk.get(f"{COMPLAINTS}/{complaint_id}", desk.agent)

    assert shown.status_code == 200, shown.text
    assert masked.status_code == 200, masked.text
    assert shown.json()["customer"]["email"] == email
    assert shown.json()["customer"]["phone"] == phone
    assert shown.json()["customer"]["contactMasked"] is False
    customer = masked.json()["customer"]
    assert customer["contactMasked"] is True
    assert customer["email"] == f"{email[0]}***@{email.split('@')[1]}"
    assert customer["phone"] == f"******{phone[-4:]}"
    assert email not in masked.text
    assert phone[3:] not in masked.text
    log = await desk.ops.activity(desk.manager, action="complaints.view_pii", targetId=str(complaint_id))
    assert log
    assert log[0]["after"] == {"customer_id": shown.json()["customer"]["id"]}


async def test_detail_carries_booking_and_whole_timeline_with_internal_notes_when_read(desk: Desk) -> None:
    complaint_id, _, _ = await _with_contact_and_note(desk)
    ((booking_id, reference),) = await sql(
        desk.settings,
        "SELECT b.id, b.reference FROM complaints c JOIN bookings b ON b.id = c.booking_id"
        f" WHERE c.id = {complaint_id}",
    )
    ((entries,),) = await sql(
        desk.settings, f"SELECT COUNT(*) FROM complaint_updates WHERE complaint_id = {complaint_id}"
    )

    body = (await desk.get(f"{COMPLAINTS}/{complaint_id}", desk.agent)).json()

    assert (body["booking"]["id"], body["booking"]["reference"]) == (booking_id, reference)
    assert len(body["timeline"]) == entries
    assert any(e["isInternal"] and e["kind"] == "internal_note" for e in body["timeline"])
    times = [e["createdAt"] for e in body["timeline"]]
    assert times == sorted(times)


async def test_unknown_complaint_is_404_when_read(desk: Desk) -> None:
    assert_problem(await desk.get(f"{COMPLAINTS}/987654321", desk.agent), 404, "complaint_not_found")


async def test_queue_is_ordered_by_score_then_due_time_and_flags_overdue_items_when_listed(
    desk: Desk,
) -> None:
    page = (await desk.get(f"{OPS}/queue", desk.agent, limit=100)).json()
    complaints = (await desk.get(f"{OPS}/queue", desk.agent, itemType="message", limit=100)).json()

    keys = [(-i["score"], i["dueAt"], i["id"]) for i in page["items"]]
    assert page["total"] >= 57
    assert keys == sorted(keys)
    assert {i["status"] for i in page["items"]} <= {"waiting", "claimed"}
    assert all(i["title"] for i in page["items"])
    assert any(i["overdue"] for i in page["items"])
    assert complaints["total"] > 0
    assert {i["itemType"] for i in complaints["items"]} == {"message"}


async def test_analytics_counts_agree_with_each_other_and_csv_carries_the_same_figures_when_exported(
    desk: Desk,
) -> None:
    params = {"from": "2026-10-01", "to": "2026-11-30"}
    report = await desk.get(f"{COMPLAINTS}/analytics", desk.quality, **params)
    exported = await desk.get(f"{COMPLAINTS}/analytics.csv", desk.manager, **params)

    assert report.status_code == 200, report.text
    body = report.json()
    assert body["total"] >= 120
    for section in ("byStatus", "byType", "byPriority"):
        assert sum(c["count"] for c in body[section]) == body["total"]
    assert len(body["trend"]) == 61
    assert sum(d["opened"] for d in body["trend"]) == body["total"]
    assert exported.status_code == 200, exported.text
    assert exported.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(exported.text)))
    assert rows[0] == ["section", "key", "metric", "value"]
    assert ["summary", "all", "complaints", str(body["total"])] in rows
    sla = body["sla"]["firstResponse"]
    assert ["sla", "first_response", "met", str(sla["met"])] in rows


async def test_analytics_is_refused_without_its_permission_and_the_refusal_is_logged(desk: Desk) -> None:
    refused = await desk.get(f"{COMPLAINTS}/analytics", desk.agent)
    no_export = await desk.get(f"{COMPLAINTS}/analytics.csv", desk.quality)
    too_long = await desk.get(
        f"{COMPLAINTS}/analytics", desk.manager, **{"from": "2024-01-01", "to": "2026-01-01"}
    )

    assert assert_problem(refused, 403, "forbidden")["permission"] == "analytics.view"
    assert assert_problem(no_export, 403, "forbidden")["permission"] == "analytics.export"
    assert_problem(too_long, 400, "invalid_input")
    log = await desk.ops.activity(desk.manager, action="complaints.analytics_export")
    assert any(not entry["succeeded"] for entry in log)


async def test_customer_token_is_401_on_the_desk_when_used(desk: Desk) -> None:
    token = await desk.ops.customer_token()
    for path in (COMPLAINTS, f"{COMPLAINTS}/1", f"{OPS}/queue", f"{COMPLAINTS}/analytics"):
        assert_problem(await desk.get(path, token), 401, "unauthenticated")
