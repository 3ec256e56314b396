"""`nexora docs ...` and the seed's ingestion of the shipped policies, as operators run them."""

import re
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from entrypoints.cli.main import cli
from tests.conftest import DatabaseFactory, migrated

POLICIES = [
    "cancellation-and-refund",
    "privacy-policy",
    "rework-and-warranty",
    "safety-and-damage",
    "terms-of-service",
]


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(Path(__file__).resolve().parents[2])  # the project folder: tests/data lives here
    for name in ("NEXORA_REDIS_URL", "NEXORA_ENV", "NEXORA_LOG_FORMAT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NEXORA_REDIS_URL", "")
    monkeypatch.setenv("COLUMNS", "200")
    return CliRunner()


@pytest.fixture(scope="module")
def empty_db(sqlite_databases: DatabaseFactory) -> dict[str, str]:
    """A migrated database with no demo data: the knowledge commands need none."""
    return {"NEXORA_DATABASE_URL": migrated(sqlite_databases.sqlite())}


def test_ingest_takes_in_a_folder_refuses_bad_files_and_skips_unchanged_ones_when_run_again(
    runner: CliRunner, empty_db: dict[str, str], tmp_path: Path
) -> None:
    slug = f"geyser-notes-{uuid.uuid4().hex[:6]}"
    (tmp_path / f"{slug}.md").write_text("# Geyser Notes\n\n## Descaling\n\nDescale every six months.\n")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "ignored.csv").write_text("a,b\n")

    first = runner.invoke(cli, ["docs", "ingest", str(tmp_path)], env=empty_db)
    again = runner.invoke(cli, ["docs", "ingest", str(tmp_path / f"{slug}.md")], env=empty_db)
    listed = runner.invoke(cli, ["docs", "list"], env=empty_db)

    assert first.exit_code == 1, first.output
    assert re.search(rf"{slug}\s+│\s+created", first.output), first.output
    assert "refused" in first.output
    assert "ignored.csv" not in first.output
    assert again.exit_code == 0, again.output
    assert re.search(rf"{slug}\s+│\s+unchanged", again.output), again.output
    assert slug in listed.output


def test_eval_prints_hit_rates_per_retriever_and_hybrid_reaches_the_floor(
    runner: CliRunner, empty_db: dict[str, str]
) -> None:
    result = runner.invoke(cli, ["docs", "eval", "--min-hit3", "0.9"], env=empty_db)

    assert result.exit_code == 0, result.output
    rates = {
        mode: (float(h1), float(h3))
        for mode, h1, h3 in re.findall(
            r"(keyword|vector|hybrid)\s+│\s+([\d.]+)\s+│\s+([\d.]+)", result.output
        )
    }
    assert set(rates) == {"keyword", "vector", "hybrid"}
    assert rates["hybrid"][1] >= 0.9
    assert rates["hybrid"][1] >= max(rates["keyword"][1], rates["vector"][1])
    assert re.search(r"on\s+50\s+questions", result.output), result.output


def test_eval_fails_when_the_floor_is_not_reached(runner: CliRunner, empty_db: dict[str, str]) -> None:
    result = runner.invoke(cli, ["docs", "eval", "--min-hit3", "1.0"], env=empty_db)
    assert result.exit_code == 1
    assert "hybrid hit@3 is below 1.0" in result.output


def test_search_prints_the_best_sections(runner: CliRunner, empty_db: dict[str, str]) -> None:
    runner.invoke(cli, ["docs", "ingest-shipped"], env=empty_db)
    result = runner.invoke(
        cli, ["docs", "search", "termite treatment warranty", "--limit", "2"], env=empty_db
    )
    assert result.exit_code == 0, result.output
    assert "Rework and Warranty Policy > Warranty periods by category" in result.output


def test_seeding_ingests_the_shipped_policies_even_when_the_demo_data_exists(
    runner: CliRunner, seeded_sqlite_url: str
) -> None:
    env = {"NEXORA_DATABASE_URL": seeded_sqlite_url}
    seeded = runner.invoke(cli, ["db", "seed", "--if-empty"], env=env)
    listed = runner.invoke(cli, ["docs", "list"], env=env)

    assert seeded.exit_code == 0, seeded.output
    assert "nothing seeded" in seeded.output
    assert re.search(r"knowledge base: \d of 5 shipped policy documents", seeded.output), seeded.output
    for slug in POLICIES:
        assert slug in listed.output


def test_ingest_reports_an_oversize_file_and_goes_on_with_the_rest_when_given_a_folder(
    runner: CliRunner, empty_db: dict[str, str], tmp_path: Path
) -> None:
    slug = f"zz-inverter-notes-{uuid.uuid4().hex[:6]}"
    (tmp_path / "aa-huge.md").write_text("# Huge\n\n" + "word " * 1_100_000)
    notes = "# Inverter Notes\n\n## Battery\n\nTop up distilled water monthly.\n"
    (tmp_path / f"{slug}.md").write_text(notes)

    result = runner.invoke(cli, ["docs", "ingest", str(tmp_path)], env=empty_db)

    assert result.exit_code == 1, result.output
    assert re.search(r"aa-huge\.md.*refused.*at most 5,242,880", result.output), result.output
    assert re.search(rf"{slug}\s+│\s+created", result.output), result.output
    assert "some files were refused" in result.output
