"""`nexora catalog search` and `nexora catalog search-eval` over a seeded database, as operators run them."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from entrypoints.cli.main import cli


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(Path(__file__).resolve().parents[2])  # the project folder: tests/data lives here
    for name in ("NEXORA_REDIS_URL", "NEXORA_ENV", "NEXORA_LOG_FORMAT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NEXORA_REDIS_URL", "")
    monkeypatch.setenv("COLUMNS", "160")
    return CliRunner()


@pytest.fixture
def env(seeded_sqlite_url: str) -> dict[str, str]:
    return {"NEXORA_DATABASE_URL": seeded_sqlite_url}


def test_search_prints_ranked_services_with_reasons_when_given_words(runner: CliRunner, env) -> None:
    result = runner.invoke(cli, ["catalog", "search", "geyser repair"], env=env)
    assert result.exit_code == 0, result.output
    assert 'Services matching "geyser repair"' in result.output
    assert "Geyser Repair and Installation" in result.output
    assert "keyword: geyser repair" in result.output
    assert "1.00" in result.output


def test_search_says_so_when_the_pincode_is_not_serviceable(runner: CliRunner, env) -> None:
    result = runner.invoke(cli, ["catalog", "search", "ac", "--pincode", "560064"], env=env)
    assert result.exit_code == 0, result.output
    assert "560064 is not serviceable" in result.output


def test_search_says_so_when_nothing_matches(runner: CliRunner, env) -> None:
    result = runner.invoke(cli, ["catalog", "search", "xyzzy"], env=env)
    assert result.exit_code == 0, result.output
    assert "no service matched" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [(["   "], "search text is empty"), (["ac", "--pincode", "12"], "not a valid pincode")],
)
def test_search_fails_with_a_message_when_the_input_is_invalid(
    runner: CliRunner, env, args: list[str], message: str
) -> None:
    result = runner.invoke(cli, ["catalog", "search", *args], env=env)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_search_eval_prints_accuracy_per_split_when_run_on_the_query_set(runner: CliRunner, env) -> None:
    result = runner.invoke(
        cli, ["catalog", "search-eval", "--min-top1", "0.8", "--min-top3", "0.92"], env=env
    )
    assert result.exit_code == 0, result.output
    assert "Service search accuracy" in result.output
    for split in ("dev", "heldout", "all"):
        assert split in result.output


def test_search_eval_lists_misses_and_fails_when_below_the_minimum(
    runner: CliRunner, env, tmp_path: Path
) -> None:
    queries = tmp_path / "queries.jsonl"
    rows = [
        {"query": "geyser", "expected": ["geyser-repair-and-installation"]},
        {"query": "gardening", "expected": ["waxing"], "kind": "english", "split": "heldout"},
    ]
    queries.write_text("\n".join(json.dumps(r) for r in rows) + "\n")

    result = runner.invoke(
        cli, ["catalog", "search-eval", "--queries", str(queries), "--min-top1", "0.9"], env=env
    )

    assert result.exit_code == 1
    assert "gardening" in result.output
    assert "0.500" in result.output
    assert "below the minimum" in result.output


def test_search_eval_fails_with_a_message_when_the_query_file_is_malformed(
    runner: CliRunner, env, tmp_path: Path
) -> None:
    queries = tmp_path / "queries.jsonl"
    queries.write_text('{"query": "ac"}\n')
    result = runner.invoke(cli, ["catalog", "search-eval", "--queries", str(queries)], env=env)
    assert result.exit_code == 1
    assert "expected" in result.output
