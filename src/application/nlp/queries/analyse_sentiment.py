"""How a customer message feels, from -1 to 1."""

import msgspec

from application.nlp.ports import SentimentAnalyzer
from application.nlp.text import NlpText, checked_text

NEUTRAL_BAND = 0.05


class SentimentResult(msgspec.Struct, frozen=True):
    score: float
    label: str
    """negative below -NEUTRAL_BAND, positive above NEUTRAL_BAND, neutral in between."""


class AnalyseSentiment:
    """Anyone may score a message; nothing is stored. Raises InvalidInput for blank or over-long text."""

    def __init__(self, analyzer: SentimentAnalyzer) -> None:
        self._analyzer = analyzer

    async def execute(self, query: NlpText) -> SentimentResult:
        score = max(-1.0, min(1.0, await self._analyzer.sentiment(checked_text(query))))
        if score < -NEUTRAL_BAND:
            label = "negative"
        elif score > NEUTRAL_BAND:
            label = "positive"
        else:
            label = "neutral"
        return SentimentResult(score=round(score, 4), label=label)
