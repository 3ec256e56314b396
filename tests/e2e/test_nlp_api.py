"""Intents, entities and sentiment over HTTP, in both profiles, with the offline adapters."""

import asyncio
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from adapters.nlp.offline_intents import OfflineIntentClassifier
from application.nlp.ports import IntentClassifier
from entrypoints.http import model_warmup
from entrypoints.http.app import create_app
from tests.e2e.conftest import assert_problem, make_settings
from tests.stubs.gemini_stub import GeminiStub

Client = AsyncTestClient[Litestar]
IST = ZoneInfo("Asia/Kolkata")
LABELS = {
    "book_service",
    "cancel_booking",
    "reschedule_booking",
    "booking_status",
    "complaint",
    "policy_question",
    "service_info",
    "greeting",
    "out_of_scope",
}


async def _post(client: Client, path: str, text: object) -> dict:
    response = await client.post(f"/api/v1/nlp/{path}", json={"text": text})
    assert response.status_code == 200, response.text
    return response.json()


async def test_intents_come_back_best_first_in_the_documented_shape_when_a_message_asks_two_things(
    client: Client,
) -> None:
    body = await _post(client, "intents", "cancel my cleaning and book a plumber instead")

    assert set(body) == {"intents"}
    assert {i["intent"] for i in body["intents"]} == {"cancel_booking", "book_service"}
    for item in body["intents"]:
        assert set(item) == {"intent", "confidence"}
        assert 0 <= item["confidence"] <= 1
    confidences = [i["confidence"] for i in body["intents"]]
    assert confidences == sorted(confidences, reverse=True)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("kal subah plumber chahiye", "book_service"),
        ("mera booking cancel karo", "cancel_booking"),
        ("what is your cancellation policy", "policy_question"),
        ("tell me a joke", "out_of_scope"),
    ],
)
async def test_a_single_request_gets_its_intent_first_in_english_or_hinglish(
    client: Client, text: str, intent: str
) -> None:
    body = await _post(client, "intents", text)
    assert body["intents"][0]["intent"] == intent
    assert {i["intent"] for i in body["intents"]} <= LABELS


async def test_a_cancellation_the_customer_asks_not_to_make_is_not_reported_as_one(client: Client) -> None:
    body = await _post(client, "intents", "do not cancel my booking")

    assert "cancel_booking" not in {i["intent"] for i in body["intents"]}


async def test_entities_read_a_numeric_date_day_first_and_raat_12_as_midnight(client: Client) -> None:
    on_date = await _post(client, "entities", "AC service on 25/12 raat 12 baje, budget 500-800")

    start = datetime.fromisoformat(on_date["when"]["start"])
    assert (start.month, start.day, start.hour) == (12, 26, 0)  # midnight after the night of 25 December
    assert start.year < 2100
    assert on_date["budget"] == {"amount": "800.00", "currency": "INR"}


async def test_hindi_negation_after_praise_reads_negative(client: Client) -> None:
    body = await _post(client, "sentiment", "kaam accha nahi tha")

    assert body["score"] < 0


async def test_entities_name_the_service_window_pincode_quantity_and_budget_when_the_message_has_them(
    client: Client,
) -> None:
    body = await _post(client, "entities", "kal subah 2 AC service chahiye at 560034, budget under ₹1,500")

    assert set(body) == {"services", "when", "pincode", "bookingReference", "quantity", "budget"}
    assert body["services"][0]["name"] == "AC Service"
    assert set(body["services"][0]) == {"subcategoryId", "name", "matchedText", "score"}
    start = datetime.fromisoformat(body["when"]["start"])
    end = datetime.fromisoformat(body["when"]["end"])
    assert start.utcoffset() == timedelta(hours=5, minutes=30)
    tomorrow = (datetime.now(IST) + timedelta(days=1)).date()
    assert (start.date(), start.hour, end.hour) == (tomorrow, 8, 12)
    assert (body["pincode"], body["quantity"], body["bookingReference"]) == ("560034", 2, None)
    assert body["budget"] == {"amount": "1500.00", "currency": "INR"}


async def test_entities_are_empty_when_the_message_names_nothing(client: Client) -> None:
    body = await _post(client, "entities", "hello there")
    assert body == {
        "services": [],
        "when": None,
        "pincode": None,
        "bookingReference": None,
        "quantity": None,
        "budget": None,
    }


async def test_a_booking_reference_is_read_in_its_normal_form_when_typed_loosely(client: Client) -> None:
    body = await _post(client, "entities", "status of bk 20251118 0044 please")
    assert body["bookingReference"] == "BK-20251118-0044"


async def test_sentiment_of_a_complaint_is_negative_and_of_praise_positive(client: Client) -> None:
    complaint = await _post(client, "sentiment", "The plumber never came, terrible service!!")
    praise = await _post(client, "sentiment", "Very punctual and polite, excellent work")

    assert complaint["label"] == "negative"
    assert -1 <= complaint["score"] < -0.3
    assert praise["label"] == "positive"
    assert 0.3 < praise["score"] <= 1


@pytest.mark.parametrize("path", ["intents", "entities", "sentiment"])
@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"text": ""}, "invalid_request"),
        ({"text": "x" * 2001}, "invalid_request"),
        ({"text": 42}, "invalid_request"),
        ({}, "invalid_request"),
        ({"text": "hi", "extra": 1}, "invalid_request"),
        ({"text": "   "}, "invalid_input"),
    ],
)
async def test_bad_input_is_a_400_problem_on_every_endpoint(
    client: Client, path: str, payload: dict, code: str
) -> None:
    response = await client.post(f"/api/v1/nlp/{path}", json=payload)
    assert_problem(response, 400, code)


@pytest.mark.parametrize("path", ["intents", "entities", "sentiment"])
async def test_a_body_that_is_not_json_is_a_400_problem(client: Client, path: str) -> None:
    response = await client.post(
        f"/api/v1/nlp/{path}", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")


async def test_the_longest_allowed_text_is_accepted(client: Client) -> None:
    body = await _post(client, "intents", ("book a plumber " * 200)[:2000])
    assert body["intents"][0]["intent"] == "book_service"


async def test_the_openapi_document_describes_the_three_endpoints_and_their_text_limit(
    client: Client,
) -> None:
    document = (await client.get("/schema/openapi.json")).json()

    for name in ("intents", "entities", "sentiment"):
        assert "post" in document["paths"][f"/api/v1/nlp/{name}"]
    text = document["components"]["schemas"]["TextIn"]["properties"]["text"]
    assert (text["minLength"], text["maxLength"]) == (1, 2000)


async def test_the_intent_model_is_trained_at_start_up_before_any_request_asks_for_it(
    seeded_sqlite_url: str,
) -> None:
    app = create_app(make_settings(database_url=seeded_sqlite_url))
    async with AsyncTestClient(app=app):
        classifier = await app.state.dishka_container.get(IntentClassifier)
        assert isinstance(classifier, OfflineIntentClassifier)
        for _ in range(600):
            if classifier._model is not None:
                break
            await asyncio.sleep(0.05)
        assert classifier._model is not None


async def test_no_intent_model_is_warmed_at_start_up_when_gemini_classifies(
    seeded_sqlite_url: str, gemini_stub: GeminiStub, monkeypatch: pytest.MonkeyPatch
) -> None:
    warmed: list[object] = []
    monkeypatch.setattr(model_warmup, "_warm", warmed.append)
    settings = make_settings(
        database_url=seeded_sqlite_url,
        llm_provider="gemini",
        gemini_api_key=gemini_stub.api_key,
        gemini_base_url=gemini_stub.base_url,
    )
    async with AsyncTestClient(app=create_app(settings)):
        await asyncio.sleep(0.2)
    async with AsyncTestClient(app=create_app(make_settings(database_url=seeded_sqlite_url))):
        await asyncio.sleep(0.2)

    assert len(warmed) == 1  # the offline app only
