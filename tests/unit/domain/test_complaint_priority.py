"""The priority policy: bounded 0-100, the factors add up to the score, monotonic in severity and in
negative sentiment, and each factor explains itself."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from domain.complaint.entities import ComplaintType, Priority
from domain.complaint.policy import LEVEL_ORDER, TYPE_WEIGHTS, level_for_score
from domain.complaint.priority import PriorityInputs, assess, urgency_words

types = st.sampled_from(ComplaintType)
sentiments = st.one_of(st.none(), st.floats(min_value=-1.0, max_value=1.0, allow_nan=False))
values = st.one_of(st.none(), st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False))
counts = st.integers(min_value=0, max_value=50)
texts = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(["urgent", "fire", "leak", "please", "the", "unsafe", "ASAP!"]), max_size=8).map(
        " ".join
    ),
)


def inputs(
    type: ComplaintType = ComplaintType.OTHER,
    text: str = "",
    sentiment: float | None = 0.0,
    value: Decimal | None = None,
    recent: int = 0,
) -> PriorityInputs:
    return PriorityInputs(
        type=type, text=text, sentiment=sentiment, booking_value=value, recent_complaints=recent
    )


@given(types, texts, sentiments, values, counts)
def test_score_is_bounded_and_is_the_sum_of_its_factors(
    type: ComplaintType, text: str, sentiment: float | None, value: Decimal | None, recent: int
) -> None:
    result = assess(inputs(type, text, sentiment, value, recent))
    assert 0 <= result.score <= 100
    assert result.score == sum(f.points for f in result.factors)
    assert [f.name for f in result.factors] == [
        "type", "sentiment", "booking_value", "recent_complaints", "urgency_words",
    ]  # fmt: skip
    assert LEVEL_ORDER.index(result.level) >= LEVEL_ORDER.index(level_for_score(result.score))


@given(types, types, texts, sentiments, values, counts)
def test_score_is_monotonic_in_severity_when_only_the_type_changes(
    a: ComplaintType, b: ComplaintType, text: str, sentiment: float | None, value: Decimal | None, recent: int
) -> None:
    milder, severer = sorted((a, b), key=TYPE_WEIGHTS.__getitem__)
    low = assess(inputs(milder, text, sentiment, value, recent))
    high = assess(inputs(severer, text, sentiment, value, recent))
    assert low.score <= high.score
    assert LEVEL_ORDER.index(low.level) <= LEVEL_ORDER.index(high.level)


@given(types, texts, st.floats(-1, 1), st.floats(-1, 1), values, counts)
def test_score_is_monotonic_in_negative_sentiment_when_only_sentiment_changes(
    type: ComplaintType, text: str, s1: float, s2: float, value: Decimal | None, recent: int
) -> None:
    angrier, calmer = sorted((s1, s2))
    angry, calm = (
        assess(inputs(type, text, angrier, value, recent)),
        assess(inputs(type, text, calmer, value, recent)),
    )
    assert angry.score >= calm.score
    assert LEVEL_ORDER.index(angry.level) >= LEVEL_ORDER.index(calm.level)


@given(types, texts, sentiments, values, counts, counts)
def test_more_recent_complaints_never_lower_the_score(
    type: ComplaintType, text: str, sentiment: float | None, value: Decimal | None, r1: int, r2: int
) -> None:
    fewer, more = sorted((r1, r2))
    assert (
        assess(inputs(type, text, sentiment, value, fewer)).score
        <= assess(inputs(type, text, sentiment, value, more)).score
    )


def test_safety_and_damage_weigh_most_among_types() -> None:
    ranked = sorted(TYPE_WEIGHTS, key=TYPE_WEIGHTS.__getitem__, reverse=True)
    assert ranked[:2] == [ComplaintType.SAFETY, ComplaintType.DAMAGE]


def test_an_angry_urgent_safety_complaint_on_a_big_booking_is_critical_and_says_why() -> None:
    result = assess(
        inputs(ComplaintType.SAFETY, "Sparking socket, urgent! Danger to my kids", -0.9, Decimal("6200"), 2)
    )
    assert result.level is Priority.CRITICAL
    explained = {f.name: (f.detail, f.points) for f in result.factors}
    assert explained["type"] == ("safety", 45)
    assert explained["sentiment"] == ("-0.90", 22)
    assert explained["booking_value"] == ("INR 6200.00", 10)
    assert explained["recent_complaints"] == ("2", 7)
    assert explained["urgency_words"] == ("sparking, urgent, danger", 10)
    assert result.score == 94


def test_a_calm_other_complaint_without_booking_is_low() -> None:
    result = assess(inputs(ComplaintType.OTHER, "Can I change my invoice name?", 0.3))
    assert (result.score, result.level) == (5, Priority.LOW)


def test_safety_is_at_least_high_even_with_a_low_score() -> None:
    result = assess(inputs(ComplaintType.SAFETY, "the person was rude", 0.5))
    assert result.score == 45
    assert result.level is Priority.HIGH


def test_urgency_words_are_distinct_and_case_insensitive() -> None:
    assert urgency_words("URGENT urgent, leak... LEAK! jaldi") == ["urgent", "leak", "jaldi"]
