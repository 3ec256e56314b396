"""The `nexora` command as an operator uses it."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from entrypoints.cli.main import cli
from tests.conftest import DatabaseFactory


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CliRunner:
    monkeypatch.chdir(Path(__file__).resolve().parents[2])  # the project folder: migrations/ lives here
    for name in ("NEXORA_REDIS_URL", "NEXORA_ENV", "NEXORA_LOG_FORMAT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NEXORA_REDIS_URL", "")
    return CliRunner()


def test_catalog_list_prints_a_table_of_categories_and_services_when_seeded(
    runner: CliRunner, seeded_sqlite_url: str
) -> None:
    result = runner.invoke(cli, ["catalog", "list"], env={"NEXORA_DATABASE_URL": seeded_sqlite_url})
    assert result.exit_code == 0, result.output
    assert "Nexora service catalog" in result.output
    assert "Home Cleaning" in result.output
    assert "12 categories" in result.output


def test_catalog_list_fails_with_a_message_when_the_category_is_unknown(
    runner: CliRunner, seeded_sqlite_url: str
) -> None:
    result = runner.invoke(
        cli, ["catalog", "list", "--category", "999"], env={"NEXORA_DATABASE_URL": seeded_sqlite_url}
    )
    assert result.exit_code == 1
    assert "category 999 was not found" in result.output


def test_db_commands_migrate_seed_once_and_report_the_revision_when_run_in_order(
    runner: CliRunner, sqlite_databases: DatabaseFactory
) -> None:
    env = {"NEXORA_DATABASE_URL": sqlite_databases.sqlite()}
    assert "base (empty)" in runner.invoke(cli, ["db", "current"], env=env).output
    upgraded = runner.invoke(cli, ["db", "upgrade"], env=env)
    assert upgraded.exit_code == 0, upgraded.output
    assert "up to date" in runner.invoke(cli, ["db", "current"], env=env).output
    seeded = runner.invoke(cli, ["db", "seed", "--if-empty"], env=env)
    assert seeded.exit_code == 0, seeded.output
    assert "subcategories" in seeded.output
    assert "76" in seeded.output
    again = runner.invoke(cli, ["db", "seed", "--if-empty"], env=env)
    assert "nothing seeded" in again.output
    refused = runner.invoke(cli, ["db", "seed"], env=env)
    assert refused.exit_code == 1
    assert "already holds data" in refused.output


def test_db_reset_recreates_the_demo_data_when_confirmed(
    runner: CliRunner, sqlite_databases: DatabaseFactory
) -> None:
    env = {"NEXORA_DATABASE_URL": sqlite_databases.sqlite()}
    assert runner.invoke(cli, ["db", "upgrade"], env=env).exit_code == 0
    aborted = runner.invoke(cli, ["db", "reset"], env=env, input="n\n")
    assert aborted.exit_code == 1
    result = runner.invoke(cli, ["db", "reset", "--yes"], env=env)
    assert result.exit_code == 0, result.output
    assert "categories" in result.output
    again = runner.invoke(cli, ["db", "reset", "--yes", "--seed", "7"], env=env)
    assert again.exit_code == 0, again.output
    assert "seed 7" in again.output


def test_invalid_setting_stops_with_a_message_naming_the_variable_when_starting(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["serve"], env={"NEXORA_PORT": "eighty", "NEXORA_DATABASE_URL": "postgres://x"}
    )
    assert result.exit_code == 2
    assert "NEXORA_PORT" in result.output
    assert "NEXORA_DATABASE_URL" in result.output
    assert "Traceback" not in result.output


def test_worker_refuses_to_start_with_a_message_when_redis_is_not_configured(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["worker"], env={"NEXORA_REDIS_URL": ""})
    assert result.exit_code == 2
    assert "NEXORA_REDIS_URL" in result.output


def test_database_down_is_a_clear_message_when_running_a_command(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["catalog", "list"], env={"NEXORA_DATABASE_URL": "mysql+asyncmy://root@127.0.0.1:1/x"}
    )
    assert result.exit_code == 3
    assert "database is unavailable" in result.output
    assert "Traceback" not in result.output


def test_db_seed_at_scale_writes_n_times_the_demo_volume_when_asked(
    runner: CliRunner, sqlite_databases: DatabaseFactory
) -> None:
    env = {"NEXORA_DATABASE_URL": sqlite_databases.sqlite()}
    assert runner.invoke(cli, ["db", "upgrade"], env=env).exit_code == 0
    result = runner.invoke(
        cli, ["db", "seed", "--scale", "5", "--anchor", "2026-11-24", "--seed", "3"], env=env
    )
    assert result.exit_code == 0, result.output
    assert "695" in result.output  # 5 x 139 bookings
    assert "5,960" in result.output  # 5 x 1,192 messages
    assert "scale 5" in result.output


def test_db_seed_refuses_a_bad_scale_or_anchor_with_a_message_when_given(runner: CliRunner) -> None:
    bad_scale = runner.invoke(cli, ["db", "seed", "--scale", "0"])
    assert bad_scale.exit_code == 2
    assert "--scale" in bad_scale.output
    bad_anchor = runner.invoke(cli, ["db", "seed", "--anchor", "24/11/2026"])
    assert bad_anchor.exit_code == 2
    assert "--anchor" in bad_anchor.output
