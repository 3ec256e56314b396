"""Intents, sentiment and entities through a language model: what is asked, and how replies are checked."""

from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from adapters.nlp.gemini_entities import GeminiEntityExtractor
from adapters.nlp.gemini_intents import GeminiIntentClassifier
from adapters.nlp.gemini_sentiment import GeminiSentiment
from application.ai.ports import AIServiceError, ModelTier
from application.nlp.ports import Intent, IntentScore, ServiceMention
from domain.shared.money import Money
from tests.ai_fakes import ScriptedLlm

IST = ZoneInfo("Asia/Kolkata")
NOW = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)  # Tuesday noon IST


class Catalog:
    """A ServiceResolver over a fixed synonym table."""

    KNOWN = {"ac": (7, "AC Service and Repair"), "plumbr": (3, "Plumbing")}

    async def resolve(self, text: str, limit: int = 3) -> Sequence[ServiceMention]:
        hit = self.KNOWN.get(text.lower())
        return [ServiceMention(hit[0], hit[1], text, 0.9)] if hit else []


async def test_intents_are_ranked_best_first_and_clamped_when_the_model_names_several() -> None:
    llm = ScriptedLlm(
        '{"intents": [{"intent": "complaint", "confidence": 0.6}, {"intent": "reschedule_booking", '
        '"confidence": 1.3}, {"intent": "complaint", "confidence": 0.7}, '
        '{"intent": "greeting", "confidence": 0.01}]}'
    )

    scores = await GeminiIntentClassifier(llm).classify("tech never came, move it to kal")

    assert scores == [IntentScore(Intent.RESCHEDULE_BOOKING, 1.0), IntentScore(Intent.COMPLAINT, 0.7)]
    assert llm.tiers == [ModelTier.LIGHT]
    prompt = llm.prompts[0]
    assert prompt.purpose == "intents"
    assert prompt.turns[0].text == "tech never came, move it to kal"
    assert all(label.value in (prompt.system or "") for label in Intent)


async def test_intents_refuse_a_label_outside_the_nine_when_the_model_invents_one() -> None:
    llm = ScriptedLlm('{"intents": [{"intent": "buy_car", "confidence": 0.9}]}')

    with pytest.raises(AIServiceError):
        await GeminiIntentClassifier(llm).classify("I want a car")


async def test_intents_of_empty_text_are_out_of_scope_without_asking_the_model() -> None:
    llm = ScriptedLlm()

    assert await GeminiIntentClassifier(llm).classify("   ") == [IntentScore(Intent.OUT_OF_SCOPE, 1.0)]
    assert llm.prompts == []


async def test_sentiment_is_clamped_to_minus_one_to_one() -> None:
    assert await GeminiSentiment(ScriptedLlm('{"sentiment": -3.5}')).sentiment("worst ever") == -1.0
    assert await GeminiSentiment(ScriptedLlm('{"sentiment": 0.4}')).sentiment("theek tha") == 0.4


async def test_entities_are_checked_and_services_resolved_through_the_catalog() -> None:
    llm = ScriptedLlm(
        '{"services": ["AC", "spaceship"], "when": {"start": "2026-11-25T16:00", "end": "2026-11-25T20:00", '
        '"text": "kal shaam"}, "pincode": "560001", "booking_reference": "bk-20261124-0007", "quantity": 2, '
        '"budget_inr": 1500}'
    )

    entities = await GeminiEntityExtractor(llm, Catalog()).extract(
        "2 AC kal shaam 560001 under 1500", now=NOW
    )

    assert entities.services == (ServiceMention(7, "AC Service and Repair", "AC", 0.9),)
    assert entities.when is not None
    assert (entities.when.start, entities.when.end) == (
        datetime(2026, 11, 25, 16, 0, tzinfo=IST),
        datetime(2026, 11, 25, 20, 0, tzinfo=IST),
    )
    assert (entities.pincode, entities.booking_reference, entities.quantity) == (
        "560001",
        "BK-20261124-0007",
        2,
    )
    assert entities.budget == Money.of("1500.00")
    assert "2026-11-24T12:00 (Tuesday)" in (llm.prompts[0].system or "")


async def test_entities_drop_values_that_fail_the_local_checks() -> None:
    llm = ScriptedLlm(
        '{"services": [], "when": {"start": "2026-11-25T20:00", "end": "2026-11-25T16:00", "text": "x"}, '
        '"pincode": "012345", "booking_reference": "BK-1", "quantity": -1, "budget_inr": -5}'
    )

    entities = await GeminiEntityExtractor(llm, Catalog()).extract("gibberish", now=NOW)

    assert (entities.when, entities.pincode, entities.booking_reference) == (None, None, None)
    assert (entities.quantity, entities.budget, entities.services) == (None, None, ())
