"""Scores of an intent classifier on labelled messages: accuracy, macro-F1, per-label P/R/F1, confusion.

Single-label view: the classifier's best intent is right when it is one of the message's intents
(any of them, for a multi-intent message). Multi-intent view: the set of intents returned must equal
the labelled set exactly.
"""

from collections.abc import Sequence

import msgspec

from application.nlp.labelled import LabelledUtterance
from application.nlp.ports import Intent, IntentScore

LABELS = tuple(Intent)


class LabelScores(msgspec.Struct, frozen=True):
    intent: str
    precision: float
    recall: float
    f1: float
    support: int


class IntentReport(msgspec.Struct, frozen=True):
    size: int
    accuracy: float
    macro_f1: float
    per_label: list[LabelScores]
    labels: list[str]
    confusion: list[list[int]]
    """confusion[i][j]: messages labelled labels[i] whose best intent was labels[j]."""
    multi_intent_size: int
    multi_intent_exact: float
    """Share of multi-intent messages whose returned set equals the labelled set."""
    single_intent_extra: float
    """Share of single-intent messages that got more than one intent back."""


def score_intents(
    examples: Sequence[LabelledUtterance], predictions: Sequence[Sequence[IntentScore]]
) -> IntentReport:
    if len(examples) != len(predictions) or not examples:
        raise ValueError("need one non-empty prediction list per example")
    index = {label: i for i, label in enumerate(LABELS)}
    confusion = [[0] * len(LABELS) for _ in LABELS]
    correct = multi = multi_exact = singles = singles_extra = 0
    for example, predicted in zip(examples, predictions, strict=True):
        best = predicted[0].intent
        gold = best if best in example.intents else example.intents[0]
        confusion[index[gold]][index[best]] += 1
        correct += best == gold
        returned = {score.intent for score in predicted}
        if len(example.intents) > 1:
            multi += 1
            multi_exact += returned == set(example.intents)
        else:
            singles += 1
            singles_extra += len(returned) > 1
    per_label = [_label_scores(label, i, confusion) for i, label in enumerate(LABELS)]
    return IntentReport(
        size=len(examples),
        accuracy=correct / len(examples),
        macro_f1=sum(s.f1 for s in per_label) / len(per_label),
        per_label=per_label,
        labels=[label.value for label in LABELS],
        confusion=confusion,
        multi_intent_size=multi,
        multi_intent_exact=multi_exact / multi if multi else 0.0,
        single_intent_extra=singles_extra / singles if singles else 0.0,
    )


def _label_scores(label: Intent, i: int, confusion: list[list[int]]) -> LabelScores:
    true_positive = confusion[i][i]
    predicted = sum(row[i] for row in confusion)
    support = sum(confusion[i])
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / support if support else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return LabelScores(label.value, precision, recall, f1, support)
