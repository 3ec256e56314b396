"""Catalog management over HTTP in both profiles: a change by an administrator is visible at once on the
public catalog even when it was cached just before, refusals and changes land in the activity log, and
support agents and customers cannot change anything.

The seeded database is shared by the whole test session: these tests change only categories, services and
rate cards they create (unique slugs and codes), and deactivate their categories at the end, so the public
catalog looks as seeded again."""

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.e2e.conftest import assert_problem
from tests.e2e.ops_support import OPS, PROFILES, Ops, bearer, ops_app

CATALOG = f"{OPS}/catalog"
PUBLIC = "/api/v1/services"
PINCODE = "560034"  # serviceable in the demo data
OTHER_PINCODE = "110001"  # serviceable in the demo data
UNKNOWN_ID = 987654321
Headers = dict[str, str]


@pytest.fixture(scope="module")
def redis_url(redis_url: str) -> str:
    """A Redis database of this module's own: every seeded database holds the same catalog, so other test
    sessions running at the same time share cached catalog reads safely, except while these tests add
    entries to theirs."""
    return urlsplit(redis_url)._replace(path="/14").geturl()


@pytest.fixture(scope="module", params=PROFILES)
async def ops(request: pytest.FixtureRequest) -> AsyncIterator[Ops]:
    async with ops_app(request) as app:
        yield app


@pytest.fixture(scope="module")
async def admin(ops: Ops) -> Headers:
    return bearer(await ops.demo_token("admin"))


@pytest.fixture(scope="module")
async def created(ops: Ops, admin: Headers) -> AsyncIterator[list[int]]:
    """Ids of the categories the tests made; deactivated at the end (the database outlives this module)."""
    ids: list[int] = []
    yield ids
    for category_id in ids:
        response = await ops.client.patch(
            f"{CATALOG}/categories/{category_id}", json={"isActive": False}, headers=admin
        )
        assert response.status_code == 200, response.text


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def ok(response: Any, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    return body


async def new_category(ops: Ops, admin: Headers, created: list[int], **fields: Any) -> dict[str, Any]:
    body = {"slug": unique("e2e"), "name": "E2E Category", "sortOrder": 900, **fields}
    category = ok(await ops.client.post(f"{CATALOG}/categories", json=body, headers=admin), 201)
    created.append(category["id"])
    return category


@dataclass
class Service:
    category: dict[str, Any]
    service: dict[str, Any]
    card: dict[str, Any]

    @property
    def ids(self) -> tuple[int, int, int]:
        return self.category["id"], self.service["id"], self.card["id"]


async def new_service(ops: Ops, admin: Headers, created: list[int]) -> Service:
    """A new category with one service and one rate card (499.00, strike 599.00) offered at PINCODE."""
    category = await new_category(ops, admin, created)
    service = ok(
        await ops.client.post(
            f"{CATALOG}/subcategories",
            json={
                "categoryId": category["id"],
                "slug": unique("e2e-service"),
                "name": "E2E Service",
                "durationMinutes": 60,
                "inclusions": ["Everything"],
                "keywords": ["zzqx e2e"],
            },
            headers=admin,
        ),
        201,
    )
    card = ok(
        await ops.client.post(
            f"{CATALOG}/rate-cards",
            json={
                "subcategoryId": service["id"],
                "code": unique("E2E").upper(),
                "name": "Standard",
                "price": "499.00",
                "strikePrice": "599.00",
                "unit": "per visit",
            },
            headers=admin,
        ),
        201,
    )
    ok(
        await ops.client.put(
            f"{CATALOG}/rate-cards/{card['id']}/pincodes", json={"pincodes": [PINCODE]}, headers=admin
        )
    )
    return Service(category, service, card)


@pytest.fixture(scope="module")
async def steady(ops: Ops, admin: Headers, created: list[int]) -> Service:
    """A service whose changes are all refused: it stays as made."""
    return await new_service(ops, admin, created)


async def public_slugs(ops: Ops) -> list[str]:
    return [c["slug"] for c in (ok(await ops.client.get(f"{PUBLIC}/categories")))["items"]]


async def public_prices(ops: Ops, service_id: int, pincode: str = PINCODE) -> dict[int, str]:
    url = f"{PUBLIC}/subcategories/{service_id}/rate-cards"
    items = (ok(await ops.client.get(url, params={"pincode": pincode})))["items"]
    return {item["id"]: item["price"]["amount"] for item in items}


async def test_new_category_is_listed_publicly_at_once_when_the_list_was_cached_before(
    ops: Ops, admin: Headers, created: list[int]
) -> None:
    await public_slugs(ops)

    category = await new_category(ops, admin, created, icon="sparkles")

    assert category["slug"] in await public_slugs(ops)
    assert (category["isActive"], category["icon"], category["sortOrder"]) == (True, "sparkles", 900)


async def test_new_price_is_shown_at_once_at_a_pincode_when_the_rate_cards_were_cached_before(
    ops: Ops, admin: Headers, created: list[int]
) -> None:
    _, service_id, card_id = (await new_service(ops, admin, created)).ids
    assert await public_prices(ops, service_id) == {card_id: "499.00"}

    changed = ok(
        await ops.client.patch(
            f"{CATALOG}/rate-cards/{card_id}", json={"price": "549.00", "name": "Standard+"}, headers=admin
        )
    )

    assert (changed["price"], changed["strikePrice"]["amount"]) == (
        {"amount": "549.00", "currency": "INR"},
        "599.00",
    )
    assert await public_prices(ops, service_id) == {card_id: "549.00"}


async def test_deactivating_a_category_hides_it_and_its_services_when_they_were_cached_before(
    ops: Ops, admin: Headers, created: list[int]
) -> None:
    made = await new_service(ops, admin, created)
    category_id, service_id, _ = made.ids
    slug = made.category["slug"]
    assert slug in await public_slugs(ops)
    ok(await ops.client.get(f"{PUBLIC}/categories/{category_id}/subcategories"))
    await public_prices(ops, service_id)

    ok(await ops.client.patch(f"{CATALOG}/categories/{category_id}", json={"isActive": False}, headers=admin))

    assert slug not in await public_slugs(ops)
    assert_problem(
        await ops.client.get(f"{PUBLIC}/categories/{category_id}/subcategories"), 404, "category_not_found"
    )
    rate_cards = await ops.client.get(
        f"{PUBLIC}/subcategories/{service_id}/rate-cards", params={"pincode": PINCODE}
    )
    assert_problem(rate_cards, 404, "subcategory_not_found")
    params = {"includeInactive": "true", "limit": 100}
    listed = ok(await ops.client.get(f"{CATALOG}/categories", params=params, headers=admin))
    assert [c["isActive"] for c in listed["items"] if c["id"] == category_id] == [False]

    ok(await ops.client.patch(f"{CATALOG}/categories/{category_id}", json={"isActive": True}, headers=admin))

    assert slug in await public_slugs(ops)


async def test_new_service_is_found_by_search_at_once_and_lost_when_deactivated(
    ops: Ops, admin: Headers, created: list[int]
) -> None:
    category = await new_category(ops, admin, created)
    words = f"quokka {uuid.uuid4().hex[:6]} polishing"
    ok(await ops.client.get(f"{PUBLIC}/search", params={"q": words}))
    service = ok(
        await ops.client.post(
            f"{CATALOG}/subcategories",
            json={
                "categoryId": category["id"],
                "slug": unique("e2e-quokka"),
                "name": "Quokka Polishing",
                "durationMinutes": 30,
                "keywords": [words],
            },
            headers=admin,
        ),
        201,
    )

    found = ok(await ops.client.get(f"{PUBLIC}/search", params={"q": words}))["items"]
    ok(
        await ops.client.patch(
            f"{CATALOG}/subcategories/{service['id']}", json={"isActive": False}, headers=admin
        )
    )
    lost = ok(await ops.client.get(f"{PUBLIC}/search", params={"q": words}))["items"]

    assert found[0]["subcategoryId"] == service["id"]
    assert service["id"] not in [hit["subcategoryId"] for hit in lost]


async def test_pincodes_decide_where_a_rate_card_is_offered_when_changed(
    ops: Ops, admin: Headers, created: list[int]
) -> None:
    _, service_id, card_id = (await new_service(ops, admin, created)).ids
    assert await public_prices(ops, service_id, OTHER_PINCODE) == {}

    moved = ok(
        await ops.client.patch(
            f"{CATALOG}/rate-cards/{card_id}/pincodes",
            json={"add": [OTHER_PINCODE], "remove": [PINCODE]},
            headers=admin,
        )
    )

    assert (moved["pincodes"], moved["added"], moved["removed"]) == (
        [OTHER_PINCODE],
        [OTHER_PINCODE],
        [PINCODE],
    )
    assert await public_prices(ops, service_id, OTHER_PINCODE) == {card_id: "499.00"}
    assert await public_prices(ops, service_id, PINCODE) == {}


async def test_pincodes_are_refused_with_the_unknown_ones_listed_when_the_directory_lacks_them(
    ops: Ops, admin: Headers, created: list[int]
) -> None:
    _, service_id, card_id = (await new_service(ops, admin, created)).ids

    response = await ops.client.put(
        f"{CATALOG}/rate-cards/{card_id}/pincodes",
        json={"pincodes": [PINCODE, "999999", "199999"]},
        headers=admin,
    )

    problem = assert_problem(response, 422, "unknown_pincodes")
    assert problem["pincodes"] == ["199999", "999999"]
    assert await public_prices(ops, service_id) == {card_id: "499.00"}


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "code"),
    [
        ("PUT", "pincodes", {"pincodes": [str(110001 + n) for n in range(501)]}, 400, "invalid_request"),
        ("PUT", "pincodes", {"pincodes": ["56003"]}, 400, "invalid_pincode"),
        ("PATCH", "pincodes", {"add": [PINCODE], "remove": [PINCODE]}, 400, "invalid_input"),
        ("PATCH", "", {"price": "700.00"}, 422, "invalid_rate_card"),
        ("PATCH", "", {"price": "-1.00", "strikePrice": None}, 422, "invalid_rate_card"),
        ("PATCH", "", {"price": "5.5"}, 400, "invalid_request"),
        ("PATCH", "", {"code": "NEW-CODE"}, 400, "invalid_request"),
    ],
)
async def test_rate_card_change_is_refused_with_the_right_problem_when_the_input_is_wrong(
    ops: Ops,
    admin: Headers,
    steady: Service,
    method: str,
    path: str,
    body: dict[str, Any],
    status: int,
    code: str,
) -> None:
    _, service_id, card_id = steady.ids

    response = await ops.client.request(
        method, f"{CATALOG}/rate-cards/{card_id}/{path}".rstrip("/"), json=body, headers=admin
    )

    assert_problem(response, status, code)
    assert await public_prices(ops, service_id) == {card_id: "499.00"}


async def test_slugs_and_codes_answer_409_when_already_in_use(
    ops: Ops, admin: Headers, created: list[int]
) -> None:
    made = await new_service(ops, admin, created)
    category_id, service_id, _ = made.ids

    same_category = await ops.client.post(
        f"{CATALOG}/categories", json={"slug": "cleaning", "name": "Cleaning again"}, headers=admin
    )
    same_service = await ops.client.post(
        f"{CATALOG}/subcategories",
        json={
            "categoryId": category_id,
            "slug": made.service["slug"],
            "name": "Again",
            "durationMinutes": 30,
        },
        headers=admin,
    )
    same_card = await ops.client.post(
        f"{CATALOG}/rate-cards",
        json={"subcategoryId": service_id, "code": made.card["code"], "name": "Again", "price": "1.00"},
        headers=admin,
    )

    assert "cleaning" in assert_problem(same_category, 409, "slug_taken")["detail"]
    assert_problem(same_service, 409, "slug_taken")
    assert_problem(same_card, 409, "rate_card_code_taken")


async def test_changes_leave_activity_lines_with_before_after_and_origin_when_made(
    ops: Ops, admin: Headers, created: list[int]
) -> None:
    category = await new_category(ops, admin, created)
    request_id = f"test-{uuid.uuid4().hex}"

    ok(
        await ops.client.patch(
            f"{CATALOG}/categories/{category['id']}",
            json={"name": "Renamed Category", "description": "Now described"},
            headers={**admin, "X-Request-ID": request_id},
        )
    )

    token = admin["Authorization"][7:]
    [update] = await ops.activity(token, action="catalog.category.update", targetId=str(category["id"]))
    [create] = await ops.activity(token, action="catalog.category.create", targetId=str(category["id"]))
    assert (update["staffId"], update["requestId"], update["succeeded"], update["targetType"]) == (
        2,
        request_id,
        True,
        "category",
    )
    assert update["ip"]
    assert (update["before"]["name"], update["after"]["name"]) == ("E2E Category", "Renamed Category")
    assert update["after"]["description"] == "Now described"
    assert (create["before"], create["after"]["slug"]) == (None, category["slug"])


async def test_support_agent_is_refused_and_the_refusal_logged_when_changing_the_catalog(
    ops: Ops, admin: Headers, created: list[int]
) -> None:
    category = await new_category(ops, admin, created)
    agent = bearer(await ops.demo_token("support_agent"))

    changed = await ops.client.patch(
        f"{CATALOG}/categories/{category['id']}", json={"name": "Mine"}, headers=agent
    )
    added = await ops.client.post(
        f"{CATALOG}/categories", json={"slug": unique("e2e"), "name": "X"}, headers=agent
    )
    listed = await ops.client.get(f"{CATALOG}/categories", headers=agent)

    assert assert_problem(changed, 403, "forbidden")["permission"] == "catalog.manage"
    assert_problem(added, 403, "forbidden")
    assert listed.status_code == 200
    [refusal] = await ops.activity(
        admin["Authorization"][7:], action="catalog.category.update", targetId=str(category["id"]), staffId=5
    )
    assert (refusal["succeeded"], refusal["after"]) == (False, {"refused": "catalog.manage"})
    assert category["slug"] in await public_slugs(ops)


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/categories", None),
        ("POST", "/categories", {"slug": "customer-made", "name": "Mine"}),
        ("PATCH", f"/categories/{UNKNOWN_ID}", {"isActive": False}),
        ("PUT", f"/rate-cards/{UNKNOWN_ID}/pincodes", {"pincodes": []}),
    ],
)
async def test_customer_token_is_refused_with_401_when_used_on_the_ops_catalog(
    ops: Ops, method: str, path: str, body: dict[str, Any] | None
) -> None:
    customer = bearer(await ops.customer_token())

    response = await ops.client.request(method, CATALOG + path, json=body, headers=customer)

    assert_problem(response, 401, "unauthenticated")


@pytest.mark.parametrize("params", [{"limit": 101}, {"limit": 0}, {"offset": -1}])
async def test_ops_category_list_answers_400_when_the_page_is_invalid(
    ops: Ops, admin: Headers, params: dict[str, Any]
) -> None:
    assert_problem(
        await ops.client.get(f"{CATALOG}/categories", params=params, headers=admin), 400, "invalid_request"
    )


async def test_ops_category_list_pages_and_counts_inactive_ones_only_when_asked(
    ops: Ops, admin: Headers, created: list[int]
) -> None:
    await new_category(ops, admin, created, isActive=False)

    active = ok(await ops.client.get(f"{CATALOG}/categories", params={"limit": 5}, headers=admin))
    everything = ok(
        await ops.client.get(
            f"{CATALOG}/categories", params={"limit": 5, "includeInactive": "true"}, headers=admin
        )
    )

    assert len(active["items"]) == 5
    assert all(c["isActive"] for c in active["items"])
    assert everything["total"] > active["total"] >= 12
    assert everything["limit"] == 5
