"""The language model and the services built on it: offline (embedded default) or Gemini, by
NEXORA_LLM_PROVIDER. Gemini mode also serves intents, sentiment and entities through the model, overriding
the offline bindings of NlpProvider (list these providers after it)."""

from dishka import Provider, Scope, provide
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.ai.circuit_breaker import CircuitBreaker
from adapters.ai.metering import Meter, PriceTable
from adapters.ai.offline_llm import OfflineLlm
from adapters.persistence.llm_usage import SqlaLlmUsageLog
from application.ai.ports import LanguageModel, UsageRecorder, UsageReport
from application.ai.queries.usage_by_model import UsageByModel
from application.common.ports import Clock
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


def ai_providers(settings: Settings) -> list[Provider]:
    """The providers of the language model for these settings (after NlpProvider in the container)."""
    if settings.llm_provider == "gemini":
        from entrypoints.ioc.gemini import GeminiLlmProvider  # google-genai loads only when it is used

        return [AiAccountingProvider(), GeminiLlmProvider()]
    return [AiAccountingProvider(), OfflineLlmProvider()]
