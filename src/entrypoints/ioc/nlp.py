"""Language services, offline (the embedded default): intents, entities and sentiment.

With NEXORA_LLM_PROVIDER=gemini, entrypoints/ioc/ai.py overrides the port bindings below with the
model-backed adapters (its providers come after this one in the container)."""

from dishka import Provider, Scope, provide, provide_all

from adapters.nlp.catalog_services import CatalogServiceResolver
from adapters.nlp.labelled_files import ShippedLabelledData
from adapters.nlp.offline_entities import OfflineEntityExtractor
from adapters.nlp.offline_intents import OfflineIntentClassifier
from adapters.nlp.vader import VaderSentiment
from application.nlp.labelled import LabelledData
from application.nlp.ports import EntityExtractor, IntentClassifier, SentimentAnalyzer, ServiceResolver
from application.nlp.queries.analyse_sentiment import AnalyseSentiment
from application.nlp.queries.classify_intents import ClassifyIntents
from application.nlp.queries.evaluate_entities import EvaluateEntities
from application.nlp.queries.evaluate_intents import EvaluateIntents
from application.nlp.queries.extract_entities import ExtractEntities


class NlpProvider(Provider):
    scope = Scope.APP

    sentiment = provide(VaderSentiment, provides=SentimentAnalyzer)
    labelled = provide(ShippedLabelledData, provides=LabelledData)

    @provide
    def intents(self, data: LabelledData) -> IntentClassifier:
        """One model per process, trained from the shipped training split on first use."""
        return OfflineIntentClassifier(data.intent_training())

    services = provide(CatalogServiceResolver, provides=ServiceResolver, scope=Scope.REQUEST)
    entities = provide(OfflineEntityExtractor, provides=EntityExtractor, scope=Scope.REQUEST)
    handlers = provide_all(
        ClassifyIntents,
        ExtractEntities,
        AnalyseSentiment,
        EvaluateIntents,
        EvaluateEntities,
        scope=Scope.REQUEST,
    )
