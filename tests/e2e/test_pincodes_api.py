"""GET /api/v1/pincodes/{pincode} over HTTP in both profiles, against the demo data."""

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.e2e.conftest import assert_problem

Client = AsyncTestClient[Litestar]


async def test_a_served_metro_pincode_lists_every_category_in_display_order(client: Client) -> None:
    response = await client.get("/api/v1/pincodes/560034")
    assert response.status_code == 200, response.text
    body = response.json()
    assert {k: body[k] for k in ("pincode", "locality", "city", "state", "serviceable")} == {
        "pincode": "560034",
        "locality": "Koramangala",
        "city": "Bengaluru",
        "state": "Karnataka",
        "serviceable": True,
    }
    categories = (await client.get("/api/v1/services/categories")).json()["items"]
    assert body["categories"] == [{"id": c["id"], "slug": c["slug"], "name": c["name"]} for c in categories]


async def test_an_unserved_pincode_is_known_but_lists_no_categories(client: Client) -> None:
    response = await client.get("/api/v1/pincodes/560064")
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["locality"], body["serviceable"], body["categories"]) == ("Yelahanka", False, [])


@pytest.mark.parametrize(
    ("pincode", "status", "code"),
    [
        ("999999", 404, "pincode_not_found"),
        ("56003", 400, "invalid_pincode"),
        ("056003", 400, "invalid_pincode"),
        ("abcdef", 400, "invalid_pincode"),
    ],
)
async def test_unknown_or_malformed_pincodes_get_a_clear_problem(
    client: Client, pincode: str, status: int, code: str
) -> None:
    body = assert_problem(await client.get(f"/api/v1/pincodes/{pincode}"), status, code)
    if status == 400:
        assert body["field"] == "pincode"
