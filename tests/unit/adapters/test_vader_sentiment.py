"""Sentiment of marketplace messages: complaints read negative, praise positive, requests neutral."""

import pytest

from adapters.nlp.vader import VaderSentiment

ANALYZER = VaderSentiment()


@pytest.mark.parametrize(
    "text",
    [
        "The plumber never came, terrible service!!",
        "no show by the electrician, waited all day",
        "the technician was rude to my mother",
        "my sofa got damaged during cleaning",
        "I was overcharged for the AC repair",
        "bahut ghatiya service thi",
        "kaam bekaar kiya hai",
        "plumber aaya hi nahi",
        "AC still not cooling after the repair",
        "nobody turned up",
    ],
)
async def test_complaints_score_negative_when_customers_describe_what_went_wrong(text: str) -> None:
    assert await ANALYZER.sentiment(text) < -0.3


@pytest.mark.parametrize(
    "text",
    [
        "Great job, very punctual and polite",
        "the cleaner did an excellent job, thank you",
        "bahut badhiya kaam kiya",
        "house is spotless now, would recommend",
    ],
)
async def test_praise_scores_positive_when_customers_are_happy(text: str) -> None:
    assert await ANALYZER.sentiment(text) > 0.3


@pytest.mark.parametrize("text", ["I need a plumber tomorrow", "book AC service at 560034", "   "])
async def test_plain_requests_score_near_zero(text: str) -> None:
    assert abs(await ANALYZER.sentiment(text)) <= 0.3


@pytest.mark.parametrize(
    "text",
    [
        "kaam accha nahi tha",
        "service achha nahi laga",
        "kaam badhiya nahin tha",
        "plumber mast nahi tha",
    ],
)
async def test_praise_negated_after_the_word_in_hindi_scores_negative(text: str) -> None:
    assert await ANALYZER.sentiment(text) < -0.2


async def test_a_complaint_word_negated_after_it_in_hindi_is_no_longer_negative() -> None:
    assert await ANALYZER.sentiment("kaam bekar nahi tha") > 0


@pytest.mark.parametrize(
    ("text", "sign"), [("😡", -1), ("👎", -1), ("🙏", 1), ("👍", 1), ("plumber 😡😡", -1)]
)
async def test_common_emoji_carry_sentiment(text: str, sign: int) -> None:
    assert await ANALYZER.sentiment(text) * sign > 0.3


async def test_an_emoji_strengthens_the_words_next_to_it() -> None:
    assert await ANALYZER.sentiment("service was good 👍") > await ANALYZER.sentiment("service was good")
