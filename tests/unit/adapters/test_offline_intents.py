"""The offline intent classifier on phrasing it never saw, on multi-intent messages, and on junk."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from adapters.nlp.labelled_files import ShippedLabelledData, read_utterances
from adapters.nlp.normalise import normalise
from adapters.nlp.offline_intents import OfflineIntentClassifier
from application.nlp.evaluation import score_intents
from application.nlp.ports import Intent

DATA = ShippedLabelledData()
CLASSIFIER = OfflineIntentClassifier(DATA.intent_training())


def test_the_labelled_data_has_hundreds_of_utterances_in_every_intent() -> None:
    train, held_out = DATA.intent_training(), DATA.intent_held_out()
    assert len(train) + len(held_out) >= 700
    for intent in Intent:
        assert sum(intent in u.intents for u in train) >= 50, intent
        assert sum(intent in u.intents for u in held_out) >= 18, intent
    assert sum(len(u.intents) > 1 for u in train) >= 15
    assert sum(len(u.intents) > 1 for u in held_out) >= 12


def test_the_held_out_split_shares_no_near_duplicate_with_training() -> None:
    train = [normalise(u.text) for u in DATA.intent_training()]
    for utterance in DATA.intent_held_out():
        text = normalise(utterance.text)
        assert text not in train
        if len(text.split()) >= 3:  # one- and two-word greetings are a closed class
            closest = max(train, key=lambda t: fuzz.ratio(t, text))
            assert fuzz.ratio(closest, text) < 85, (utterance.text, closest)


def test_macro_f1_on_the_held_out_split_is_at_least_090() -> None:
    held_out = DATA.intent_held_out()
    report = score_intents(held_out, [CLASSIFIER.classify_now(u.text) for u in held_out])

    assert report.macro_f1 >= 0.90, report.per_label
    assert report.accuracy >= 0.90
    assert report.single_intent_extra <= 0.08
    assert report.multi_intent_exact >= 0.5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cancel my cleaning and book a plumber instead", {Intent.CANCEL_BOOKING, Intent.BOOK_SERVICE}),
        (
            "please move my AC service to monday and also tell me the refund policy",
            {Intent.RESCHEDULE_BOOKING, Intent.POLICY_QUESTION},
        ),
        ("electrician cancel karo aur kal subah plumber bhejo", {Intent.CANCEL_BOOKING, Intent.BOOK_SERVICE}),
        ("the cleaner never came. will I get my money back?", {Intent.COMPLAINT, Intent.POLICY_QUESTION}),
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
    other = OfflineIntentClassifier(DATA.intent_training())
    for u in DATA.intent_held_out()[:40]:
        assert await other.classify(u.text) == CLASSIFIER.classify_now(u.text)


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
