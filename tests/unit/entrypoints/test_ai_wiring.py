"""NEXORA_LLM_PROVIDER picks the language model and the NLP services the whole app gets."""

from pathlib import Path
from typing import Any

import msgspec

from adapters.ai.gemini_llm import GeminiLlm
from adapters.ai.offline_llm import OfflineLlm
from adapters.nlp.gemini_entities import GeminiEntityExtractor
from adapters.nlp.gemini_intents import GeminiIntentClassifier
from adapters.nlp.gemini_sentiment import GeminiSentiment
from adapters.nlp.vader import VaderSentiment
from application.ai.ports import LanguageModel, Prompt
from application.nlp.ports import EntityExtractor, Intent, IntentClassifier, SentimentAnalyzer
from entrypoints.ioc.container import make_container
from entrypoints.settings import load_settings
from tests.stubs.gemini_stub import GeminiStub


class Extracted(msgspec.Struct):
    entities: dict[str, Any] = msgspec.field(default_factory=dict)


async def test_offline_provider_serves_the_offline_model_and_services(seeded_sqlite_url: str) -> None:
    settings = load_settings(database_url=seeded_sqlite_url, redis_url="")
    container = make_container(settings)
    try:
        async with container() as request:
            llm = await request.get(LanguageModel)
            assert isinstance(llm, OfflineLlm)
            found = await llm.generate_structured(Prompt.of("need a plumber at 560034 tomorrow"), Extracted)
            assert found.entities["pincode"] == "560034"
            assert found.entities["services"][0]["name"]
        assert isinstance(await container.get(SentimentAnalyzer), VaderSentiment)
        assert not isinstance(await container.get(IntentClassifier), GeminiIntentClassifier)
    finally:
        await container.close()


async def test_gemini_provider_routes_model_and_nlp_services_through_gemini(
    tmp_path: Path, gemini_stub: GeminiStub
) -> None:
    settings = load_settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'x.db'}",
        redis_url="",
        llm_provider="gemini",
        gemini_api_key=gemini_stub.api_key,
        gemini_base_url=gemini_stub.base_url,
    )
    container = make_container(settings)
    try:
        intents = await container.get(IntentClassifier)
        assert isinstance(await container.get(SentimentAnalyzer), GeminiSentiment)
        async with container() as request:
            llm = await request.get(LanguageModel)
            assert isinstance(llm, GeminiLlm)
            assert isinstance(await request.get(EntityExtractor), GeminiEntityExtractor)

        gemini_stub.reply_text('{"intents": [{"intent": "greeting", "confidence": 0.97}]}')
        assert [s.intent for s in await intents.classify("namaste")] == [Intent.GREETING]
        assert (await llm.generate(Prompt.of("hi", temperature=0.5))).text == "stub reply"
        assert [r.model for r in gemini_stub.requests] == [
            settings.llm_model_light,
            settings.llm_model_strong,
        ]
    finally:
        await container.close()
