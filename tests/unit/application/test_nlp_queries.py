"""The language-service use cases with scripted adapters: input rules, ordering, clamping, the clock,
and the scoring behind `nexora nlp eval`."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from application.common.errors import InvalidInput
from application.nlp.evaluation import score_intents
from application.nlp.labelled import LabelledUtterance
from application.nlp.ports import Entities, Intent, IntentScore, ServiceMention, TimeWindow
from application.nlp.queries.analyse_sentiment import AnalyseSentiment
from application.nlp.queries.classify_intents import ClassifyIntents
from application.nlp.queries.extract_entities import ExtractEntities
from application.nlp.text import MAX_TEXT_LENGTH, NlpText
from domain.shared.money import Money
from tests.fakes import FakeClock
from tests.nlp_fakes import ScriptedClassifier, ScriptedExtractor, ScriptedSentiment

NOW = datetime(2026, 11, 25, 4, 30, tzinfo=UTC)


@pytest.mark.parametrize("text", ["", "   \n\t", "x" * (MAX_TEXT_LENGTH + 1)])
async def test_every_service_refuses_blank_or_over_long_text_before_calling_the_adapter(text: str) -> None:
    classifier = ScriptedClassifier([IntentScore(Intent.GREETING, 1.0)])
    extractor = ScriptedExtractor(Entities())
    handlers = [
        ClassifyIntents(classifier),
        ExtractEntities(extractor, FakeClock(NOW)),
        AnalyseSentiment(ScriptedSentiment(0.0)),
    ]
    for handler in handlers:
        with pytest.raises(InvalidInput) as caught:
            await handler.execute(NlpText(text))  # type: ignore[attr-defined]
        assert caught.value.field == "text"
    assert classifier.seen == []
    assert extractor.calls == []


async def test_intents_come_back_best_first_within_0_1_when_the_adapter_is_sloppy() -> None:
    classifier = ScriptedClassifier(
        [IntentScore(Intent.COMPLAINT, 0.4), IntentScore(Intent.BOOK_SERVICE, 1.2)]
    )

    result = await ClassifyIntents(classifier).execute(NlpText("  the plumber never came, book another  "))

    assert [(i.intent, i.confidence) for i in result.intents] == [("book_service", 1.0), ("complaint", 0.4)]
    assert classifier.seen == ["the plumber never came, book another"]


async def test_entities_are_resolved_against_the_clock_when_extracted() -> None:
    window = TimeWindow(NOW, NOW, "kal")
    extractor = ScriptedExtractor(
        Entities(
            services=(ServiceMention(7, "AC Service", "ac", 0.91),),
            when=window,
            pincode="560034",
            booking_reference="BK-20261120-0042",
            quantity=2,
            budget=Money(Decimal("1500")),
        )
    )

    result = await ExtractEntities(extractor, FakeClock(NOW)).execute(NlpText("2 AC kal"))

    assert extractor.calls == [("2 AC kal", NOW)]
    assert result.services[0].name == "AC Service"
    assert result.services[0].subcategory_id == 7
    assert result.when is not None
    assert result.when.text == "kal"
    assert result.budget is not None
    assert result.budget.amount == Decimal("1500.00")
    assert (result.pincode, result.booking_reference, result.quantity) == ("560034", "BK-20261120-0042", 2)


@pytest.mark.parametrize(
    ("score", "label", "shown"),
    [(-3.0, "negative", -1.0), (-0.2, "negative", -0.2), (0.01, "neutral", 0.01), (0.7, "positive", 0.7)],
)
async def test_sentiment_is_clamped_and_labelled_when_scored(score: float, label: str, shown: float) -> None:
    result = await AnalyseSentiment(ScriptedSentiment(score)).execute(NlpText("anything"))
    assert (result.score, result.label) == (shown, label)


def _u(text: str, *intents: Intent) -> LabelledUtterance:
    return LabelledUtterance(text, intents)


def test_scores_count_a_multi_intent_hit_as_right_and_build_the_confusion_matrix() -> None:
    examples = [
        _u("a", Intent.GREETING),
        _u("b", Intent.GREETING),
        _u("c", Intent.COMPLAINT),
        _u("d", Intent.CANCEL_BOOKING, Intent.BOOK_SERVICE),
    ]
    predictions = [
        [IntentScore(Intent.GREETING, 0.9)],
        [IntentScore(Intent.COMPLAINT, 0.6)],
        [IntentScore(Intent.COMPLAINT, 0.8), IntentScore(Intent.BOOK_SERVICE, 0.7)],
        [IntentScore(Intent.BOOK_SERVICE, 0.8), IntentScore(Intent.CANCEL_BOOKING, 0.7)],
    ]

    report = score_intents(examples, predictions)

    assert report.accuracy == 0.75
    labels = report.labels
    assert report.confusion[labels.index("greeting")][labels.index("complaint")] == 1
    assert report.confusion[labels.index("book_service")][labels.index("book_service")] == 1
    by_label = {s.intent: s for s in report.per_label}
    assert (by_label["greeting"].precision, by_label["greeting"].recall) == (1.0, 0.5)
    assert (by_label["complaint"].precision, by_label["complaint"].recall) == (0.5, 1.0)
    assert report.multi_intent_exact == 1.0
    assert report.single_intent_extra == pytest.approx(1 / 3)
    f1s = [s.f1 for s in report.per_label]
    assert report.macro_f1 == pytest.approx(sum(f1s) / len(f1s))


def test_scoring_refuses_mismatched_inputs() -> None:
    with pytest.raises(ValueError, match="one non-empty prediction list"):
        score_intents([_u("a", Intent.GREETING)], [])
