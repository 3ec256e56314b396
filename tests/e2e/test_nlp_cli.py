"""`nexora nlp eval` and `nexora nlp analyse` over a seeded database, as operators run them."""

import pytest
from click.testing import CliRunner

from entrypoints.cli.main import cli


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    for name in ("NEXORA_REDIS_URL", "NEXORA_ENV", "NEXORA_LOG_FORMAT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NEXORA_REDIS_URL", "")
    monkeypatch.setenv("COLUMNS", "200")
    return CliRunner()


@pytest.fixture
def env(seeded_sqlite_url: str) -> dict[str, str]:
    return {"NEXORA_DATABASE_URL": seeded_sqlite_url}


def test_eval_prints_accuracy_macro_f1_per_intent_scores_and_the_confusion_matrix(
    runner: CliRunner, env
) -> None:
    result = runner.invoke(cli, ["nlp", "eval", "--entities", "--min-macro-f1", "0.9"], env=env)

    assert result.exit_code == 0, result.output
    assert "held-out split 6 (300 messages)" in result.output
    assert "Confusion matrix" in result.output
    for label in ("book_service", "reschedule_booking", "out_of_scope"):
        assert label in result.output
    assert "accuracy 0.9" in result.output
    assert "macro-F1 0.9" in result.output
    assert "Entities (" in result.output
    assert "booking_reference" in result.output


def test_eval_scores_the_other_held_out_split_when_asked(runner: CliRunner, env) -> None:
    result = runner.invoke(cli, ["nlp", "eval", "--held-out", "7", "--min-macro-f1", "0.9"], env=env)

    assert result.exit_code == 0, result.output
    assert "held-out split 7 (250 messages)" in result.output


def test_eval_refuses_a_held_out_split_that_does_not_exist(runner: CliRunner, env) -> None:
    result = runner.invoke(cli, ["nlp", "eval", "--held-out", "1"], env=env)

    assert result.exit_code == 2
    assert "--held-out" in result.output


def test_eval_fails_with_a_message_when_macro_f1_is_below_the_minimum(runner: CliRunner, env) -> None:
    result = runner.invoke(cli, ["nlp", "eval", "--min-macro-f1", "1"], env=env)

    assert result.exit_code == 1
    assert "is below 1.000" in result.output


def test_analyse_prints_intents_entities_and_sentiment_of_a_message(runner: CliRunner, env) -> None:
    result = runner.invoke(
        cli, ["nlp", "analyse", "the plumber never came, book another plumber for kal subah"], env=env
    )  # "book another for kal subah" (no service named) now leans out_of_scope: README "Language services"

    assert result.exit_code == 0, result.output
    assert "intents: " in result.output
    assert "complaint" in result.output
    assert "book_service" in result.output
    assert "when: " in result.output
    assert "sentiment: -" in result.output


def test_analyse_refuses_blank_text_with_a_message(runner: CliRunner, env) -> None:
    result = runner.invoke(cli, ["nlp", "analyse", "   "], env=env)

    assert result.exit_code == 1
    assert "text is empty" in result.output
    assert "Traceback" not in result.output


def test_a_language_model_that_cannot_be_reached_is_one_line_and_exit_code_3(
    runner: CliRunner, env: dict[str, str]
) -> None:
    unreachable = {
        **env,
        "NEXORA_LLM_PROVIDER": "gemini",
        "NEXORA_GEMINI_API_KEY": "test-key-not-real",
        "NEXORA_GEMINI_BASE_URL": "http://127.0.0.1:9",
        "NEXORA_LLM_MAX_ATTEMPTS": "1",
    }
    result = runner.invoke(cli, ["nlp", "analyse", "cancel my cleaning"], env=unreachable)

    assert result.exit_code == 3, result.output
    assert "could not answer" in result.output
    assert "Traceback" not in result.output
    assert "test-key-not-real" not in result.output
