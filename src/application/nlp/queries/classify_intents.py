"""What a customer message asks for: intents with confidences, best first."""

import msgspec

from application.nlp.ports import IntentClassifier
from application.nlp.text import NlpText, checked_text


class IntentConfidence(msgspec.Struct, frozen=True):
    intent: str
    confidence: float


class IntentsResult(msgspec.Struct, frozen=True):
    intents: list[IntentConfidence]


class ClassifyIntents:
    """Anyone may classify a message (the chat widget does so before sign-in); nothing is stored.

    Returns at least one intent, best first, confidences in [0, 1], several for a multi-intent message.
    Raises InvalidInput for blank text or text over MAX_TEXT_LENGTH characters.
    """

    def __init__(self, classifier: IntentClassifier) -> None:
        self._classifier = classifier

    async def execute(self, query: NlpText) -> IntentsResult:
        scores = await self._classifier.classify(checked_text(query))
        ranked = sorted(scores, key=lambda s: -s.confidence)
        return IntentsResult(
            intents=[
                IntentConfidence(s.intent.value, round(min(1.0, max(0.0, s.confidence)), 4)) for s in ranked
            ]
        )
