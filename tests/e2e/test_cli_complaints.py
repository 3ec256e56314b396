"""`nexora complaints ...` and `nexora queue` on a freshly migrated SQLite database holding only the known
complaints of tests/complaint_desk_data.py: the same use cases as the ops API, acting as the system."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from entrypoints.cli.main import cli
from tests.complaint_desk_data import desk_data, load_sql
from tests.conftest import DatabaseFactory, migrated, run_async


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    for name in ("NEXORA_ENV", "NEXORA_LOG_FORMAT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NEXORA_REDIS_URL", "")
    monkeypatch.setenv("COLUMNS", "220")
    return CliRunner()


@pytest.fixture
def env(sqlite_databases: DatabaseFactory) -> dict[str, str]:
    url = migrated(sqlite_databases.sqlite())
    run_async(lambda: load_sql(url, desk_data()))
    return {"NEXORA_DATABASE_URL": url}


def test_list_show_and_queue_print_tables_when_the_desk_is_read(
    runner: CliRunner, env: dict[str, str]
) -> None:
    listed = runner.invoke(cli, ["complaints", "list"], env=env)
    resolved = runner.invoke(
        cli, ["complaints", "list", "--status", "resolved", "--from", "2026-11-01"], env=env
    )
    shown = runner.invoke(cli, ["complaints", "show", "1"], env=env)
    queued = runner.invoke(cli, ["queue"], env=env)

    assert listed.exit_code == 0, listed.output
    assert "Nexora complaints" in listed.output
    assert "9 of 9 complaints" in listed.output
    assert "Complaint 10: behaviour" in listed.output
    assert resolved.exit_code == 0, resolved.output
    assert "3 of 3 complaints" in resolved.output
    assert shown.exit_code == 0, shown.output
    assert "Meera Iyer" in shown.output
    assert "meera.iyer@example.in" in shown.output  # the system holds customers.view_pii
    assert "Provider flagged for review" in shown.output
    assert "(internal)" in shown.output
    assert queued.exit_code == 0, queued.output
    assert "4 of 4 items" in queued.output
    assert queued.output.index("complaint 10") < queued.output.index("complaint 5")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["complaints", "list", "--status", "lost"], "unknown status 'lost'"),
        (["complaints", "show", "404"], "complaint 404 was not found"),
        (["complaints", "assign", "4", "999"], "staff member 999 was not found"),
        (["complaints", "resolve", "4", " "], "resolving a complaint needs a resolution note"),
        (["queue", "--status", "lost"], "status must be one of"),
    ],
)
def test_refusals_are_one_line_errors_with_exit_code_1_when_the_input_is_wrong(
    runner: CliRunner, env: dict[str, str], args: list[str], message: str
) -> None:
    result = runner.invoke(cli, args, env=env)
    assert result.exit_code == 1, result.output
    assert message in " ".join(result.output.split())


def test_assign_resolve_and_escalate_change_complaints_when_run_in_order(
    runner: CliRunner, env: dict[str, str]
) -> None:
    by_email = runner.invoke(cli, ["complaints", "assign", "4", "staff2@nexora-test.in"], env=env)
    by_hand = runner.invoke(cli, ["complaints", "escalate", "3", "--note", "customer called twice"], env=env)
    resolved = runner.invoke(cli, ["complaints", "resolve", "4", "Refunded the visit fee"], env=env)
    again = runner.invoke(cli, ["complaints", "resolve", "4", "Twice"], env=env)
    monitor = runner.invoke(cli, ["complaints", "escalate"], env=env)
    second = runner.invoke(cli, ["complaints", "escalate"], env=env)
    shown = runner.invoke(cli, ["complaints", "show", "4"], env=env)

    assert by_email.exit_code == 0, by_email.output
    assert "complaint 4 assigned to Bala Krishnan (id 2)" in by_email.output
    assert by_hand.exit_code == 0, by_hand.output
    assert "complaint 3 escalated: priority high, level 1" in by_hand.output
    assert resolved.exit_code == 0, resolved.output
    assert "complaint 4 resolved: Refunded the visit fee" in resolved.output
    assert again.exit_code == 1
    assert monitor.exit_code == 0, monitor.output
    assert "Escalated by the SLA monitor" in monitor.output
    assert "0 escalations" not in monitor.output
    assert second.exit_code == 0, second.output
    assert "0 escalations" in second.output
    assert "Assigned to staff #2" in shown.output


def test_analytics_prints_figures_and_the_csv_export_when_asked(
    runner: CliRunner, env: dict[str, str]
) -> None:
    days = ["--from", "2026-11-18", "--to", "2026-11-20"]
    tables = runner.invoke(cli, ["complaints", "analytics", *days], env=env)
    exported = runner.invoke(cli, ["complaints", "analytics", *days, "--csv"], env=env)

    assert tables.exit_code == 0, tables.output
    text = " ".join(tables.output.split())
    assert "7 complaints opened 2026-11-18 to 2026-11-20 (India)" in text
    assert "(4 met," in text  # the breached counts depend on today's date: the SLA clocks keep running
    assert "mean 159.6 min" in text
    assert "mean 700.0 min" in text
    assert "Open workload now" in text
    assert exported.exit_code == 0, exported.output
    rows = exported.output.splitlines()
    assert rows[:4] == [
        "section,key,metric,value",
        "range,from,date,2026-11-18",
        "range,to,date,2026-11-20",
        "summary,all,complaints,7",
    ]
    assert rows[-6:] == [
        "trend,2026-11-18,opened,2",
        "trend,2026-11-18,resolved,3",
        "trend,2026-11-19,opened,4",
        "trend,2026-11-19,resolved,0",
        "trend,2026-11-20,opened,1",
        "trend,2026-11-20,resolved,1",
    ]
