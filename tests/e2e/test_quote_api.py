"""POST /api/v1/services/quote over HTTP in both profiles, against the demo catalog."""

from decimal import Decimal

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.e2e.conftest import assert_problem

Client = AsyncTestClient[Litestar]


async def _ac_cards(client: Client) -> list[dict[str, object]]:
    categories = (await client.get("/api/v1/services/categories")).json()["items"]
    category = next(c["id"] for c in categories if c["slug"] == "ac-repair" or "AC" in c["name"])
    subs = (await client.get(f"/api/v1/services/categories/{category}/subcategories")).json()["items"]
    cards = (
        await client.get(
            f"/api/v1/services/subcategories/{subs[0]['id']}/rate-cards", params={"pincode": "560034"}
        )
    ).json()
    return list(cards["items"])


async def test_quote_matches_the_rate_cards_and_the_stated_gst_rule_when_priced(client: Client) -> None:
    cards = await _ac_cards(client)
    body = {"pincode": "560034", "items": [{"rateCardId": cards[0]["id"], "quantity": 3}]}
    response = await client.post("/api/v1/services/quote", json=body)
    assert response.status_code == 200, response.text
    quote = response.json()
    unit = Decimal(cards[0]["price"]["amount"])  # type: ignore[index]
    assert Decimal(quote["subtotal"]) == unit * 3
    assert Decimal(quote["gst"]) == (unit * 3 * Decimal("0.18")).quantize(Decimal("0.01"))
    assert Decimal(quote["total"]) == Decimal(quote["subtotal"]) + Decimal(quote["gst"])
    assert quote["currency"] == "INR"
    assert quote["gstRate"] == "0.18"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"pincode": "56003", "items": [{"rateCardId": 1}]}, 400, "invalid_pincode"),
        ({"pincode": "560034", "items": [{"rateCardId": 1, "quantity": -2}]}, 400, "invalid_request"),
        ({"pincode": "560034", "items": [{"rateCardId": 1, "quantity": 0}]}, 400, "invalid_request"),
        ({"pincode": "560034", "items": []}, 400, "invalid_request"),
        ({"pincode": "560034"}, 400, "invalid_request"),
        ({"pincode": "560034", "items": [{"rateCardId": 1}, {"rateCardId": 1}]}, 400, "invalid_value"),
        ({"pincode": "560034", "items": [{"rateCardId": 999999}]}, 404, "rate_card_not_found"),
        ({"pincode": "999999", "items": [{"rateCardId": 1}]}, 422, "not_offered_at_pincode"),
    ],
)
async def test_bad_quotes_get_a_clear_problem_when_requested(
    client: Client, body: dict[str, object], status: int, code: str
) -> None:
    assert_problem(await client.post("/api/v1/services/quote", json=body), status, code)
