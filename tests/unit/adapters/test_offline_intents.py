"""The offline intent classifier on phrasing it never saw, on multi-intent messages, and on junk."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from adapters.nlp import offline_intents
from adapters.nlp.devanagari import romanise
from adapters.nlp.intent_lexicon import CONCEPTS_FILE, phrase_pattern, read_concepts
from adapters.nlp.labelled_files import ShippedLabelledData, read_utterances
from adapters.nlp.normalise import normalise
from adapters.nlp.offline_intents import OfflineIntentClassifier
from application.nlp.evaluation import score_intents
from application.nlp.labelled import HELD_OUT_SPLITS
from application.nlp.ports import Intent

DATA = ShippedLabelledData()
CLASSIFIER = OfflineIntentClassifier(DATA.intent_training())
SPLITS = HELD_OUT_SPLITS
MACRO_F1_FLOOR = {6: 0.94, 7: 0.94, 8: 0.95}
"""Per split, set AFTER measuring the final model on each (macro-F1 0.964, 0.958 and 0.974, README "Language
services") and rounded down 2-3 points: a regression guard at the honest level, not a target the model was
tuned to (it was tuned by cross-validation on the training split only)."""
MULTI_INTENT_EXACT_FLOOR = {6: 0.8, 7: 0.68, 8: 0.74}
"""Measured 0.833 (25 of 30), 0.720 (18 of 25) and 0.778 (21 of 27)."""
SINGLE_INTENT_EXTRA_CEILING = {6: 0.07, 7: 0.1, 8: 0.14}
"""Measured 0.048, 0.080 and 0.115: single-intent messages that got a second intent back."""


def _normalised(utterances) -> list[str]:
    """As the model sees them: Devanagari typed in Latin letters, then normalised."""
    return [normalise(romanise(u.text)) for u in utterances]


def test_the_labelled_data_has_thousands_of_training_utterances_and_hundreds_held_out() -> None:
    train = DATA.intent_training()
    assert len(train) >= 3000
    for intent in Intent:
        assert sum(intent in u.intents for u in train) >= 200, intent
    assert sum(len(u.intents) > 1 for u in train) >= 150
    for split in SPLITS:
        held_out = DATA.intent_held_out(split)
        assert len(held_out) >= 200
        for intent in Intent:  # split 8 lost its greetings that repeated training ones ("hi", "thanks")
            assert sum(intent in u.intents for u in held_out) >= 14, (split, intent)
        assert sum(len(u.intents) > 1 for u in held_out) >= 20


@pytest.mark.parametrize("split", SPLITS)
def test_a_held_out_split_shares_no_near_duplicate_with_training(split: int) -> None:
    train = _normalised(DATA.intent_training())
    for utterance in DATA.intent_held_out(split):
        text = normalise(romanise(utterance.text))
        assert text not in train
        if len(text.split()) >= 3:  # one- and two-word greetings are a closed class
            closest = max(train, key=lambda t: fuzz.ratio(t, text))
            assert fuzz.ratio(closest, text) < 85, (utterance.text, closest)


def _leaking(lexicon: Path, train: list[str], held_out: list[str]) -> list[tuple[str, str]]:
    """Concept phrases that match a held-out message but no training message."""
    return [
        (concept, phrase)
        for concept, phrases in read_concepts(lexicon).items()
        for phrase in phrases
        if any(phrase_pattern(phrase).search(t) for t in held_out)
        and not any(phrase_pattern(phrase).search(t) for t in train)
    ]


def test_no_concept_phrase_matches_a_held_out_message_unless_it_also_matches_a_training_message() -> None:
    """The lexicon may generalise what training shows, never carry held-out wording into the model."""
    train = _normalised(DATA.intent_training())
    held_out = [text for split in SPLITS for text in _normalised(DATA.intent_held_out(split))]

    assert _leaking(CONCEPTS_FILE, train, held_out) == []


def test_the_leak_rule_catches_a_phrase_taken_from_a_held_out_message(tmp_path: Path) -> None:
    lexicon = tmp_path / "concepts.txt"
    lexicon.write_text("cancel: cancel*\nstatus: booking ka kya hua, ki khabar do\n", encoding="utf-8")
    train = ["cancel my booking", "booking ka kya hua"]
    held_out = ["cancelled it already", "plumber ki khabar do"]

    assert _leaking(lexicon, train, held_out) == [("status", "ki khabar do")]


@pytest.mark.parametrize("split", SPLITS)
def test_macro_f1_on_each_held_out_split_stays_at_its_measured_level(split: int) -> None:
    held_out = DATA.intent_held_out(split)
    report = score_intents(held_out, [CLASSIFIER.classify_now(u.text) for u in held_out])

    assert report.macro_f1 >= MACRO_F1_FLOOR[split], report.per_label
    assert report.accuracy >= MACRO_F1_FLOOR[split]
    assert report.single_intent_extra <= SINGLE_INTENT_EXTRA_CEILING[split]
    assert report.multi_intent_exact >= MULTI_INTENT_EXACT_FLOOR[split]


def test_an_unknown_held_out_split_is_refused() -> None:
    with pytest.raises(ValueError, match="held-out splits are 6, 7, 8, not 1"):
        DATA.intent_held_out(1)


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("do not cancel my booking", Intent.CANCEL_BOOKING),
        ("please don't cancel the plumber visit", Intent.CANCEL_BOOKING),
        ("booking cancel mat karo", Intent.CANCEL_BOOKING),
        ("don't reschedule my cleaning, keep it on friday", Intent.RESCHEDULE_BOOKING),
    ],
)
def test_an_action_the_customer_asks_not_to_take_is_not_returned_as_their_intent(
    text: str, negated: Intent
) -> None:
    assert negated not in {s.intent for s in CLASSIFIER.classify_now(text)}


def test_a_negated_cancel_with_another_request_gives_the_other_request() -> None:
    scores = CLASSIFIER.classify_now("don't cancel, just move it to friday evening")

    assert scores[0].intent == Intent.RESCHEDULE_BOOKING
    assert Intent.CANCEL_BOOKING not in {s.intent for s in scores}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cancel my cleaning and book a plumber instead", {Intent.CANCEL_BOOKING, Intent.BOOK_SERVICE}),
        (
            "please move my AC service to monday and also tell me the refund policy",
            {Intent.RESCHEDULE_BOOKING, Intent.POLICY_QUESTION},
        ),
        ("electrician cancel karo aur kal subah plumber bhejo", {Intent.CANCEL_BOOKING, Intent.BOOK_SERVICE}),
        ("the cleaner never came. will I get a refund?", {Intent.COMPLAINT, Intent.POLICY_QUESTION}),
        ("मेरी सफ़ाई की बुकिंग रद्द कर दो। कल सुबह प्लंबर भेज दो", {Intent.CANCEL_BOOKING, Intent.BOOK_SERVICE}),
    ],
)
def test_two_requests_in_one_message_give_both_intents_when_joined_by_a_conjunction(
    text: str, expected: set[Intent]
) -> None:
    assert {s.intent for s in CLASSIFIER.classify_now(text)} == expected


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("kal subah plumber chahiye", Intent.BOOK_SERVICE),
        ("mera booking cancel karo", Intent.CANCEL_BOOKING),
        ("plz cancle my bookng", Intent.CANCEL_BOOKING),
        ("namaste ji", Intent.GREETING),
        ("who won the football world cup", Intent.OUT_OF_SCOPE),
    ],
)
def test_hinglish_typos_and_chatter_get_one_intent_when_the_message_asks_one_thing(
    text: str, intent: Intent
) -> None:
    scores = CLASSIFIER.classify_now(text)
    assert [s.intent for s in scores] == [intent]


async def test_two_classifiers_trained_apart_agree_exactly_when_given_the_same_data() -> None:
    CLASSIFIER.warm()
    offline_intents._train_once.cache_clear()  # train the second one from scratch
    other = OfflineIntentClassifier(DATA.intent_training())
    for u in DATA.intent_held_out()[:40]:
        assert await other.classify(u.text) == CLASSIFIER.classify_now(u.text)


def test_classifiers_over_the_same_training_data_share_one_model_per_process() -> None:
    first = OfflineIntentClassifier(DATA.intent_training())
    second = OfflineIntentClassifier(list(DATA.intent_training()))
    first.warm()
    second.warm()

    assert first._trained() is second._trained()


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_classify_never_fails_and_ranks_confidences_in_0_1_when_given_any_text(text: str) -> None:
    scores = CLASSIFIER.classify_now(text)

    assert scores
    confidences = [s.confidence for s in scores]
    assert all(0.0 <= c <= 1.0 for c in confidences)
    assert confidences == sorted(confidences, reverse=True)
    assert len({s.intent for s in scores}) == len(scores)


def test_a_malformed_line_in_a_labelled_file_is_reported_with_its_line_number(tmp_path: Path) -> None:
    bad = tmp_path / "intents.tsv"
    bad.write_text("# comment\ngreeting\thi\nbook_service without a tab\n", encoding="utf-8")

    with pytest.raises(ValueError, match=r"intents.tsv:3"):
        read_utterances(bad)


def test_an_unknown_intent_in_a_labelled_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "intents.tsv"
    bad.write_text("order_pizza\tone margherita\n", encoding="utf-8")

    with pytest.raises(ValueError, match="order_pizza"):
        read_utterances(bad)
