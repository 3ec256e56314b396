"""Searching services over HTTP from what customers type, in both profiles."""

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.e2e.conftest import assert_problem

Client = AsyncTestClient[Litestar]
SEARCH = "/api/v1/services/search"
HIT_FIELDS = {
    "subcategoryId",
    "slug",
    "name",
    "categoryId",
    "categorySlug",
    "categoryName",
    "score",
    "matchedOn",
}
AHMEDABAD = "380006"  # serviceable, but the demo data offers no microwave repair there


async def _search(client: Client, **params: object) -> dict:
    response = await client.get(SEARCH, params=params)
    assert response.status_code == 200, response.text
    return response.json()


async def test_a_typo_finds_the_trade_with_camel_case_fields_when_searching(client: Client) -> None:
    body = await _search(client, q="plumbr")

    assert body["query"] == "plumbr"
    assert (body["pincode"], body["serviceable"]) == (None, None)
    assert 1 <= len(body["items"]) <= 5
    assert {i["categorySlug"] for i in body["items"]} == {"plumbing"}
    first = body["items"][0]
    assert set(first) == HIT_FIELDS
    assert 0 < first["score"] < 1
    assert first["matchedOn"] == "category: Plumbing"


@pytest.mark.parametrize(
    ("q", "slug"),
    [
        ("safai", "full-home-deep-cleaning"),
        ("geyser", "geyser-repair-and-installation"),
        ("paint job", "full-home-interior-painting"),
        ("nal theek karna", "tap-and-mixer-repair"),
        ("keede", "cockroach-and-ant-control"),
        ("bal katwana", "mens-haircut"),
        ("fridge not cooling", "refrigerator-repair"),
        ("deep clean 2bhk", "full-home-deep-cleaning"),
        ("electrisian", "switch-and-socket"),
        ("ro", "ro-water-purifier"),
        ("एसी सर्विस", "ac-service"),
    ],
)
async def test_loose_words_find_the_service_first_when_searching(client: Client, q: str, slug: str) -> None:
    assert (await _search(client, q=q))["items"][0]["slug"] == slug


async def test_the_reason_names_the_synonym_when_hinglish_matched(client: Client) -> None:
    first = (await _search(client, q="safai"))["items"][0]
    assert first["score"] == 1.0
    assert "safai" in first["matchedOn"]


async def test_an_abbreviation_lists_both_services_when_it_is_ambiguous(client: Client) -> None:
    items = (await _search(client, q="ac", limit=2))["items"]
    assert [i["slug"] for i in items] == ["ac-service", "ac-repair"]


async def test_nothing_matched_is_an_empty_list_when_the_words_name_no_service(client: Client) -> None:
    body = await _search(client, q="xyzzy qwerty")
    assert body["items"] == []


@pytest.mark.parametrize(("limit", "count"), [(1, 1), (20, 7)])
async def test_limit_caps_the_matches_when_given(client: Client, limit: int, count: int) -> None:
    assert len((await _search(client, q="plumber", limit=limit))["items"]) == count


async def test_services_not_offered_at_the_pincode_are_dropped_when_a_pincode_is_given(
    client: Client,
) -> None:
    everywhere = await _search(client, q="microwave repair")
    assert everywhere["items"][0]["slug"] == "microwave-repair"
    sub_id = everywhere["items"][0]["subcategoryId"]
    cards = await client.get(
        f"/api/v1/services/subcategories/{sub_id}/rate-cards", params={"pincode": AHMEDABAD}
    )
    assert cards.json()["items"] == []  # what the search must agree with

    there = await _search(client, q="microwave repair", pincode=AHMEDABAD)

    assert (there["pincode"], there["serviceable"]) == (AHMEDABAD, True)
    assert "microwave-repair" not in [i["slug"] for i in there["items"]]
    assert [i["slug"] for i in there["items"]] == [
        i["slug"] for i in everywhere["items"] if i["slug"] != "microwave-repair"
    ][: len(there["items"])]


async def test_a_service_offered_at_the_pincode_is_kept_when_a_pincode_is_given(client: Client) -> None:
    body = await _search(client, q="microwave repair", pincode="560034")
    assert body["serviceable"] is True
    assert body["items"][0]["slug"] == "microwave-repair"


async def test_nothing_is_listed_when_the_pincode_is_not_serviceable(client: Client) -> None:
    body = await _search(client, q="ac repair", pincode="560064")
    assert (body["serviceable"], body["items"]) == (False, [])


@pytest.mark.parametrize("pincode", ["56003", "056003", "abcdef", ""])
async def test_malformed_pincode_is_a_400_problem_when_searching(client: Client, pincode: str) -> None:
    response = await client.get(SEARCH, params={"q": "ac", "pincode": pincode})
    assert assert_problem(response, 400, "invalid_pincode")["field"] == "pincode"


@pytest.mark.parametrize("q", ["", "   ", "x" * 121])
async def test_blank_or_too_long_text_is_a_400_problem_when_searching(client: Client, q: str) -> None:
    body = assert_problem(await client.get(SEARCH, params={"q": q}), 400, "invalid_search_query")
    assert body["field"] == "q"


async def test_text_of_120_characters_is_accepted_when_searching(client: Client) -> None:
    assert (await client.get(SEARCH, params={"q": "ac repair " * 12})).status_code == 200


@pytest.mark.parametrize(
    "params", [{}, {"q": "ac", "limit": 0}, {"q": "ac", "limit": 21}, {"q": "ac", "limit": "x"}]
)
async def test_missing_text_or_a_bad_limit_is_a_400_problem_when_searching(
    client: Client, params: dict
) -> None:
    assert_problem(await client.get(SEARCH, params=params), 400, "invalid_request")


async def test_search_is_documented_in_the_openapi_schema_when_docs_are_on(client: Client) -> None:
    spec = (await client.get("/schema/openapi.json")).json()
    operation = spec["paths"][SEARCH]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"q", "pincode", "limit"}
