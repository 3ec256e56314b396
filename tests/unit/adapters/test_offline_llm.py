"""The offline language model: deterministic extractive replies, templates, and schema filling."""

from collections.abc import Sequence
from datetime import UTC, datetime

import msgspec
import pytest

from adapters.ai.metering import Meter, PriceTable
from adapters.ai.offline_llm import MODEL, OfflineLlm
from application.ai.ports import AIServiceError, ModelTier, Prompt, Role, Turn
from application.nlp.ports import Entities, Intent, IntentScore
from domain.shared.money import Money
from tests.ai_fakes import RecordingUsage
from tests.fakes import FakeClock

POLICY = """# Cancellation and refunds
Cancelling more than 4 hours before the slot is free. Cancelling within 4 hours costs a fee of Rs 99.
Refunds reach the original payment method within 5-7 working days.
# Rework
If a job is not done right, we redo it free within 7 days."""


class KeywordIntents:
    """Scripted intents: by a keyword in the text."""

    async def classify(self, text: str) -> Sequence[IntentScore]:
        if "cancel" in text.lower():
            return [IntentScore(Intent.CANCEL_BOOKING, 0.9), IntentScore(Intent.POLICY_QUESTION, 0.4)]
        if "book" in text.lower():
            return [IntentScore(Intent.BOOK_SERVICE, 0.8)]
        return [IntentScore(Intent.OUT_OF_SCOPE, 0.7)]


class SignSentiment:
    async def sentiment(self, text: str) -> float:
        return -0.8 if "bad" in text else 0.5


class FixedEntities:
    def __init__(self) -> None:
        self.seen_now: datetime | None = None

    async def extract(self, text: str, *, now: datetime) -> Entities:
        self.seen_now = now
        return Entities(pincode="560001", quantity=2, budget=Money.of("1500"))


def offline(**changes: object) -> OfflineLlm:
    services: dict[str, object] = {"intents": KeywordIntents(), "sentiment": SignSentiment()}
    return OfflineLlm(**(services | changes))  # type: ignore[arg-type]


async def test_reply_quotes_the_matching_context_sentences_when_context_is_supplied() -> None:
    prompt = Prompt.of(f"How long do refunds take?\nContext:\n{POLICY}")

    generation = await offline().generate(prompt)

    assert generation.text == "Refunds reach the original payment method within 5-7 working days."
    assert generation.usage.model == MODEL
    assert generation.usage.cost_usd == 0


async def test_reply_reads_context_from_the_system_instruction_too() -> None:
    prompt = Prompt.of(
        "what is the fee for cancelling late?", system=f"Answer from the policy.\nContext: {POLICY}"
    )

    text = (await offline().generate(prompt)).text

    assert "Rs 99" in text
    assert "Refunds" not in text


async def test_reply_says_it_does_not_know_when_the_context_does_not_cover_the_question() -> None:
    prompt = Prompt.of(f"Question: do you sell cars?\nContext:\n{POLICY}")

    text = (await offline().generate(prompt)).text

    assert text.startswith("I could not find that")


async def test_reply_greets_back_when_the_user_says_hello() -> None:
    text = (await offline().generate(Prompt.of("Namaste!"))).text

    assert text.startswith("Namaste! I'm Nexora's assistant.")


async def test_reply_thanks_back_when_the_user_says_thanks() -> None:
    assert "welcome" in (await offline().generate(Prompt.of("ok thanks a lot"))).text


async def test_reply_follows_the_intent_template_when_there_is_no_context() -> None:
    text = (await offline().generate(Prompt.of("please cancel my booking"))).text

    assert "booking reference" in text
    assert "cancel" in text


async def test_reply_answers_from_the_last_user_turn_of_a_conversation() -> None:
    prompt = Prompt(
        turns=(Turn(Role.USER, "hi"), Turn(Role.MODEL, "Namaste!"), Turn(Role.USER, "I want to book"))
    )

    text = (await offline().generate(prompt)).text

    assert "service, your pincode" in text


async def test_same_prompt_gives_the_same_reply_every_time() -> None:
    prompt = Prompt.of(f"rework?\nContext:\n{POLICY}")

    replies = {(await offline().generate(prompt)).text for _ in range(3)}

    assert len(replies) == 1


async def test_stream_yields_pieces_that_join_back_into_the_reply() -> None:
    llm, prompt = offline(), Prompt.of(f"how long do refunds take\nContext: {POLICY}")

    pieces = [piece async for piece in llm.stream(prompt)]

    assert len(pieces) > 3
    assert "".join(pieces) == (await llm.generate(prompt)).text


class Analysis(msgspec.Struct):
    intents: list["Guess"]
    intent: Intent
    confidence: float
    sentiment: float
    reply: str
    note: str
    flags: list[str]
    language: str = "en"


class Guess(msgspec.Struct):
    intent: str
    confidence: float


async def test_structured_output_is_filled_from_the_nlp_services_by_field_name() -> None:
    result = await offline().generate_structured(Prompt.of("cancel it, bad service"), Analysis)

    assert [(g.intent, g.confidence) for g in result.intents] == [
        ("cancel_booking", 0.9),
        ("policy_question", 0.4),
    ]
    assert (result.intent, result.confidence) == (Intent.CANCEL_BOOKING, 0.9)
    assert result.sentiment == -0.8
    assert "booking reference" in result.reply
    assert (result.note, result.flags, result.language) == ("", [], "en")


class Extraction(msgspec.Struct):
    entities: dict[str, object]


async def test_structured_entities_come_from_the_extractor_at_the_clock_time() -> None:
    extractor, clock = FixedEntities(), FakeClock(datetime(2026, 11, 24, 6, 30, tzinfo=UTC))

    result = await offline(entities=extractor, clock=clock).generate_structured(
        Prompt.of("2 ACs"), Extraction
    )

    assert result.entities["pincode"] == "560001"
    assert result.entities["quantity"] == 2
    assert extractor.seen_now == clock.now()


async def test_structured_output_refuses_a_schema_that_is_not_a_struct() -> None:
    with pytest.raises(AIServiceError, match="needs a msgspec Struct"):
        await offline().generate_structured(Prompt.of("x"), dict)


class Strict(msgspec.Struct):
    sentiment: int


async def test_structured_output_raises_ai_service_error_when_a_value_does_not_fit_the_type() -> None:
    with pytest.raises(AIServiceError, match="cannot fill Strict"):
        await offline().generate_structured(Prompt.of("bad"), Strict)


async def test_each_reply_is_recorded_with_zero_cost_when_a_meter_is_given() -> None:
    usage = RecordingUsage()
    llm = offline(meter=Meter(usage, FakeClock(), PriceTable({})))

    await llm.generate(Prompt.of("hello", purpose="reply"), tier=ModelTier.STRONG)

    [call] = usage.calls
    assert (call.model, call.purpose, call.cost_usd, call.output_tokens > 0) == (MODEL, "reply", 0, True)


async def test_a_structured_call_is_recorded_once_even_when_it_composes_a_reply() -> None:
    usage = RecordingUsage()
    llm = offline(meter=Meter(usage, FakeClock(), PriceTable({})))

    await llm.generate_structured(Prompt.of("cancel my booking", purpose="analysis"), Analysis)

    assert [(c.purpose, c.tier) for c in usage.calls] == [("analysis", ModelTier.LIGHT)]
