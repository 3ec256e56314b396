"""GET /api/v1/services/subcategories/{id} over HTTP in both profiles, against the demo catalog."""

from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.e2e.conftest import assert_problem

Client = AsyncTestClient[Litestar]


async def _first_service(client: Client) -> tuple[dict[str, Any], dict[str, Any]]:
    category = (await client.get("/api/v1/services/categories")).json()["items"][0]
    subs = (await client.get(f"/api/v1/services/categories/{category['id']}/subcategories")).json()["items"]
    return category, subs[0]


async def test_details_describe_the_service_its_category_and_rate_cards(client: Client) -> None:
    category, sub = await _first_service(client)
    response = await client.get(f"/api/v1/services/subcategories/{sub['id']}")
    assert response.status_code == 200, response.text
    details = response.json()
    for key in ("id", "slug", "name", "description", "durationMinutes", "inclusions", "exclusions"):
        assert details[key] == sub[key]
    assert (details["categoryId"], details["categoryName"]) == (category["id"], category["name"])
    cards = (await client.get(f"/api/v1/services/subcategories/{sub['id']}/rate-cards")).json()["items"]
    assert details["rateCards"] == cards
    assert cards
    assert (details["pincode"], details["serviceable"]) == (None, None)


async def test_details_at_a_pincode_list_only_what_is_offered_there(client: Client) -> None:
    _, sub = await _first_service(client)
    url = f"/api/v1/services/subcategories/{sub['id']}"
    served = (await client.get(url, params={"pincode": "560034"})).json()
    offered = (await client.get(f"{url}/rate-cards", params={"pincode": "560034"})).json()["items"]
    assert (served["pincode"], served["serviceable"], served["rateCards"]) == ("560034", True, offered)
    unserved = (await client.get(url, params={"pincode": "560064"})).json()
    assert (unserved["serviceable"], unserved["rateCards"]) == (False, [])


@pytest.mark.parametrize(
    ("path", "params", "status", "code"),
    [
        ("/api/v1/services/subcategories/999999", {}, 404, "subcategory_not_found"),
        ("/api/v1/services/subcategories/1", {"pincode": "56003"}, 400, "invalid_pincode"),
        ("/api/v1/services/subcategories/1", {"pincode": "abcdef"}, 400, "invalid_pincode"),
        ("/api/v1/services/subcategories/abc", {}, 404, "not_found"),
    ],
)
async def test_unknown_services_and_malformed_pincodes_get_a_clear_problem(
    client: Client, path: str, params: dict[str, str], status: int, code: str
) -> None:
    assert_problem(await client.get(path, params=params), status, code)
