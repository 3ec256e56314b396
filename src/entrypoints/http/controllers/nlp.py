"""Language services over HTTP: intents, entities and sentiment of a customer message.

Public, like service search: the chat widget calls them before sign-in, they read nothing private and
store nothing. Offline adapters by default; Gemini with NEXORA_LLM_PROVIDER=gemini.
"""

from typing import Annotated

from dishka.integrations.litestar import FromDishka, inject
from litestar import Controller, post
from litestar.params import Body

from application.nlp.queries.analyse_sentiment import AnalyseSentiment
from application.nlp.queries.classify_intents import ClassifyIntents
from application.nlp.queries.extract_entities import ExtractEntities
from application.nlp.text import NlpText
from entrypoints.http.ai_rate_limit import public_ai_rate_limit
from entrypoints.http.controllers.nlp_schemas import EntitiesOut, IntentsOut, SentimentOut, TextIn
from entrypoints.http.schemas import to_schema

Text = Annotated[TextIn, Body()]


class NlpController(Controller):
    path = "/api/v1/nlp"
    guards = [public_ai_rate_limit]  # may call a paid model: per-client limit
    tags = ["nlp"]

    @post(
        "/intents", summary="What a message asks for: intents with confidences, best first", status_code=200
    )
    @inject
    async def intents(self, data: Text, handler: FromDishka[ClassifyIntents]) -> IntentsOut:
        """Over book_service, cancel_booking, reschedule_booking, booking_status, complaint,
        policy_question, service_info, greeting and out_of_scope; several for a multi-intent message."""
        return to_schema(await handler.execute(NlpText(data.text)), IntentsOut)

    @post(
        "/entities",
        summary="What a message names: services, when, pincode, reference, quantity, budget",
        status_code=200,
    )
    @inject
    async def entities(self, data: Text, handler: FromDishka[ExtractEntities]) -> EntitiesOut:
        """Services resolved to catalog subcategories; `when` is a window in Asia/Kolkata relative to now
        (future preferred: "kal subah" is tomorrow 08:00-12:00); absent entities are null."""
        return to_schema(await handler.execute(NlpText(data.text)), EntitiesOut)

    @post("/sentiment", summary="How a message feels, from -1 to 1", status_code=200)
    @inject
    async def sentiment(self, data: Text, handler: FromDishka[AnalyseSentiment]) -> SentimentOut:
        return to_schema(await handler.execute(NlpText(data.text)), SentimentOut)
