"""Browsing the catalog over HTTP: categories -> subcategories -> rate cards at a pincode."""

from decimal import Decimal

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.e2e.conftest import assert_problem

Client = AsyncTestClient[Litestar]


async def _category_id(client: Client, slug: str) -> int:
    items = (await client.get("/api/v1/services/categories")).json()["items"]
    return int(next(c["id"] for c in items if c["slug"] == slug))


async def _subcategory_id(client: Client, category_slug: str, slug: str) -> int:
    category_id = await _category_id(client, category_slug)
    items = (await client.get(f"/api/v1/services/categories/{category_id}/subcategories")).json()["items"]
    return int(next(s["id"] for s in items if s["slug"] == slug))


async def test_lists_the_twelve_demo_categories_in_display_order_when_browsing(client: Client) -> None:
    response = await client.get("/api/v1/services/categories")
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 12
    assert items[0]["slug"] == "cleaning"
    assert set(items[0]) == {"id", "slug", "name", "description", "icon"}


async def test_lists_a_categorys_services_with_camel_case_fields_when_browsing(client: Client) -> None:
    category_id = await _category_id(client, "cleaning")
    response = await client.get(f"/api/v1/services/categories/{category_id}/subcategories")
    assert response.status_code == 200
    body = response.json()
    assert body["categoryId"] == category_id
    first = body["items"][0]
    assert first["slug"] == "full-home-deep-cleaning"
    assert first["durationMinutes"] == 240
    assert first["inclusions"]


async def test_rate_cards_at_a_serviceable_pincode_carry_exact_prices_when_requested(client: Client) -> None:
    sub_id = await _subcategory_id(client, "cleaning", "full-home-deep-cleaning")
    response = await client.get(
        f"/api/v1/services/subcategories/{sub_id}/rate-cards", params={"pincode": "560034"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["pincode"] == "560034"
    assert body["serviceable"] is True
    prices = [Decimal(i["price"]["amount"]) for i in body["items"]]
    assert prices == sorted(prices)
    assert prices
    for item in body["items"]:
        assert item["price"]["currency"] == "INR"
        assert isinstance(item["price"]["amount"], str)
        if item["strikePrice"]:
            saved = Decimal(item["strikePrice"]["amount"]) - Decimal(item["price"]["amount"])
            assert Decimal(item["savings"]["amount"]) == saved


async def test_no_rate_cards_when_the_pincode_is_not_serviceable(client: Client) -> None:
    sub_id = await _subcategory_id(client, "cleaning", "full-home-deep-cleaning")
    response = await client.get(
        f"/api/v1/services/subcategories/{sub_id}/rate-cards", params={"pincode": "999999"}
    )
    assert response.status_code == 200
    assert response.json()["serviceable"] is False
    assert response.json()["items"] == []


async def test_all_rate_cards_are_listed_when_no_pincode_is_given(client: Client) -> None:
    sub_id = await _subcategory_id(client, "cleaning", "full-home-deep-cleaning")
    body = (await client.get(f"/api/v1/services/subcategories/{sub_id}/rate-cards")).json()
    assert body["pincode"] is None
    assert body["serviceable"] is None
    assert len(body["items"]) >= 1


@pytest.mark.parametrize("pincode", ["56003", "5600345", "056003", "abcdef", "56OO34", "", "५६००३४"])
async def test_malformed_pincode_is_a_400_problem_when_requested(client: Client, pincode: str) -> None:
    sub_id = await _subcategory_id(client, "cleaning", "full-home-deep-cleaning")
    response = await client.get(
        f"/api/v1/services/subcategories/{sub_id}/rate-cards", params={"pincode": pincode}
    )
    body = assert_problem(response, 400, "invalid_pincode")
    assert body["field"] == "pincode"


async def test_unknown_category_is_a_404_problem_when_listing_its_services(client: Client) -> None:
    body = assert_problem(
        await client.get("/api/v1/services/categories/999999/subcategories"), 404, "category_not_found"
    )
    assert "999999" in body["detail"]


async def test_unknown_subcategory_is_a_404_problem_when_listing_rate_cards(client: Client) -> None:
    response = await client.get(
        "/api/v1/services/subcategories/999999/rate-cards", params={"pincode": "560034"}
    )
    assert_problem(response, 404, "subcategory_not_found")


async def test_non_numeric_id_is_a_404_problem_when_requested(client: Client) -> None:
    assert_problem(await client.get("/api/v1/services/categories/abc/subcategories"), 404, "not_found")


async def test_unknown_route_and_wrong_method_are_problems_when_requested(client: Client) -> None:
    assert_problem(await client.get("/api/v1/nothing-here"), 404, "not_found")
    assert_problem(await client.post("/api/v1/services/categories"), 405, "method_not_allowed")


async def test_request_id_is_echoed_when_the_client_sends_one(client: Client) -> None:
    response = await client.get("/api/v1/services/categories", headers={"X-Request-ID": "trace-abc.123"})
    assert response.headers["x-request-id"] == "trace-abc.123"


async def test_request_id_is_generated_when_the_client_sends_an_unsafe_one(client: Client) -> None:
    response = await client.get(
        "/api/v1/services/categories", headers={"X-Request-ID": "bad id;<script>" * 30}
    )
    generated = response.headers["x-request-id"]
    assert len(generated) == 32
    assert generated.isalnum()


async def test_lists_are_paged_with_a_total_and_next_offset_when_limited(client: Client) -> None:
    first = (await client.get("/api/v1/services/categories", params={"limit": 5})).json()
    assert (len(first["items"]), first["total"], first["nextOffset"]) == (5, 12, 5)
    last = (await client.get("/api/v1/services/categories", params={"limit": 5, "offset": 10})).json()
    assert (len(last["items"]), last["nextOffset"]) == (2, None)
    everything = (await client.get("/api/v1/services/categories")).json()["items"]
    assert [c["id"] for c in first["items"] + last["items"]] == [
        c["id"] for c in everything[:5] + everything[10:]
    ]


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 101}, {"offset": -1}, {"limit": "many"}])
async def test_bad_paging_is_a_400_problem_when_requested(client: Client, params: dict[str, object]) -> None:
    assert_problem(await client.get("/api/v1/services/categories", params=params), 400, "invalid_request")


async def test_lists_are_filtered_when_filters_are_given(client: Client) -> None:
    named = (await client.get("/api/v1/services/categories", params={"name": "plumb"})).json()["items"]
    assert [c["slug"] for c in named] == ["plumbing"]
    short = (
        await client.get("/api/v1/services/categories/1/subcategories", params={"maxDurationMinutes": 60})
    ).json()
    assert short["items"]
    assert all(s["durationMinutes"] <= 60 for s in short["items"])
    cheap = (
        await client.get("/api/v1/services/subcategories/1/rate-cards", params={"maxPrice": 4000})
    ).json()
    assert all(Decimal(r["price"]["amount"]) <= 4000 for r in cheap["items"])
    assert cheap["total"] == len(cheap["items"])
