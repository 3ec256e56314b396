"""The Gemini language model and the language services built on it (NLP ports overridden), wired only with
NEXORA_LLM_PROVIDER=gemini: imported lazily so the offline default never loads google-genai."""

from collections.abc import AsyncIterator
from datetime import timedelta

from dishka import Provider, Scope, provide
from google import genai

from adapters.ai.gemini_llm import GeminiLlm, make_gemini_client
from adapters.ai.metering import Meter
from adapters.ai.response_cache import ResponseCache
from adapters.ai.retry import RetryPolicy
from adapters.nlp.gemini_entities import GeminiEntityExtractor
from adapters.nlp.gemini_intents import GeminiIntentClassifier
from adapters.nlp.gemini_sentiment import GeminiSentiment
from application.ai.ports import LanguageModel, ModelTier
from application.common.ports import Cache
from application.nlp.ports import EntityExtractor, IntentClassifier, SentimentAnalyzer
from entrypoints.ioc.ai import breaker_for
from entrypoints.settings import Settings


class GeminiLlmProvider(Provider):
    scope = Scope.APP

    @provide
    async def client(self, settings: Settings) -> AsyncIterator[genai.Client]:
        assert settings.gemini_api_key is not None  # enforced by Settings
        client = make_gemini_client(
            settings.gemini_api_key.get_secret_value(),
            base_url=settings.gemini_base_url,
            timeout_seconds=settings.llm_timeout_seconds,
        )
        yield client
        await client.aio.aclose()

    @provide
    def language_model(
        self, client: genai.Client, settings: Settings, cache: Cache, meter: Meter
    ) -> LanguageModel:
        return GeminiLlm(
            client,
            models={ModelTier.LIGHT: settings.llm_model_light, ModelTier.STRONG: settings.llm_model_strong},
            meter=meter,
            cache=ResponseCache(cache, timedelta(seconds=settings.llm_cache_ttl_seconds)),
            retry=RetryPolicy(max_attempts=settings.llm_max_attempts),
            timeout_seconds=settings.llm_timeout_seconds,
            deadline_seconds=settings.llm_deadline_seconds,
            breaker=breaker_for("gemini", settings),
        )

    intents = provide(GeminiIntentClassifier, provides=IntentClassifier)
    sentiment = provide(GeminiSentiment, provides=SentimentAnalyzer)
    entities = provide(GeminiEntityExtractor, provides=EntityExtractor, scope=Scope.REQUEST)
