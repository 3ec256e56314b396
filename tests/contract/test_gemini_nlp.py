"""The Gemini NLP services end to end through the real google-genai client and the local Gemini server."""

import json

from adapters.nlp.gemini_intents import GeminiIntentClassifier
from adapters.nlp.gemini_sentiment import GeminiSentiment
from application.nlp.ports import Intent, IntentScore
from tests.contract.test_gemini_llm import LIGHT, Harness
from tests.stubs.gemini_stub import GeminiStub


def _enums(schema: object) -> list[list[str]]:
    if isinstance(schema, dict):
        found = [schema["enum"]] if "enum" in schema else []
        return found + [e for value in schema.values() for e in _enums(value)]
    if isinstance(schema, list):
        return [e for value in schema for e in _enums(value)]
    return []


async def test_intent_request_constrains_the_reply_to_the_nine_labels(gemini_stub: GeminiStub) -> None:
    reply = {
        "intents": [
            {"intent": "cancel_booking", "confidence": 0.88},
            {"intent": "complaint", "confidence": 0.5},
        ]
    }
    gemini_stub.reply_text(json.dumps(reply))

    scores = await GeminiIntentClassifier(Harness(gemini_stub).llm).classify("cancel it, the guy was rude")

    assert scores == [IntentScore(Intent.CANCEL_BOOKING, 0.88), IntentScore(Intent.COMPLAINT, 0.5)]
    [request] = gemini_stub.requests
    assert request.model == LIGHT
    assert request.body["generationConfig"]["temperature"] == 0.0
    assert _enums(request.body["generationConfig"]["responseJsonSchema"]) == [sorted(i.value for i in Intent)]
    assert "out_of_scope" in request.body["systemInstruction"]["parts"][0]["text"]


async def test_sentiment_request_returns_the_model_score(gemini_stub: GeminiStub) -> None:
    gemini_stub.reply_text('{"sentiment": -0.75}')

    assert await GeminiSentiment(Harness(gemini_stub).llm).sentiment("bahut bekaar service") == -0.75
