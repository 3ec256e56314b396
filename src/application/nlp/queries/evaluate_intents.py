"""Measure the intent classifier on a labelled split (for `nexora nlp eval` and the tests)."""

from application.nlp.evaluation import IntentReport, score_intents
from application.nlp.labelled import HELD_OUT_SPLITS, LabelledData
from application.nlp.ports import IntentClassifier

TRAINING = 0
"""`split` value for the training split; the others are the numbers in HELD_OUT_SPLITS."""


class EvaluateIntents:
    """Operators and CI run it; it reads only the shipped labelled data and stores nothing."""

    def __init__(self, classifier: IntentClassifier, data: LabelledData) -> None:
        self._classifier = classifier
        self._data = data

    async def execute(self, *, split: int = HELD_OUT_SPLITS[0]) -> IntentReport:
        examples = self._data.intent_training() if split == TRAINING else self._data.intent_held_out(split)
        predictions = [await self._classifier.classify(u.text) for u in examples]
        return score_intents(examples, predictions)
