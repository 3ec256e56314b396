"""For every ops endpoint and each of the 8 roles: 403 exactly when the role lacks the endpoint's
permission, as `domain/staff/catalog.py` grants them. Requests that pass the permission check aim at
unknown ids or roles where they would change something, so nothing real is touched."""

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from domain.staff.catalog import ROLES
from tests.e2e.conftest import assert_problem
from tests.e2e.ops_support import OPS, PROFILES, Member, Ops, bearer, ops_app, unique_email

GRANTS = {code: set(permissions) for code, _, _, _, permissions in ROLES}
ROLE_CODES = [code for code, _, _, _, _ in ROLES]
UNKNOWN_ID = 987654321
ROHIT = 5  # the demo support agent: read, never changed


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str
    permission: str | None  # None: any signed-in member
    passed: int  # the status once the permission check passed
    body: dict[str, Any] | None = field(default=None)

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


ENDPOINTS = [
    Endpoint("GET", "/staff", "staff.view", 200),
    Endpoint("GET", f"/staff/{ROHIT}", "staff.view", 200),
    Endpoint(
        "POST",
        "/staff",
        "staff.manage",
        400,
        {
            "name": "Nobody",
            "email": "matrix@nexora-test.in",
            "role": "no_such_role",
            "password": "Tide#2026xx",
        },
    ),
    Endpoint("PATCH", f"/staff/{UNKNOWN_ID}", "staff.manage", 404, {"name": "New Name"}),
    Endpoint("DELETE", f"/staff/{UNKNOWN_ID}", "staff.manage", 404),
    Endpoint("POST", f"/staff/{UNKNOWN_ID}/approve", "staff.approve", 404, {"role": "read_only"}),
    Endpoint("PUT", f"/staff/{UNKNOWN_ID}/role", "staff.assign_roles", 404, {"role": "read_only"}),
    Endpoint("GET", "/roles", "staff.view", 200),
    Endpoint("GET", "/permissions", "staff.view", 200),
    Endpoint("GET", f"/staff/{ROHIT}/sessions", "staff.view", 200),
    Endpoint("GET", "/staff/{own}/sessions", None, 200),
    Endpoint("DELETE", "/sessions/no-such-session", "staff.manage", 404),
    Endpoint("GET", "/activity", "audit.view", 200),
    Endpoint("GET", "/catalog/categories", "catalog.view", 200),
    Endpoint("POST", "/catalog/categories", "catalog.manage", 409, {"slug": "cleaning", "name": "Again"}),
    Endpoint("PATCH", f"/catalog/categories/{UNKNOWN_ID}", "catalog.manage", 404, {"name": "X"}),
    Endpoint(
        "POST",
        "/catalog/subcategories",
        "catalog.manage",
        404,
        {"categoryId": UNKNOWN_ID, "slug": "matrix", "name": "X", "durationMinutes": 30},
    ),
    Endpoint("PATCH", f"/catalog/subcategories/{UNKNOWN_ID}", "catalog.manage", 404, {"name": "X"}),
    Endpoint(
        "POST",
        "/catalog/rate-cards",
        "catalog.manage",
        404,
        {"subcategoryId": UNKNOWN_ID, "code": "MATRIX", "name": "X", "price": "1.00"},
    ),
    Endpoint("PATCH", f"/catalog/rate-cards/{UNKNOWN_ID}", "catalog.manage", 404, {"name": "X"}),
    Endpoint("PUT", f"/catalog/rate-cards/{UNKNOWN_ID}/pincodes", "catalog.manage", 404, {"pincodes": []}),
    Endpoint("PATCH", f"/catalog/rate-cards/{UNKNOWN_ID}/pincodes", "catalog.manage", 404, {"add": []}),
    Endpoint("GET", "/bookings", "bookings.view", 200),
    Endpoint("POST", f"/bookings/{UNKNOWN_ID}/status", "bookings.manage", 404, {"status": "confirmed"}),
    Endpoint("POST", f"/bookings/{UNKNOWN_ID}/provider", "bookings.reassign", 404, {"providerId": 1}),
    # the ops complaint desk
    Endpoint("GET", "/complaints", "complaints.view", 200),
    Endpoint("GET", f"/complaints/{UNKNOWN_ID}", "complaints.view", 404),
    Endpoint("GET", "/queue", "complaints.view", 200),
    Endpoint("GET", "/complaints/analytics", "analytics.view", 200),
    Endpoint("GET", "/complaints/analytics.csv", "analytics.export", 200),
    # the knowledge base (a JSON body carries no file: 400 once the permission check passed)
    Endpoint("GET", "/documents", "documents.view", 200),
    Endpoint("POST", "/documents", "documents.manage", 400, {}),
    Endpoint("POST", f"/complaints/{UNKNOWN_ID}/assign", "complaints.assign", 404, {"staffId": ROHIT}),
    Endpoint("POST", f"/complaints/{UNKNOWN_ID}/status", "complaints.manage", 404, {"status": "in_progress"}),
    Endpoint("POST", f"/complaints/{UNKNOWN_ID}/resolve", "complaints.resolve", 404, {"note": "Fixed"}),
    Endpoint("POST", f"/complaints/{UNKNOWN_ID}/notes", "complaints.manage", 404, {"message": "Note"}),
]


@dataclass
class Signed:
    member: Member
    token: str


@pytest.fixture(scope="module", params=PROFILES)
async def ops(request: pytest.FixtureRequest) -> AsyncIterator[Ops]:
    async with ops_app(request) as app:
        yield app


@pytest.fixture(scope="module")
async def signed_in(ops: Ops) -> dict[str, Signed]:
    """One new active member per role, signed in over HTTP."""
    result = {}
    for code in ROLE_CODES:
        member = await ops.member(code)
        result[code] = Signed(member, await ops.token(member.email))
    return result


def _shape(path: str) -> str:
    """Ids and path parameters as `{id}`, so routes and example requests compare."""
    return re.sub(r"/(\d+|\{[^}]+\}|no-such-session)(?=/|$)", "/{id}", path)


def test_matrix_covers_every_ops_route_that_needs_a_signed_in_member_when_listed(ops: Ops) -> None:
    unguarded = {("POST", f"{OPS}/auth/{name}") for name in ("login", "refresh", "register", "logout")}
    routes = {
        (method, _shape(route.path))
        for route in ops.client.app.routes
        if route.path.startswith(OPS)
        for method in getattr(route, "methods", set())
        if method not in ("HEAD", "OPTIONS")
    }
    covered = {(e.method, _shape(OPS + e.path)) for e in ENDPOINTS}
    assert routes - unguarded == covered


@pytest.mark.parametrize("role", ROLE_CODES)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
async def test_endpoint_is_forbidden_exactly_when_the_role_lacks_its_permission(
    ops: Ops, signed_in: dict[str, Signed], role: str, endpoint: Endpoint
) -> None:
    me = signed_in[role]
    body = endpoint.body
    if body is not None and "email" in body:
        body = {**body, "email": unique_email("matrix")}
    response = await ops.client.request(
        endpoint.method,
        OPS + endpoint.path.format(own=me.member.id),
        json=body,
        headers=bearer(me.token),
    )

    if endpoint.permission is not None and endpoint.permission not in GRANTS[role]:
        problem = assert_problem(response, 403, "forbidden")
        assert problem["permission"] == endpoint.permission
    else:
        assert response.status_code == endpoint.passed, response.text
