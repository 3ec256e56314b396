"""The language model and the services built on it: offline (embedded default) or Gemini, by
NEXORA_LLM_PROVIDER. Gemini mode also serves intents, sentiment and entities through the model, overriding
the offline bindings of NlpProvider (list these providers after it)."""

from collections.abc import AsyncIterator
from datetime import timedelta

from dishka import Provider, Scope, provide
from google import genai
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.ai.circuit_breaker import CircuitBreaker
from adapters.ai.gemini_llm import GeminiLlm, make_gemini_client
from adapters.ai.metering import Meter, PriceTable
from adapters.ai.offline_llm import OfflineLlm
from adapters.ai.response_cache import ResponseCache
from adapters.ai.retry import RetryPolicy
from adapters.nlp.gemini_entities import GeminiEntityExtractor
from adapters.nlp.gemini_intents import GeminiIntentClassifier
from adapters.nlp.gemini_sentiment import GeminiSentiment
from adapters.persistence.llm_usage import SqlaLlmUsageLog
from application.ai.ports import LanguageModel, ModelTier, UsageRecorder, UsageReport
from application.ai.queries.usage_by_model import UsageByModel
from application.common.ports import Cache, Clock
from application.nlp.ports import EntityExtractor, IntentClassifier, SentimentAnalyzer
from entrypoints.settings import Settings


def breaker_for(
    service: str, settings: Settings, *, slow_call_seconds: float | None = None
) -> CircuitBreaker:
    """A circuit breaker for one app-wide adapter, shared by every request of the process. With
    `slow_call_seconds`, a call its caller gives up on after that long counts as a failure."""
    return CircuitBreaker(
        service,
        failure_threshold=settings.ai_breaker_failures,
        cooldown_seconds=settings.ai_breaker_cooldown_seconds,
        slow_call_seconds=slow_call_seconds,
    )


class AiAccountingProvider(Provider):
    """Every model call is recorded in `llm_calls` with its tokens and cost (`nexora ai usage`)."""

    scope = Scope.APP

    @provide
    def usage_log(self, engine: AsyncEngine) -> SqlaLlmUsageLog:
        return SqlaLlmUsageLog(engine)

    @provide
    def recorder(self, log: SqlaLlmUsageLog) -> UsageRecorder:
        return log

    @provide
    def report(self, log: SqlaLlmUsageLog) -> UsageReport:
        return log

    @provide
    def meter(self, recorder: UsageRecorder, clock: Clock, settings: Settings) -> Meter:
        return Meter(recorder, clock, PriceTable(settings.llm_price_table))

    usage_by_model = provide(UsageByModel, scope=Scope.REQUEST)


class OfflineLlmProvider(Provider):
    """Request-scoped, since the offline entity extractor reads the catalog through the request's session
    (the Gemini model is app-wide: resolve LanguageModel from a request scope so both profiles work)."""

    scope = Scope.REQUEST

    @provide
    def language_model(
        self,
        intents: IntentClassifier,
        sentiment: SentimentAnalyzer,
        entities: EntityExtractor,
        clock: Clock,
        meter: Meter,
    ) -> LanguageModel:
        return OfflineLlm(intents=intents, sentiment=sentiment, entities=entities, clock=clock, meter=meter)


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


def ai_providers(settings: Settings) -> list[Provider]:
    """The providers of the language model for these settings (after NlpProvider in the container)."""
    model = GeminiLlmProvider() if settings.llm_provider == "gemini" else OfflineLlmProvider()
    return [AiAccountingProvider(), model]
